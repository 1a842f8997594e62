/** A JSON value, as stored in evidence snapshots. */
export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;
/** A JSON object. Members may be undefined while building; they are dropped when stored and hashed. */
export type JsonObject = { [key: string]: JsonValue | undefined };

/**
 * The one canonical text of a JSON value: object keys sorted by code unit, no white space, `undefined`
 * members dropped. Hashes are taken over this text, so the same content always hashes the same way.
 *
 * Most values are already in canonical order (parsed from canonical text, or built in order), and for those
 * the engine's own JSON.stringify writes exactly this text, several times faster than building it here; the
 * check that a value qualifies copies only the objects whose keys are out of order.
 */
export function canonicalJson(value: unknown): string {
  const ordered = inCanonicalOrder(value);
  return ordered === NOT_EXPRESSIBLE ? canonicalText(value) : JSON.stringify(ordered);
}

/** Stands for "JSON.stringify cannot write this in canonical order" (see {@link inCanonicalOrder}). */
const NOT_EXPRESSIBLE = Symbol('not expressible');

/**
 * The value with every object's keys in code-unit order, copying only the objects that need it; throws on a
 * non-finite number. NOT_EXPRESSIBLE when the engine would reorder keys itself (it lists integer-like keys
 * such as "9" and "10" first, in numeric order) or for anything but plain data.
 */
function inCanonicalOrder(value: unknown): unknown {
  switch (typeof value) {
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('Non-finite number in evidence');
      return value;
    case 'string':
    case 'boolean':
    case 'undefined':
      return value;
    case 'object': {
      if (value === null) return value;
      if (Array.isArray(value)) return arrayInOrder(value);
      const proto = Object.getPrototypeOf(value) as unknown;
      if (proto !== Object.prototype && proto !== null) return NOT_EXPRESSIBLE;
      return objectInOrder(value as Record<string, unknown>);
    }
    default:
      return NOT_EXPRESSIBLE;
  }
}

function arrayInOrder(array: readonly unknown[]): unknown {
  let copy: unknown[] | undefined;
  for (let i = 0; i < array.length; i++) {
    const member = array[i];
    const ordered = inCanonicalOrder(member);
    if (ordered === NOT_EXPRESSIBLE) return NOT_EXPRESSIBLE;
    if (ordered !== member) (copy ??= array.slice())[i] = ordered;
  }
  return copy ?? array;
}

function objectInOrder(object: Record<string, unknown>): unknown {
  // Plain data has no inherited enumerable members, so for…in visits exactly the own keys, without an array.
  let previous: string | undefined;
  let copy: Record<string, unknown> | undefined;
  for (const key in object) {
    if (previous !== undefined && previous > key) return sortedCopy(object);
    previous = key;
    const member = object[key];
    const ordered = inCanonicalOrder(member);
    if (ordered === NOT_EXPRESSIBLE) return NOT_EXPRESSIBLE;
    if (copy === undefined && ordered !== member) {
      copy = {};
      for (const before in object) {
        if (before === key) break;
        define(copy, before, object[before]);
      }
    }
    if (copy !== undefined) define(copy, key, ordered);
  }
  return copy ?? object;
}

/** A copy of an object whose keys are out of order, with them in order (and its members in order too). */
function sortedCopy(object: Record<string, unknown>): unknown {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(object).sort()) {
    const ordered = inCanonicalOrder(object[key]);
    if (ordered === NOT_EXPRESSIBLE) return NOT_EXPRESSIBLE;
    define(copy, key, ordered);
  }
  // The engine lists integer-like keys first whatever order they were added in: then only the slow path works.
  return inOrder(Object.keys(copy)) ? copy : NOT_EXPRESSIBLE;
}

/** Sets a member as data, even one named `__proto__` (which plain assignment would take as the prototype). */
function define(object: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  else object[key] = value;
}

/** The canonical text built member by member: for what JSON.stringify cannot write in canonical order. */
function canonicalText(value: unknown): string {
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
    out += (i ? ',' : '') + (array[i] === undefined ? 'null' : canonicalText(array[i]));
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
    out += `${first ? '' : ','}${quotedKey(key)}:${canonicalText(member)}`;
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
