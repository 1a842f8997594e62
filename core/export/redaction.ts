import type { Person } from '../people/person';
import { isRedactedLeaf, leafDigest, type RedactedLeaf } from '../evidence/leaf-commitment';
import type { RedactionOptions } from './export-request';
import { UNKNOWN_NAME } from './shown-names';

const EMAIL = /[A-Z0-9._%+-]+@[A-Z0-9-]+(?:\.[A-Z0-9-]+)*\.[A-Z]{2,}/gi;
/** Digit runs with the separators phone numbers use; {@link looksLikePhone} decides. */
const PHONE_CANDIDATE = /(?<![\w/])\+?\(?\d[\d\s().-]{4,}\d(?![\w/])/g;

/** A phone number, not a date or an amount: 10+ digits, or 7+ starting with +, 0 or a bracket. */
function looksLikePhone(candidate: string): boolean {
  const digits = candidate.replace(/\D/g, '').length;
  if (/^\d{4}-\d{2}-\d{2}/.test(candidate)) return false;
  return digits >= 10 ? digits <= 15 : digits >= 7 && /^[+0(]/.test(candidate);
}

/** "A", "B", … "Z", "AA", "AB", …: letters for pseudonyms. */
function letters(index: number): string {
  let out = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Hides personal data in an export, the same way in every file of it: partner contacts (and, if chosen,
 * colleagues and partner organisations) get stable pseudonyms, assigned in the order people were first
 * recorded; e-mail addresses and phone numbers are removed from free text, and names found there replaced.
 */
export class Redactor {
  private readonly names = new Map<string, string>();
  private readonly partnerNames = new Map<string, string>();
  /** Longest first, so a full name is replaced before its parts. */
  private readonly replacements: { pattern: RegExp; by: string }[] = [];

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
      const shown = !hide
        ? person.displayName
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
        if (shown !== p.name) this.replacements.push({ pattern: wordPattern(p.name), by: shown });
      });
    if (options.enabled)
      for (const term of options.terms)
        this.replacements.push({ pattern: wordPattern(term), by: '[redacted]' });
    this.replacements.sort((a, b) => b.pattern.source.length - a.pattern.source.length);
  }

  /** Every name the export shows, by person id. */
  shownNames(): Record<string, string> {
    return Object.fromEntries(this.names);
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
    let out = text.replace(EMAIL, '[e-mail removed]');
    out = out.replace(PHONE_CANDIDATE, (m) => (looksLikePhone(m) ? '[phone removed]' : m));
    for (const { pattern, by } of this.replacements) out = out.replace(pattern, by);
    return out;
  }

  /**
   * A snapshot with every string that scrubbing changes replaced by a {@link RedactedLeaf}: the digest the
   * event hash commits to, and the scrubbed text to show. Unchanged strings stay, so the hash still recomputes.
   */
  snapshot(value: unknown): unknown {
    if (typeof value === 'string') {
      const shown = this.scrub(value);
      return shown === value ? value : ({ $redacted: leafDigest(value), shown } satisfies RedactedLeaf);
    }
    if (Array.isArray(value)) return value.map((v) => this.snapshot(v));
    if (value !== null && typeof value === 'object' && !isRedactedLeaf(value))
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.snapshot(v)]));
    return value;
  }

  private replaceNamesOf(displayName: string, by: string): void {
    this.replacements.push({ pattern: wordPattern(displayName), by });
    // People are often called by one part of their name in minutes ("Priya agreed…").
    for (const part of displayName.split(/\s+/).filter((p) => p.length >= 3))
      this.replacements.push({ pattern: wordPattern(part), by });
  }
}

/** Matches a phrase as whole words, in any case. */
function wordPattern(phrase: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(phrase)}(?![\\p{L}\\p{N}])`, 'giu');
}
