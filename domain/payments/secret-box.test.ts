import { describe, expect, it } from 'vitest';
import { maskSecret, openSecret, sealSecret } from './secret-box';

describe('secret box', () => {
  it('opens what it sealed, under the same AUTH_SECRET only', () => {
    const box = sealSecret('-----BEGIN PRIVATE KEY-----\nMIIabc\n-----END PRIVATE KEY-----\n', 'secret-one');
    expect(box.sealed).not.toContain('MIIabc');
    expect(openSecret(box, 'secret-one')).toContain('MIIabc');
    expect(openSecret(box, 'secret-two')).toBeUndefined();
  });

  it('refuses an altered box', () => {
    const box = sealSecret('12345678901234567890123456789012', 's');
    const raw = Buffer.from(box.sealed, 'base64');
    raw[14] ^= 1;
    expect(openSecret({ ...box, sealed: raw.toString('base64') }, 's')).toBeUndefined();
  });

  it('masks to the last four characters (of the key body for a PEM)', () => {
    expect(maskSecret('abcdefgh1234')).toBe('••••1234');
    expect(maskSecret('-----BEGIN PRIVATE KEY-----\nMIIabcWXYZ\n-----END PRIVATE KEY-----\n')).toBe('••••WXYZ');
  });
});
