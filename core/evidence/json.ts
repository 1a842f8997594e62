/** A JSON value, as stored in evidence snapshots. */
export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;
/** A JSON object. Members may be undefined while building; they are dropped when stored and hashed. */
export type JsonObject = { [key: string]: JsonValue | undefined };

/**
 * The one canonical text of a JSON value: object keys sorted by code unit, no white space, `undefined`
 * members dropped. Hashes are taken over this text, so the same content always hashes the same way.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value))
      throw new TypeError('Non-finite number in evidence');
    return JSON.stringify(value);
  }
  if (Array.isArray(value))
    return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}
