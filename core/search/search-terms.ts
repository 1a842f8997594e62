/** Which kind of record a question asks about, as its words hint. */
export type RecordKind = 'partner' | 'action' | 'agreement';

/** A question broken into what it names: the words that carry meaning and the kinds of record it hints at. */
export interface SearchTerms {
  /** Lower-case word stems, stop words and kind words left out, in the order typed, without repeats. */
  readonly words: readonly string[];
  /** Kinds the question names ("agreement", "priorities", "actions", …); empty when it names none. */
  readonly kinds: readonly RecordKind[];
}

// Words that carry no meaning in a question to the search ("what did we agree with Acme about …").
const STOP_WORDS = new Set(
  (
    'a about after all am an and any are as at be been before by can could did do does for from had has have ' +
    'how i in is it its last latest me my now of on or our over show tell that the their them there these ' +
    'they this those to up us was we were what when where which who whom why will with would you your ' +
    'find get give list please any current currently open still'
  ).split(' '),
);

// Words that name a kind of record rather than a topic. Conflict-priority agreements are what "priorities"
// and "agree" ask about; actions are also called tasks or follow-ups.
const KIND_WORDS: Record<string, RecordKind> = {
  agree: 'agreement',
  agreed: 'agreement',
  agreement: 'agreement',
  agreements: 'agreement',
  priority: 'agreement',
  priorities: 'agreement',
  prioritise: 'agreement',
  prioritize: 'agreement',
  conflict: 'agreement',
  action: 'action',
  actions: 'action',
  task: 'action',
  tasks: 'action',
  todo: 'action',
  todos: 'action',
  'follow-up': 'action',
  'follow-ups': 'action',
  followup: 'action',
  followups: 'action',
  partner: 'partner',
  partners: 'partner',
  supplier: 'partner',
  suppliers: 'partner',
};

/** Shortest stem kept: shorter words match too much to mean anything. */
const MIN_STEM = 3;

/** A crude English stem, enough for plural and -y/-ies forms to find each other inside titles. */
export function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith('es') && /(ch|sh|x|ss)es$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  if (word.length > 4 && word.endsWith('y')) return word.slice(0, -1);
  return word;
}

/** Splits a typed or spoken question into its meaningful word stems and the kinds of record it names. */
export function searchTerms(text: string): SearchTerms {
  const tokens = text
    .toLowerCase()
    .split(/[^\p{L}\p{N}%_-]+/u)
    .map((t) => t.replace(/^[-']+|[-']+$/g, ''))
    .filter((t) => t !== '');
  const words: string[] = [];
  const kinds: RecordKind[] = [];
  for (const token of tokens) {
    const kind = KIND_WORDS[token];
    if (kind) {
      if (!kinds.includes(kind)) kinds.push(kind);
      continue;
    }
    if (STOP_WORDS.has(token)) continue;
    const s = stem(token);
    if (s.length >= MIN_STEM && !words.includes(s)) words.push(s);
  }
  return { words, kinds };
}

/** How many of the stems occur in the text (lower-cased); 0 when none does. */
export function matchCount(words: readonly string[], text: string): number {
  const folded = text.toLowerCase();
  return words.filter((w) => folded.includes(w)).length;
}
