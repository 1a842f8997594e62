import { LOOK_INSIDE, rewriteJson } from '../evidence/json-rewrite';
import type { Person } from '../people/person';
import { isRedactedLeaf } from '../evidence/leaf-commitment';
import { withheldIfScrubbed } from '../evidence/withheld-text';
import type { RedactionOptions } from './export-request';
import { UNKNOWN_NAME } from './shown-names';
import { wholeWordPattern } from '../common/phrase-pattern';

const EMAIL = /[A-Z0-9._%+-]+@[A-Z0-9-]+(?:\.[A-Z0-9-]+)*\.[A-Z]{2,}/gi;
/** Digit runs with the separators phone numbers use; {@link looksLikePhone} decides. */
const PHONE_CANDIDATE = /(?<![\w/])\+?\(?\d[\d\s().-]{4,}\d(?![\w/])/g;

/** A phone number, not a date or an amount: 10+ digits, or 7+ starting with +, 0 or a bracket. */
function looksLikePhone(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, '').length;
  if (/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?!\d)/.test(candidate)) return false;
  return digits >= 10 ? digits <= 15 : digits >= 7 && /^[+0(]/.test(candidate);
}

/** "A", "B", … "Z", "AA", "AB", …: letters for pseudonyms. */
function letters(index: number): string {
  let out = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

/**
 * Hides personal data in an export, the same way in every file of it: partner contacts (and, if chosen,
 * colleagues and partner organisations) get stable pseudonyms, assigned in the order people were first
 * recorded; e-mail addresses and phone numbers are removed from free text, and names found there replaced.
 * Given everyone a space's trail names, not only whom the export's items name, it finds in free text the
 * names of people the export otherwise leaves out, and gives everyone the pseudonym an export of the whole
 * trail would.
 */
export class Redactor {
  private readonly names = new Map<string, string>();
  private readonly partnerNames = new Map<string, string>();
  private readonly replacements: { phrase: string; by: string }[] = [];
  /** Every hidden name and term in one pattern (longest first, so a full name wins over its parts). */
  private readonly words?: { pattern: RegExp; by: Map<string, string> };

  constructor(
    readonly options: RedactionOptions,
    people: readonly Person[],
    partners: readonly { id: string; name: string }[],
  ) {
    const sorted = [...people].sort((a, b) => (a.id < b.id ? -1 : 1));
    let contact = 0;
    let colleague = 0;
    for (const person of sorted) {
      const hide = options.enabled && (person.kind === 'contact' || options.colleagues);
      // A colleague's job title from the directory says who they are to an assessor.
      const shown = !hide
        ? person.jobTitle
          ? `${person.displayName} (${person.jobTitle})`
          : person.displayName
        : person.kind === 'contact'
          ? `Contact ${letters(contact++)}`
          : `Colleague ${letters(colleague++)}`;
      this.names.set(person.id, shown);
      if (hide) this.replaceNamesOf(person.displayName, shown);
    }
    [...partners]
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .forEach((p, i) => {
        const shown = options.enabled && options.partners ? `Partner ${letters(i)}` : p.name;
        this.partnerNames.set(p.id, shown);
        if (shown !== p.name) this.replacements.push({ phrase: p.name, by: shown });
      });
    if (options.enabled)
      for (const term of options.terms) this.replacements.push({ phrase: term, by: '[redacted]' });
    this.words = combine(this.replacements);
  }

  /** The names the export shows for these people, by person id, in the order they were first recorded. */
  shownNames(personIds: ReadonlySet<string>): Record<string, string> {
    return Object.fromEntries([...this.names].filter(([id]) => personIds.has(id)));
  }

  /** A person's name as the export shows it. */
  nameOf(personId: string | undefined): string {
    return (personId && this.names.get(personId)) || UNKNOWN_NAME;
  }

  /** A partner's name as the export shows it. */
  partnerName(partnerId: string, recorded: string): string {
    return this.partnerNames.get(partnerId) ?? recorded;
  }

  /** Free text with e-mails, phones, hidden names and chosen terms removed. */
  scrub(text: string): string {
    if (!this.options.enabled) return text;
    let out = text.includes('@') ? text.replace(EMAIL, '[e-mail removed]') : text;
    if (/\d[^\d]{0,3}\d[^\d]{0,3}\d/.test(out))
      out = out.replace(PHONE_CANDIDATE, (m) => (looksLikePhone(m) ? '[phone removed]' : m));
    return this.words
      ? out.replace(this.words.pattern, (m) => this.words!.by.get(m.toLocaleLowerCase('en-GB')) ?? m)
      : out;
  }

  /**
   * A snapshot with every string that scrubbing changes withheld ({@link withheldIfScrubbed}): the digest the
   * event hash commits to, and the scrubbed text to show. Unchanged strings stay, so the hash still recomputes.
   */
  snapshot(value: unknown): unknown {
    if (!this.options.enabled) return value;
    return rewriteJson(value, (v) => {
      if (typeof v === 'string') return withheldIfScrubbed(v, (text) => this.scrub(text));
      return v !== null && typeof v === 'object' && !isRedactedLeaf(v) ? LOOK_INSIDE : v;
    });
  }

  private replaceNamesOf(displayName: string, by: string): void {
    this.replacements.push({ phrase: displayName, by });
    // People are often called by one part of their name in minutes ("Priya agreed…").
    for (const part of displayName.split(/\s+/).filter((p) => p.length >= 3))
      this.replacements.push({ phrase: part, by });
  }
}

/** One case-insensitive whole-word pattern for all phrases, longest first, and what each becomes. */
function combine(
  replacements: readonly { phrase: string; by: string }[],
): { pattern: RegExp; by: Map<string, string> } | undefined {
  if (replacements.length === 0) return undefined;
  const by = new Map<string, string>();
  for (const r of replacements) {
    const key = r.phrase.toLocaleLowerCase('en-GB');
    if (!by.has(key)) by.set(key, r.by);
  }
  return { pattern: wholeWordPattern([...by.keys()]), by };
}
