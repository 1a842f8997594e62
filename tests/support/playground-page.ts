import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';

/**
 * How long a Playground test waits for what a user would see next. Generous: on a loaded two-core CI machine a
 * step took 2.5 times as long as alone, and a wait that ends early only turns slowness into a failure.
 */
export const PLAYGROUND_WAIT_MS = 40_000;

/** The newest Adaptive Card in the page that shows `text`, once it is visible. */
export async function newestCard(page: Page, text: string): Promise<Locator> {
  await page.getByText(text).last().waitFor();
  return page.locator('.ac-adaptiveCard').filter({ hasText: text }).last();
}

/**
 * Runs a step. When it fails, keeps a screenshot of the page in `test-results/` and adds the text of the newest
 * cards to the error, so a failure on a CI machine, whose files are gone, still says what the user saw.
 */
export async function step(page: Page, name: string, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (err) {
    const dir = join(__dirname, '..', '..', 'test-results');
    mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: join(dir, `playground-${name}.png`), fullPage: true });
    if (err instanceof Error)
      addToMessage(err, `Newest cards in the page:\n${await newestCardTexts(page, 3)}`);
    throw err;
  }
}

/** Adds a paragraph to an error's message, and to its stack, which is what Jest prints. */
function addToMessage(err: Error, paragraph: string): void {
  const oldMessage = err.message;
  err.message = `${oldMessage}\n\n${paragraph}`;
  if (err.stack?.includes(oldMessage)) err.stack = err.stack.replace(oldMessage, err.message);
}

/** The text of the page's newest `count` cards, newest last, each shortened to one line of 400 characters. */
async function newestCardTexts(page: Page, count: number): Promise<string> {
  const texts = await page
    .locator('.ac-adaptiveCard')
    .evaluateAll((cards) => cards.map((c) => (c as { innerText: string }).innerText))
    .catch(() => [] as string[]);
  const lines = texts.slice(-count).map((t) => `- ${t.replace(/\s+/g, ' ').trim().slice(0, 400)}`);
  return lines.length > 0 ? lines.join('\n') : '(none)';
}

/**
 * Fills a form card and checks, before it is sent, that a field still holds what was typed; if not, fills it
 * again, as a user who saw the form blank would. Seen in CI (stop 36, one run of five): the fields filled first
 * showed their required-field errors while the people picker filled last kept its person, so the card had been
 * re-rendered blank while being filled (probably by a message arriving late), and its submit stopped at the
 * card's own checks with nothing sent. Stop 33's red CI, the same test waiting for a form's answer, fits it.
 */
export async function fillForm(field: Locator, typed: string, fill: () => Promise<void>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await fill();
    if ((await field.inputValue()) === typed || attempt === 3) return;
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
