import { sha256Hex } from '../common/sha256';
import type { JsonValue } from './json';

/**
 * A string of a snapshot that an export withheld: the digest of the original (which the event hash commits
 * to) and, optionally, the redacted text shown in its place.
 */
export interface RedactedLeaf {
  readonly $redacted: string;
  readonly shown?: string;
}

/** Whether a value is a withheld string. */
export function isRedactedLeaf(value: unknown): value is RedactedLeaf {
  return typeof value === 'object' && value !== null && typeof (value as RedactedLeaf).$redacted === 'string';
}

/** The digest an event hash commits to for one snapshot string. */
export function leafDigest(text: string): string {
  return sha256Hex(`partner-crm/leaf/v1\u0000${text}`);
}

/**
 * What the event hash covers of a snapshot: its shape and numbers as they are, and every string as its
 * digest. An export can therefore show a string scrubbed of personal data (a {@link RedactedLeaf}) and the
 * hash still recomputes, while any change to a shown string or a digest breaks it.
 */
export function commitment(value: unknown): JsonValue {
  if (typeof value === 'string') return leafDigest(value);
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value === undefined) return null;
  if (Array.isArray(value)) return value.map((v) => commitment(v));
  if (isRedactedLeaf(value)) return value.$redacted;
  const out: Record<string, JsonValue> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (v !== undefined) out[key] = commitment(v);
  }
  return out;
}
