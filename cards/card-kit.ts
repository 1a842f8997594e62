/**
 * Small typed builders for Adaptive Cards 1.5, so renderers read as layouts rather than JSON. Pure data: no
 * botbuilder, so the tab can render the same cards with the adaptivecards SDK.
 */

/** Any card element (TextBlock, Container, inputs, …) as JSON. */
export type CardElement = { readonly type: string } & Record<string, unknown>;
/** Any card action as JSON. */
export type CardAction = { readonly type: string } & Record<string, unknown>;

/** An Adaptive Card as sent to Teams. */
export interface AdaptiveCard {
  readonly type: 'AdaptiveCard';
  readonly $schema: string;
  readonly version: '1.5';
  readonly body: CardElement[];
  readonly actions?: CardAction[];
  readonly refresh?: { readonly action: CardAction; readonly userIds?: readonly string[] };
  readonly msteams?: { readonly width: 'Full' };
}

/** Where a card's buttons are answered: chat messages use Action.Execute; dialogs only know Action.Submit. */
export type CardSurface = 'message' | 'dialog';

/** Teams' most people a card refresh may name. */
export const MAX_REFRESH_USERS = 60;

/** A card with a body, optional actions and an optional refresh. */
export function adaptiveCard(
  body: CardElement[],
  actions: CardAction[] = [],
  refresh?: AdaptiveCard['refresh'],
): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...(actions.length ? { actions } : {}),
    ...(refresh ? { refresh } : {}),
    msteams: { width: 'Full' },
  };
}

/** Characters Teams reads as Markdown anywhere in a TextBlock or fact. */
const MARKDOWN_INLINE = /[\\`*_[\]~<>]/g;
/** Markdown that only counts at the start of a line: lists, headings, quotes. */
const MARKDOWN_LINE_START = /^(\s*)([-+#>]|\d+\.)/gm;

/**
 * Text shown as typed inside a TextBlock or fact, which Teams reads as Markdown: its Markdown characters are
 * escaped, so a name like `[Pay here](https://…)` shows as typed instead of becoming a link.
 */
export function literal(value: string): string {
  return value
    .replace(MARKDOWN_INLINE, '\\$&')
    .replace(MARKDOWN_LINE_START, (_m, space: string, mark: string) =>
      /\d/.test(mark) ? `${space}${mark.slice(0, -1)}\\.` : `${space}\\${mark}`,
    );
}

/** A wrapping text block showing `value` as written (see {@link literal}). */
export function text(value: string, options: Record<string, unknown> = {}): CardElement {
  return styled(literal(value), options);
}

/** A wrapping text block whose Markdown is ours: every part someone typed must be passed through {@link literal}. */
export function styled(markdown: string, options: Record<string, unknown> = {}): CardElement {
  return { type: 'TextBlock', text: markdown, wrap: true, ...options };
}

/** A card title. */
export function heading(value: string, subtitle?: string): CardElement[] {
  return [
    text(value, { size: 'Large', weight: 'Bolder', style: 'heading' }),
    ...(subtitle ? [text(subtitle, { isSubtle: true, spacing: 'None' })] : []),
  ];
}

/** A section heading inside a card. */
export function section(value: string): CardElement {
  return text(value, { weight: 'Bolder', spacing: 'Medium' });
}

/** Label and value pairs; empty values are left out. */
export function facts(pairs: readonly (readonly [string, string | undefined])[]): CardElement[] {
  const shown = pairs.filter((p): p is readonly [string, string] => p[1] !== undefined && p[1] !== '');
  return shown.length
    ? [
        {
          type: 'FactSet',
          facts: shown.map(([title, value]) => ({ title: literal(title), value: literal(value) })),
        },
      ]
    : [];
}

/**
 * Text someone typed, shown as typed: a RichTextBlock's text runs are not read as Markdown, so asterisks,
 * brackets and leading dashes in minutes or titles stay literal.
 */
export function plain(value: string, options: Record<string, unknown> = {}): CardElement {
  return { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: value }], ...options };
}

/** A bulleted list of short lines typed by someone, at most `maxItems` of at most `maxLength` characters. */
export function bullets(lines: readonly string[], maxItems: number, maxLength: number): CardElement[] {
  if (lines.length === 0) return [];
  const shown = lines.slice(0, maxItems).map((l) => `• ${clip(l, maxLength)}`);
  if (lines.length > maxItems) shown.push(`…and ${lines.length - maxItems} more`);
  return [plain(shown.join('\n'), { spacing: 'Small' })];
}

/** A coloured banner: errors in attention colour, confirmations in good colour. */
export function banner(message: string, tone: 'attention' | 'good' | 'warning' = 'attention'): CardElement {
  return {
    type: 'Container',
    style: tone === 'attention' ? 'attention' : tone === 'good' ? 'good' : 'warning',
    items: [text(message, { color: tone, weight: 'Bolder' })],
  };
}

/** A group of elements shown together, optionally hidden until toggled. */
export function container(items: CardElement[], options: Record<string, unknown> = {}): CardElement {
  return { type: 'Container', items, ...options };
}

/** Side-by-side columns of equal weight. */
export function columns(...cells: CardElement[][]): CardElement {
  return {
    type: 'ColumnSet',
    columns: cells.map((items) => ({ type: 'Column', width: 'stretch', items })),
  };
}

/** Buttons inside the body (beside the thing they act on). */
export function actionSet(actions: CardAction[], options: Record<string, unknown> = {}): CardElement {
  return { type: 'ActionSet', actions, ...options };
}

/**
 * A button that runs a verb: `Action.Execute` in messages (with an `Action.Submit` fallback carrying the verb
 * for clients before Universal Actions), plain `Action.Submit` in dialogs.
 */
export function verbAction(
  surface: CardSurface,
  title: string,
  verb: string,
  data: Record<string, unknown>,
  options: { style?: 'positive' | 'destructive'; validatesInputs?: boolean } = {},
): CardAction {
  const common = {
    title,
    ...(options.style ? { style: options.style } : {}),
    ...(options.validatesInputs === false ? { associatedInputs: 'none' } : {}),
  };
  const submit = { type: 'Action.Submit', ...common, data: { ...data, verb } };
  if (surface === 'dialog') return submit;
  return { type: 'Action.Execute', ...common, verb, data: { ...data, verb }, fallback: submit };
}

/** A button that sends a command as if typed (Teams `imBack`): answered like any typed command. */
export function commandButton(title: string, command: string): CardAction {
  return { type: 'Action.Submit', title, data: { msteams: { type: 'imBack', value: command } } };
}

/** A button that opens a dialog from a bot card (Teams `task/fetch`). */
export function dialogButton(title: string, verb: string, data: Record<string, unknown>): CardAction {
  return { type: 'Action.Submit', title, data: { msteams: { type: 'task/fetch' }, verb, ...data } };
}

/** A link button. */
export function openUrl(title: string, url: string): CardAction {
  return { type: 'Action.OpenUrl', title, url };
}

/** A button that shows or hides elements by id. */
export function toggle(title: string, targetIds: readonly string[]): CardAction {
  return { type: 'Action.ToggleVisibility', title, targetElements: [...targetIds] };
}

/** Cuts text to `max` characters, with an ellipsis when it was longer. */
export function clip(value: string, max: number): string {
  const chars = [...value];
  return chars.length <= max ? value : `${chars.slice(0, Math.max(0, max - 1)).join('')}…`;
}

const utf8 = new TextEncoder();
/**
 * Any character but printable ASCII. JSON escapes control characters, so what this finds in a card's JSON is
 * almost always a character UTF-8 writes in more than one byte (DEL, one byte, is simply counted exactly too).
 */
const NOT_PRINTABLE_ASCII = /[^\u0020-\u007e]/;

/** UTF-8 size of a card as JSON: what Teams' size limits count. */
export function cardBytes(card: unknown): number {
  const json = JSON.stringify(card);
  // Every card is measured on its way out; most are all ASCII, one byte a character, with nothing to encode.
  return NOT_PRINTABLE_ASCII.test(json) ? utf8.encode(json).length : json.length;
}
