import { describe, expect, it } from 'vitest';
import { parseFormBody, readFormFields } from './form-body';

describe('parseFormBody', () => {
  it('decodes each field exactly once: + and %20 are spaces, %2B a plus, %25 a percent sign', () => {
    expect(parseFormBody('a=%25252&b=x+y%20z&c=%E4%B8%AD%E6%96%87&d=&e=1%2B1%3D2%26')).toEqual({
      ok: true,
      params: { a: '%252', b: 'x y z', c: '中文', d: '', e: '1+1=2&' },
    });
  });

  it('round-trips what URLSearchParams encodes', () => {
    const fields = { subject: '满100%减20 a+b&c=d', body: '{"k":"v"}', note: '  spaced  ' };
    expect(parseFormBody(new URLSearchParams(fields).toString())).toEqual({ ok: true, params: fields });
  });

  it('reads a field without = as empty, and skips empty pairs', () => {
    expect(parseFormBody('a&&b=1&')).toEqual({ ok: true, params: { a: '', b: '1' } });
  });

  it.each([
    ['a stray percent sign', 'a=100%'],
    ['a percent sign before one hex digit', 'a=%4'],
    ['an invalid escape', 'a=%zz'],
    ['bytes that are not UTF-8', 'a=%FF%FE'],
    ['a repeated field', 'a=1&a=2'],
    ['an empty body', '  '],
  ])('refuses %s', (_label, body) => {
    expect(parseFormBody(body).ok).toBe(false);
  });
});

describe('readFormFields', () => {
  it('takes decoded fields as they are, never decoding them again', () => {
    expect(readFormFields({ a: '100%25', b: 'x+y' })).toEqual({ ok: true, params: { a: '100%25', b: 'x+y' } });
  });
  it('refuses fields that are not text', () => {
    expect(readFormFields({ a: ['1', '2'] })).toMatchObject({ ok: false });
  });
});
