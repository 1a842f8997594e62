/** A JSON value, as stored in evidence snapshots. */
export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;
/** A JSON object. Members may be undefined while building; they are dropped when stored and hashed. */
export type JsonObject = { [key: string]: JsonValue | undefined };

/**
 * The one canonical text of a JSON value: object keys sorted by code unit, no white space, `undefined`
 * members dropped. Hashes are taken over this text, so the same content always hashes the same way.
 */
export function canonicalJson(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('Non-finite number in evidence');
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      if (value === null) return 'null';
      return Array.isArray(value) ? arrayText(value) : objectText(value as Record<string, unknown>);
    default:
      return JSON.stringify(value);
  }
}

function arrayText(array: readonly unknown[]): string {
  let out = '[';
  for (let i = 0; i < array.length; i++)
    out += (i ? ',' : '') + (array[i] === undefined ? 'null' : canonicalJson(array[i]));
  return `${out}]`;
}

function objectText(object: Record<string, unknown>): string {
  const keys = Object.keys(object);
  // Default sort compares UTF-16 code units: the order canonical JSON needs. Most objects (parsed from
  // canonical text, or built in order) already have it, and checking is much cheaper than sorting.
  if (!inOrder(keys)) keys.sort();
  let out = '{';
  let first = true;
  for (const key of keys) {
    const member = object[key];
    if (member === undefined) continue;
    out += `${first ? '' : ','}${quotedKey(key)}:${canonicalJson(member)}`;
    first = false;
  }
  return `${out}}`;
}

function inOrder(keys: readonly string[]): boolean {
  for (let i = 1; i < keys.length; i++) if (keys[i - 1]! > keys[i]!) return false;
  return true;
}

/** Object keys repeat (every event has the same few dozen), so each is quoted once; the cache is bounded. */
const QUOTED_KEYS = new Map<string, string>();
const QUOTED_KEYS_LIMIT = 4096;

function quotedKey(key: string): string {
  let quoted = QUOTED_KEYS.get(key);
  if (quoted === undefined) {
    quoted = JSON.stringify(key);
    if (QUOTED_KEYS.size < QUOTED_KEYS_LIMIT) QUOTED_KEYS.set(key, quoted);
  }
  return quoted;
}
