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

/** Picks a person in the n-th people picker of a card by typing their first name. */
export async function pickPerson(page: Page, form: Locator, n: number, name: string): Promise<void> {
  const picker = form.getByRole('combobox', { name: 'People Picker' }).nth(n);
  await picker.click();
  await picker.pressSequentially(name.split(' ')[0]!);
  await page.locator('.ms-Suggestions').getByText(name).click();
}

/** Chooses an option of a card's choice set by typing its start. */
export async function choose(page: Page, box: Locator, typed: string, option: RegExp): Promise<void> {
  await box.click();
  await page.keyboard.type(typed);
  await page.getByRole('option', { name: option }).first().click();
  await page.keyboard.press('Escape');
}
