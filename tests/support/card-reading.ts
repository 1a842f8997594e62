/** Reading cards the way a person (or a test) does: their words, their inputs, their buttons. */

/** Visits every element and action; fallbacks (what old clients see instead) are skipped. */
function walk(node: unknown, visit: (n: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) return node.forEach((n) => walk(n, visit));
  if (node && typeof node === 'object') {
    visit(node as Record<string, unknown>);
    for (const [key, value] of Object.entries(node)) if (key !== 'fallback') walk(value, visit);
  }
}

/** Every text a card shows (text blocks, text runs, facts, button titles), one per line. */
export function cardText(card: unknown): string {
  const lines: string[] = [];
  walk(card, (n) => {
    if ((n.type === 'TextBlock' || n.type === 'TextRun') && typeof n.text === 'string') lines.push(n.text);
    if (typeof n.title === 'string' && typeof n.value === 'string' && !n.type)
      lines.push(`${n.title}: ${n.value}`);
    if (typeof n.type === 'string' && n.type.startsWith('Action.') && typeof n.title === 'string')
      lines.push(`[${n.title}]`);
  });
  return lines.join('\n');
}

/** The Action.Execute buttons of a card with a verb, in order. */
export function buttons(card: unknown, verb: string): Record<string, any>[] {
  const found: Record<string, any>[] = [];
  walk(card, (n) => {
    if (n.type === 'Action.Execute' && n.verb === verb) found.push(n);
  });
  return found;
}

/** The data a card's first button with this verb submits, merged with input values as Teams does. */
export function submitData(
  card: unknown,
  verb: string,
  inputs: Record<string, unknown> = {},
): Record<string, any> {
  const [button] = buttons(card, verb);
  if (!button) throw new Error(`no ${verb} button on the card:\n${cardText(card)}`);
  return { ...(button.data as object), ...inputs };
}

/** Every input's starting value, as Teams would send them if the user pressed a button without changing any. */
export function filledInputs(card: unknown): Record<string, string> {
  const values: Record<string, string> = {};
  walk(card, (n) => {
    if (typeof n.type === 'string' && n.type.startsWith('Input.') && n.value !== undefined)
      values[n.id as string] = String(n.value);
  });
  return values;
}

/** An input element by id. */
export function input(card: unknown, id: string): Record<string, any> | undefined {
  let found: Record<string, any> | undefined;
  walk(card, (n) => {
    if (n.id === id && typeof n.type === 'string' && n.type.startsWith('Input.')) found = n;
  });
  return found;
}

/** The error message shown right after an input, if any. */
export function inputError(card: unknown, id: string): string | undefined {
  let message: string | undefined;
  walk(card, (n) => {
    for (const key of ['body', 'items']) {
      const list = n[key];
      if (!Array.isArray(list)) continue;
      const i = list.findIndex((e: any) => e?.id === id);
      const next = list[i + 1] as any;
      if (i >= 0 && next?.type === 'TextBlock' && next.color === 'attention') message = next.text;
    }
  });
  return message;
}

/** The card in an `adaptiveCard/action` invoke answer. */
export function answeredCard(body: any): any {
  if (body?.type !== 'application/vnd.microsoft.card.adaptive')
    throw new Error(`expected a card answer, got ${JSON.stringify(body)}`);
  return body.value;
}
