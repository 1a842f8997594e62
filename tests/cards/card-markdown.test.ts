import fc from 'fast-check';
import { literal } from '../../cards/card-kit';
import { worstCaseSamples, type CardSample } from '../support/card-samples';
import { testCore } from '../../testkit/test-core';
import { openSqliteTestStore, type TestStore } from '../../testkit/test-stores';

/** What CommonMark shows for escaped text: each backslash-escaped punctuation mark as itself. */
function shown(markdown: string): string {
  return markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/** Markdown that still works once escapes are taken out: links, emphasis, code, or a list at a line start. */
function liveMarkdown(markdown: string): string[] {
  // Each escaped mark becomes a plain letter: it shows, but starts nothing.
  const unescaped = markdown.replace(/\\[!-/:-@[-`{-~]/g, 'x');
  const found: string[] = [];
  if (/\[[^\]]*\]\(/.test(unescaped)) found.push('link');
  if (/\*\*|__|`/.test(unescaped)) found.push('emphasis or code');
  if (/^\s*(?:[-+#>]|\d+\.)\s/m.test(unescaped)) found.push('list or heading');
  return found;
}

/** Every TextBlock text and fact of a card, with where it is. */
function markdownTexts(card: unknown): string[] {
  const out: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    if (n.type === 'TextBlock' && typeof n.text === 'string') out.push(n.text);
    if (n.type === 'FactSet' && Array.isArray(n.facts))
      for (const f of n.facts as { title: string; value: string }[]) out.push(f.title, f.value);
    Object.values(n).forEach(walk);
  };
  walk(card);
  return out;
}

describe(literal.name, () => {
  it('shows any text exactly as typed', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 200 }),
        (typed) => shown(literal(typed)) === typed,
      ),
      { numRuns: 2000 },
    );
  });

  it('leaves no Markdown working in text built from typed parts', () => {
    const part = fc.oneof(
      fc.constantFrom(
        '[Pay here](https://evil.example)',
        '**urgent**',
        '__x__',
        '`code`',
        '- item',
        '1. first',
        '# Title',
        '> quote',
        '\n',
      ),
      fc.string({ maxLength: 20 }),
    );
    fc.assert(
      fc.property(
        fc.array(part, { maxLength: 8 }),
        (parts) => liveMarkdown(literal(parts.join(''))).length === 0,
      ),
      { numRuns: 2000 },
    );
  });
});

describe('cards show typed names and notes as typed, never as Markdown', () => {
  let store: TestStore;
  let samples: CardSample[];

  beforeAll(async () => {
    store = await openSqliteTestStore();
    // Every text field of every record filled with Markdown a partner or colleague could type.
    samples = await worstCaseSamples(testCore(store.store).core, '[Pay here](https://evil.example) **now** ');
  });
  afterAll(async () => store.dispose());

  it('has samples of every card', () => {
    expect(samples.length).toBeGreaterThan(20);
  });

  it('escapes the Markdown in every TextBlock and fact', () => {
    // The typed link and bold must not work anywhere (the cards' own bold status labels may).
    const live = samples.flatMap((s) =>
      markdownTexts(s.card)
        .map((t) => t.replace(/\\[!-/:-@[-`{-~]/g, 'x'))
        .filter((t) => t.includes('](') || t.includes('**now'))
        .map((t) => `${s.name}: “${t.slice(0, 80)}”`),
    );
    expect(live).toEqual([]);
  });
});
