import { canonicalJson } from '../../../core/evidence/json';

/** Serialises a JSON column. */
export function toJson(value: unknown): string {
  return JSON.stringify(value);
}

/**
 * Serialises an evidence snapshot as its canonical text (keys in code-unit order): read back, its objects are
 * already in the order hashing needs, so exports hash them without reordering.
 */
export function toCanonicalJson(value: unknown): string {
  return canonicalJson(value);
}

/** Parses a JSON column. */
export function fromJson<T>(text: string): T {
  return JSON.parse(text) as T;
}

/** SQL NULL for undefined. */
export function nullable<T>(value: T | undefined): T | null {
  return value === undefined ? null : value;
}

/** undefined for SQL NULL, so optional fields stay absent instead of null. */
export function optional<T>(value: T | null): T | undefined {
  return value === null ? undefined : value;
}

/** Booleans are stored as 0/1 in both dialects. */
export function toFlag(value: boolean): number {
  return value ? 1 : 0;
}

/** Reads a 0/1 column. */
export function fromFlag(value: number | string): boolean {
  return Number(value) === 1;
}

/** The key names are compared by: case-folded, spaces collapsed, compatibility-normalised. */
export function nameKey(name: string): string {
  return name.normalize('NFKC').toLocaleLowerCase('en-GB').replace(/\s+/g, ' ').trim();
}
