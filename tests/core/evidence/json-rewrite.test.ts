import { LOOK_INSIDE, rewriteJson } from '../../../core/evidence/json-rewrite';

const upper = (v: unknown) =>
  typeof v === 'string' && v.startsWith('x')
    ? v.toUpperCase()
    : v !== null && typeof v === 'object'
      ? LOOK_INSIDE
      : v;

describe('rewriteJson', () => {
  it('copies only the objects and arrays on the way to a change, sharing the rest', () => {
    const untouched = { a: 'keep', list: ['keep'] };
    const value = { untouched, changed: { list: ['keep', 'xy'] } };
    const rewritten = rewriteJson(value, upper) as typeof value;
    expect(rewritten).toEqual({ untouched, changed: { list: ['keep', 'XY'] } });
    expect(rewritten.untouched).toBe(untouched);
    expect(value.changed.list[1]).toBe('xy');
    expect(rewriteJson(untouched, upper)).toBe(untouched);
  });

  it('replaces a member named __proto__ as data, leaving the prototype alone', () => {
    const parsed = JSON.parse('{"__proto__":"xz","b":"keep"}') as Record<string, unknown>;
    const rewritten = rewriteJson(parsed, upper) as Record<string, unknown>;
    expect(Object.getPrototypeOf(rewritten)).toBe(Object.prototype);
    expect(Object.keys(rewritten)).toEqual(['__proto__', 'b']);
    expect(JSON.stringify(rewritten)).toBe('{"__proto__":"XZ","b":"keep"}');
  });
});
