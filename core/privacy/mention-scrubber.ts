import { escapeRegExp, wholeWordPattern } from '../common/phrase-pattern';
import type { Person } from '../people/person';

/** A phone number as digits with any of the separators people write between them. */
function phonePattern(phone: string): RegExp | undefined {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 5) return undefined;
  // A leading 0 may be written as +44 and the other way round: the national part is what must match.
  const national = digits.replace(/^(44|0)/, '');
  return new RegExp(
    `(?:\\+?44[\\s().-]*|0)?${[...national].map(escapeRegExp).join('[\\s().-]*')}(?!\\d)`,
    'g',
  );
}

/**
 * Finds a person in free text (their full name, each part of it of three letters or more, their e-mail and
 * phone in any common format) and replaces each mention with a pseudonym.
 */
export class MentionScrubber {
  private readonly patterns: RegExp[];

  constructor(
    person: Pick<Person, 'displayName' | 'email' | 'phone'>,
    private readonly pseudonym: string,
  ) {
    const names = [person.displayName, ...person.displayName.split(/\s+/).filter((p) => p.length >= 3)];
    this.patterns = [
      ...(person.email ? [new RegExp(escapeRegExp(person.email), 'gi')] : []),
      ...(person.phone ? [phonePattern(person.phone)].filter((p): p is RegExp => p !== undefined) : []),
      wholeWordPattern(names.map((n) => n.trim()).filter(Boolean)),
    ];
  }

  /** The text with every mention replaced. */
  readonly scrub = (text: string): string =>
    this.patterns.reduce((out, pattern) => out.replace(pattern, this.pseudonym), text);
}
