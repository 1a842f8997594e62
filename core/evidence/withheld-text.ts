import { LOOK_INSIDE, rewriteJson } from './json-rewrite';
import { isRedactedLeaf, leafDigest, type RedactedLeaf } from './leaf-commitment';

/**
 * A snapshot with every string that `scrub` changes withheld: replaced by the digest the event hash commits
 * to and the scrubbed text to show. Strings withheld before are scrubbed again and keep their digest, so the
 * event hash still recomputes however often a snapshot is scrubbed.
 */
export function withholdMentions(value: unknown, scrub: (text: string) => string): unknown {
  if (typeof value === 'string') {
    const shown = scrub(value);
    return shown === value ? value : ({ $redacted: leafDigest(value), shown } satisfies RedactedLeaf);
  }
  if (isRedactedLeaf(value)) {
    const shown = value.shown === undefined ? undefined : scrub(value.shown);
    return { $redacted: value.$redacted, ...(shown === undefined ? {} : { shown }) } satisfies RedactedLeaf;
  }
  if (Array.isArray(value)) return value.map((v) => withholdMentions(v, scrub));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withholdMentions(v, scrub)]));
  return value;
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
