import { describe, expect, it } from 'vitest';
import { findUnsafeText, isSafeText, safeText, toStorableText, UNSAFE_TEXT_MESSAGE } from './safe-text';

describe('safe text', () => {
  it('keeps letters of any script, tabs and line breaks (CRLF from text areas)', () => {
    for (const value of ['李雷', 'a\tb', 'line 1\nline 2', 'line 1\r\nline 2', 'emoji 😀', ''])
      expect(isSafeText(value)).toBe(true);
  });

  it('refuses NUL, other control characters and lone surrogates', () => {
    for (const value of ['a\u0000b', '\u0007', '\u001b[31m', '\u007f', '\u0085', 'x\ud800', '\udc00y', '\ud83d'])
      expect(isSafeText(value)).toBe(false);
  });

  it('names the field in its schema message', () => {
    const parsed = safeText().trim().min(1).safeParse('名\u0000字');
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0].message).toBe(UNSAFE_TEXT_MESSAGE);
  });

  it('finds every unsafe path in a nested input, keys included', () => {
    expect(
      findUnsafeText({
        shipTo: { name: 'a\u0000' },
        lines: [{ note: 'ok' }, { note: '\u0001' }],
        count: 3,
        ['k\u0000']: 1,
      }),
    ).toEqual(['shipTo.name', 'lines.1.note', '(key)']);
    expect(findUnsafeText('\u0000')).toEqual(['_form']);
    expect(findUnsafeText({ a: 'fine', b: [1, null, true] })).toEqual([]);
  });

  it('makes text kept as received storable: NUL written out, lone surrogates replaced, pairs kept', () => {
    expect(toStorableText('a\u0000b\ud800c\udc00 😀')).toBe('a\\u0000b\ufffdc\ufffd 😀');
    expect(isSafeText(toStorableText('x\u0000\udfff'))).toBe(true);
  });
});
