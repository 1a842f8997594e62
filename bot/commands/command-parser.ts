import { BOT_COMMANDS, type BotCommand } from '../command-list';
import { typedText } from '../message-text';

/** What someone typed, read as a command or not. */
export type ParsedText =
  | { readonly kind: 'command'; readonly command: BotCommand }
  | { readonly kind: 'unknown'; readonly text: string; readonly closest: BotCommand }
  | { readonly kind: 'empty' };

/**
 * Reads a message as a command: @mentions (`<at>…</at>`) and other markup are dropped, case and extra spaces
 * ignored, and trailing punctuation forgiven. Anything else gets the closest command as a suggestion.
 */
export function parseCommand(raw: string | undefined): ParsedText {
  const text = normalise(raw ?? '');
  if (text === '') return { kind: 'empty' };
  const exact = BOT_COMMANDS.find((c) => c.title === text);
  if (exact) return { kind: 'command', command: exact };
  return { kind: 'unknown', text: typedText(raw ?? ''), closest: closestCommand(text) };
}

function normalise(raw: string): string {
  return typedText(raw)
    .toLowerCase()
    .replace(/^\/+/, '')
    .replace(/[.!?]+$/, '')
    .trim();
}

/** The command most like the text: one that contains it or it contains, else the fewest edits away. */
export function closestCommand(text: string): BotCommand {
  const containing = BOT_COMMANDS.find((c) => c.title.includes(text) || text.includes(c.title));
  if (containing) return containing;
  let best = BOT_COMMANDS[0]!;
  let bestDistance = Infinity;
  for (const command of BOT_COMMANDS) {
    const d = editDistance(text.slice(0, 40), command.title);
    if (d < bestDistance) [best, bestDistance] = [command, d];
  }
  return best;
}

/** Levenshtein distance: insertions, deletions and substitutions needed to turn `a` into `b`. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    previous = current;
  }
  return previous[b.length]!;
}
