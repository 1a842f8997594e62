import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Browser } from 'playwright-core';
import { BOT_COMMANDS } from '../../../bot/command-list';
import { projectRoot } from '../../../server/project-root';
import { describeInChromium, launchChromium } from '../../../testkit/chromium';
import { clockEnvironment } from '../../../testkit/clock-environment';

/** The page's DOM, as far as the check that runs in the browser uses it (this project compiles without DOM types). */
interface PageElement {
  readonly textContent: string | null;
  querySelector(selector: string): unknown;
}
declare const document: { querySelectorAll(selector: string): ArrayLike<PageElement> };

/** Runs `npm run playground`'s script as its own process and resolves with the address it announces. */
function startPlayground(dataDir: string): {
  child: ChildProcess;
  url: Promise<string>;
  exited: Promise<unknown>;
} {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(projectRoot(), 'scripts', 'playground.ts')],
    {
      cwd: projectRoot(),
      env: {
        PATH: process.env.PATH ?? '',
        ...clockEnvironment(),
        HOME: process.env.HOME ?? tmpdir(),
        DATA_DIR: dataDir,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));
  const output: string[] = [];
  const url = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no Playground address:\n${output.join('\n')}`)), 90_000);
    for (const stream of [child.stdout!, child.stderr!])
      createInterface({ input: stream }).on('line', (line) => {
        output.push(line);
        const match = /^Agents Playground: (http:\/\/localhost:\d+)$/.exec(line);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`npm run playground stopped (${String(code)}):\n${output.join('\n')}`));
    });
  });
  return { child, url, exited };
}

describeInChromium('npm run playground', () => {
  let dataDir: string;
  let browser: Browser | undefined;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'playground-'));
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('gives a working chat with the bot in the configured tenant, and stops cleanly', async () => {
    const playground = startPlayground(dataDir);
    try {
      const url = await playground.url;
      browser = await launchChromium();
      const page = await browser.newPage();
      await page.goto(url);

      // The tenant of .m365agentsplayground.yml, not the Playground's built-in one.
      await page
        .getByRole('treeitem', { name: 'Customer Service Partnerships - Supplier check-ins' })
        .waitFor({ timeout: 30_000 });

      await page.getByRole('treeitem', { name: 'Personal Chat' }).click();
      await page.getByRole('textbox').first().click();
      await page.keyboard.type('help');
      await page.keyboard.press('Enter');

      // The bot's answer lists every command. Search outside the chat list, whose preview may repeat the text.
      const titles = BOT_COMMANDS.map((c) => c.title);
      await page.waitForFunction(
        (expected) =>
          Array.from(document.querySelectorAll('p, div, span')).some(
            (el) => !el.querySelector('[role="tree"]') && expected.every((t) => el.textContent?.includes(t)),
          ),
        titles,
        { timeout: 30_000 },
      );
      await expect(page.getByText('Partner CRM', { exact: true }).first().isVisible()).resolves.toBe(true);
    } finally {
      playground.child.kill('SIGTERM');
    }
    await expect(playground.exited).resolves.toBe(0);
  }, 180_000);
});
