import { LOOK_INSIDE, rewriteJson } from './json-rewrite';
import { isRedactedLeaf, leafDigest, type RedactedLeaf } from './leaf-commitment';

/**
 * A snapshot with every string that `scrub` changes withheld: replaced by the digest the event hash commits
 * to and the scrubbed text to show. Strings withheld before are scrubbed again and keep their digest, so the
 * event hash still recomputes however often a snapshot is scrubbed.
 */
export function withholdMentions(value: unknown, scrub: (text: string) => string): unknown {
  return rewriteJson(value, (v) => {
    if (typeof v === 'string') return withheldIfScrubbed(v, scrub);
    if (isRedactedLeaf(v)) {
      const shown = v.shown === undefined ? undefined : scrub(v.shown);
      return { $redacted: v.$redacted, ...(shown === undefined ? {} : { shown }) } satisfies RedactedLeaf;
    }
    return v !== null && typeof v === 'object' ? LOOK_INSIDE : v;
  });
}

/** A string as `scrub` leaves it: itself if scrubbing changes nothing, else withheld with the scrubbed text. */
export function withheldIfScrubbed(text: string, scrub: (text: string) => string): string | RedactedLeaf {
  const shown = scrub(text);
  return shown === text ? text : { $redacted: leafDigest(text), shown };
}

/** What a withheld string shows when it shows nothing else. */
export const WITHHELD = '[removed]';

/** A snapshot as people read it: each withheld string replaced by the text shown in its place. */
export function shownSnapshot<T>(value: T): T {
  return rewriteJson(value, (v) => {
    if (isRedactedLeaf(v)) return v.shown ?? WITHHELD;
    return v !== null && typeof v === 'object' ? LOOK_INSIDE : v;
  }) as T;
}
