/** Returned by a rewrite's `replace` to say "not this value itself: look inside it". */
export const LOOK_INSIDE = Symbol('look inside');

/**
 * A JSON value with some parts replaced, sharing every object and array in which nothing changed: `replace`
 * gives each value's replacement, or LOOK_INSIDE for an object or array to visit member by member. Snapshots
 * are rewritten once per exported item, and most parts of most snapshots stay as they are.
 */
export function rewriteJson(value: unknown, replace: (value: unknown) => unknown): unknown {
  const replaced = replace(value);
  if (replaced !== LOOK_INSIDE) return replaced;
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const member: unknown = value[i];
      const rewritten = rewriteJson(member, replace);
      if (rewritten !== member) (copy ??= value.slice())[i] = rewritten;
    }
    return copy ?? value;
  }
  if (value === null || typeof value !== 'object') return value;
  const object = value as Record<string, unknown>;
  let copy: Record<string, unknown> | undefined;
  for (const key of Object.keys(object)) {
    const member = object[key];
    const rewritten = rewriteJson(member, replace);
    // The spread copies every own member as data, `__proto__` too, so assigning to it sets data as well.
    if (rewritten !== member) (copy ??= { ...object })[key] = rewritten;
  }
  return copy ?? value;
}
