import fc from 'fast-check';

/**
 * Text attackers and broken clients send: SQL and template injection, Markdown links and HTML for cards and
 * the tab, Unicode that looks like something else or breaks encoders (confusables, bidi overrides, lone
 * surrogates, NUL), header injection, path traversal, and sizes far past every limit.
 */
export const NASTY_TEXT = [
  "'; DROP TABLE partners; --",
  "' OR '1'='1' --",
  '1; SELECT * FROM evidence_events',
  '[Pay here](https://evil.example/pay)',
  '**URGENT** click [here](javascript:alert(1))',
  '<script>alert(document.cookie)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  '\u202Egnp.exe',
  'Аlex Wіlber',
  '𝓐𝓵𝓮𝔁',
  '\u0000',
  '\uD800',
  '\u200B\u200B\u200B',
  '${{7*7}} {{constructor.constructor("x")()}}',
  '__proto__',
  '../../../../etc/passwd',
  'line\r\nX-Injected: 1',
  '9'.repeat(400),
  'x'.repeat(70_000),
  '東京'.repeat(3000),
];

/** Object keys worth trying: prototype pollution and the field names our bodies use. */
const KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'name',
  'title',
  'partnerId',
  'meetingId',
  'actionId',
  'agreementId',
  'itemIds',
  'spaceId',
  'tenantId',
  'owner',
  'dueDate',
  'status',
];

/** One hostile scalar. */
export const hostileLeaf: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...NASTY_TEXT),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.constantFrom(Number.MAX_SAFE_INTEGER + 2, -0, 1e308, -1),
  fc.boolean(),
  fc.constant(null),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
);

/** Any JSON value, nested a little, with hostile leaves and keys. */
export const hostileJson: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileLeaf,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 8 })), tie('value'), {
      maxKeys: 4,
    }),
  ),
})).value;

/** JSON text nested thousands deep, which naive recursive parsers and validators choke on. */
export const deeplyNested: fc.Arbitrary<string> = fc
  .integer({ min: 500, max: 20_000 })
  .map((depth) => `${'{"a":['.repeat(depth)}1${']}'.repeat(depth)}`);

/** A valid body with one thing wrong: a field replaced by something hostile, removed, or one added. */
export function mutated(valid: Record<string, unknown>): fc.Arbitrary<unknown> {
  const keys = Object.keys(valid);
  const added = fc
    .tuple(fc.constantFrom(...KEYS), hostileJson)
    .map(([key, value]) => ({ ...valid, [key]: value }));
  if (keys.length === 0) return added;
  return fc.oneof(
    fc
      .tuple(fc.constantFrom(...keys), fc.oneof(hostileLeaf, hostileJson))
      .map(([key, value]) => ({ ...valid, [key]: value })),
    fc
      .constantFrom(...keys)
      .map((key) => Object.fromEntries(Object.entries(valid).filter(([k]) => k !== key))),
    fc.tuple(fc.constantFrom(...KEYS), hostileJson).map(([key, value]) => ({ ...valid, [key]: value })),
  );
}

/** What to send as a request body: a mutated valid body, any hostile JSON, or raw hostile text. */
export function hostileBody(valid: Record<string, unknown>): fc.Arbitrary<{ text: string }> {
  return fc.oneof(
    { weight: 4, arbitrary: mutated(valid).map((v) => ({ text: JSON.stringify(v) })) },
    { weight: 2, arbitrary: hostileJson.map((v) => ({ text: JSON.stringify(v) ?? 'null' })) },
    { weight: 1, arbitrary: deeplyNested.map((text) => ({ text })) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom('', '{', '{"a":', 'null', '[]', '"x"', '{"a":1}{"b":2}', '\uFEFF{}')
        .map((text) => ({
          text,
        })),
    },
  );
}
