import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';

/** The newest Adaptive Card in the page that shows `text`, once it is visible. */
export async function newestCard(page: Page, text: string): Promise<Locator> {
  await page.getByText(text).last().waitFor();
  return page.locator('.ac-adaptiveCard').filter({ hasText: text }).last();
}

/** Runs a step, keeping a screenshot of the page in `test-results/` when it fails. */
export async function step(page: Page, name: string, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (err) {
    const dir = join(__dirname, '..', '..', 'test-results');
    mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: join(dir, `playground-${name}.png`), fullPage: true });
    throw err;
  }
}
