import fc from 'fast-check';

/**
 * Hostile values for the boundary fuzz tests: what an attacker or a broken client sends where a
 * form or an integration would send something sensible.
 */

/** Characters that break text: NUL and other controls, lone surrogates, direction overrides, BOMs. */
const NASTY_CHARS = [
  '\u0000',
  '\u0001',
  '\u0008',
  '\u000b',
  '\u001b',
  '\u001f',
  '\u007f',
  '\u0085',
  '\u009f',
  '\ud800',
  '\udbff',
  '\udc00',
  '\udfff',
  '\u2028',
  '\u202e',
  '\u200b',
  '\ufeff',
  '\uffff',
  '\t',
  '\r\n',
  '😀',
  'e\u0301',
];

/** Text that means something to SQL, HTML, CSV, URLs, regular expressions, number parsers and dates. */
const NASTY_TEXT = [
  '',
  ' ',
  '\u3000',
  "'",
  '"',
  '\\',
  "' OR '1'='1",
  "'; drop table orders; --",
  '$$; select pg_sleep(1); $$',
  '%',
  '_%_',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '&amp;&#0;',
  '=HYPERLINK("http://x")',
  '@SUM(1)',
  '../../etc/passwd',
  'http://169.254.169.254/',
  'javascript:alert(1)',
  '//evil.example',
  '(a+)+$',
  '[',
  '${7*7}{{7*7}}',
  '__proto__',
  'constructor',
  'toString',
  'null',
  'undefined',
  'true',
  'NaN',
  'Infinity',
  '-Infinity',
  '-0',
  '1e400',
  '9007199254740993',
  '-9007199254740993',
  '18446744073709551616',
  '0x1f',
  '1_000',
  ' 42 ',
  '４２',
  '٤٢',
  '1.5',
  '-1',
  '2026-02-30',
  '0000-00-00',
  '9999-12-31T23:59:59.999Z',
  '275760-09-13',
  'İıſK',
  'ﷺ',
  'a'.repeat(321),
  'x'.repeat(4097),
];

const HUGE = ['x'.repeat(70_000), '中'.repeat(300_000), '\u0000'.repeat(10_000), 'a,'.repeat(50_000)];

/** A hostile string: nasty text, nasty characters spliced into ordinary text, or something huge. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_TEXT) },
  {
    weight: 4,
    arbitrary: fc
      .array(fc.oneof(fc.constantFrom(...NASTY_CHARS), fc.string({ maxLength: 6 })), { minLength: 1, maxLength: 6 })
      .map((parts) => parts.join('')),
  },
  { weight: 1, arbitrary: fc.constantFrom(...HUGE) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
);

/** Numbers past what a column or a JavaScript integer holds, and the ones that are not numbers at all. */
export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(
    0,
    -0,
    -1,
    0.5,
    1e-7,
    2 ** 31,
    2 ** 31 - 1,
    -(2 ** 31) - 1,
    2 ** 53 + 2,
    -(2 ** 53) - 2,
    2 ** 63,
    2 ** 64,
    Number.MAX_VALUE,
    Number.MIN_VALUE,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
  ),
  fc.double(),
  fc.integer(),
);

/** A JSON-representable value that is nested far deeper than any form. */
function deepValue(depth: number, leaf: unknown): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i += 1) value = i % 2 ? [value] : { a: value };
  return value;
}

const DEEP = [deepValue(70, '\u0000'), deepValue(200, 1), deepValue(3000, 'x')];

/** Any hostile JSON value: wrong types, nasty strings and numbers, deep nesting, odd keys. */
export const hostileJson: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileString,
    hostileNumber,
    fc.constantFrom(null, true, false, [], {}),
    fc.constantFrom(...DEEP),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(hostileString, fc.constantFrom('__proto__', 'constructor', 'id')), tie('value'), {
      maxKeys: 4,
    }),
  ),
})).value;

/**
 * What a server action can receive beyond JSON (React serialises these from the client):
 * undefined, bigints, dates (valid or not), maps and sets.
 */
export const hostileActionValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: hostileJson },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      undefined,
      2n ** 70n,
      -1n,
      new Date(Number.NaN),
      new Date(8.64e15),
      new Map([['a', 1]]),
      new Set([1]),
    ),
  },
);

/** JSON texts a parser may choke on or turn into something unexpected. */
export const hostileJsonText: fc.Arbitrary<string> = fc.oneof(
  hostileJson.map((value) => JSON.stringify(value) ?? 'null'),
  fc.constantFrom(
    '',
    '{',
    '{"a":1e999}',
    '{"orderId":9007199254740993,"quantity":1e999}',
    '\ufeff{}',
    '['.repeat(20_000) + ']'.repeat(20_000),
    '{"a":'.repeat(5000) + '1' + '}'.repeat(5000),
    '{"__proto__":{"admin":true}}',
    '"\\u0000"',
    '{"a":"\\ud800"}',
    'null',
    '0',
  ),
  hostileString,
);
