import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/**
 * The Chromium the tests drive through playwright-core (which never downloads a browser): Debian's, as
 * `.ci/run` installs it, or CHROMIUM_PATH where another machine keeps it elsewhere.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Chromium flags for a quiet headless run on a shared machine. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--no-first-run',
];

/** What to install when Chromium is missing. */
export const CHROMIUM_PACKAGE = 'chromium';

/** Whether Chromium is installed here. */
export function chromiumInstalled(): boolean {
  return existsSync(CHROMIUM);
}

/**
 * `describe` for a suite that drives Chromium, or `describe.skip` where it is not installed. The global setup
 * prints the one banner that says so, or fails the run when REQUIRE_BROWSER=1 (as in CI).
 */
export function describeInChromium(name: string, suite: () => void): void {
  (chromiumInstalled() ? describe : describe.skip)(name, suite);
}

/** Launches headless Chromium. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}
