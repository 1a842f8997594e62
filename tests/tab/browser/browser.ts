import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Frame, Page } from 'playwright-core';
import { buildTab } from '../../../scripts/build-tab';
import type { GraphFeatures } from '../../../tab/api/me-routes';
import { startTestApp, type TestApp } from '../../../testkit/test-app';

/**
 * The page's globals as functions run in the browser see them (Node's types have no DOM). Functions passed to
 * waitForFunction are sent to the page as source, so they cast `globalThis` to this rather than call helpers;
 * string predicates would be evaluated with eval, which the tab's Content-Security-Policy refuses.
 */
export interface InPage {
  readonly document: {
    getAnimations(): { playState: string }[];
    querySelector(selector: string): { getAttribute(name: string): string | null } | null;
    readonly activeElement: { readonly textContent: string | null } | null;
  };
  readonly location: { hash: string };
}

/**
 * The focused element's text once it is `expected`, or whatever has focus after 5 s. Fluent UI gives focus back
 * to what opened a dialog a moment after the dialog is gone (tabster restores it asynchronously), so reading
 * focus as soon as the dialog is detached races that on a busy machine.
 */
export async function focusedTextOnceItIs(page: Page, expected: string): Promise<unknown> {
  await page
    .waitForFunction(
      (text) => (globalThis as unknown as InPage).document.activeElement?.textContent === text,
      expected,
      { timeout: 5_000 },
    )
    .catch(() => undefined);
  return page.evaluate('document.activeElement?.textContent');
}

/** An axe-core violation, as much of it as a failure message needs. */
export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly targets: string[];
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core (WCAG 2.1 A and AA rules) in the page and returns the serious and critical violations.
 * Fluent UI's focus helpers (`<i data-tabster-dummy aria-hidden tabindex=0>`, which pass focus on at once) are
 * left out: a known false positive of `aria-hidden-focus` (microsoft/tabster#288), which Accessibility Insights
 * also suppresses.
 */
export async function seriousAxeViolations(page: Page | Frame): Promise<AxeViolation[]> {
  // A dialog fading in is half transparent: contrast is judged once animations have finished.
  await page.waitForFunction(() =>
    (globalThis as unknown as InPage).document.getAnimations().every((a) => a.playState !== 'running'),
  );
  // Evaluated by the browser's debugger protocol, which the tab's Content-Security-Policy does not govern (a
  // script tag would be refused, as it should be).
  await page.evaluate(`${AXE_SOURCE}\n;0`);
  return page.evaluate(async () => {
    // Runs in the page, where axe-core was just injected as a global.
    const axe = (globalThis as unknown as { axe: any }).axe;
    const result = await axe.run(
      { include: [['html']], exclude: [['[data-tabster-dummy]']] },
      { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    );
    return result.violations
      .filter((v: any) => v.impact === 'serious' || v.impact === 'critical')
      .map((v: any) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.slice(0, 5).map((n: any) => String(n.target)),
      }));
  });
}

/**
 * The instant the tab's browser tests live at: a fixed one, so the demo data, "overdue" and "due soon" read the
 * same on any day the suite runs. A Wednesday in term time, mid-morning in London.
 */
export const TAB_TEST_NOW = '2026-12-02T10:30:00.000Z';

/** The real server with a freshly built tab (so the test sees the current source, whatever `dist/` holds). */
export async function startTabApp(options: { graph?: GraphFeatures } = {}): Promise<TestApp> {
  const tabRoot = mkdtempSync(join(tmpdir(), 'tab-build-'));
  await buildTab(tabRoot);
  const app = await startTestApp({ tabRoot, ...options });
  app.clock.set(TAB_TEST_NOW);
  return {
    ...app,
    close: async () => {
      await app.close();
      rmSync(tabRoot, { recursive: true, force: true });
    },
  };
}

/**
 * A browser context whose pages read the app's clock, not the machine's: the tab judges "overdue" by the
 * browser's today, which must be the server's today. Timers still run; only the date is fixed.
 */
export async function contextAt(
  browser: Browser,
  app: TestApp,
  options: BrowserContextOptions = {},
): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  await context.clock.setFixedTime(app.clock.now());
  return context;
}
