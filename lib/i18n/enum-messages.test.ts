import { isPgEnum, type PgEnum } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import * as schema from '@/db/schema';
import { CARRIERS } from '@/domain/logistics/carriers';
import { ENUM_MESSAGES, TEXT_CODE_MESSAGES } from './enum-messages';
import { LOCALES } from './locales';
import { loadMessages } from './messages';

function lookup(messages: Record<string, unknown>, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined),
      messages,
    );
}

const enums: PgEnum<[string, ...string[]]>[] = (Object.values(schema) as unknown[]).filter((value) => isPgEnum(value));

describe('every enum a person reads is named in both languages', () => {
  it("finds the schema's enums (the walk itself works)", () => {
    expect(enums.map((e) => e.enumName)).toEqual(
      expect.arrayContaining(['order_status', 'shipment_status', 'payment_method']),
    );
  });

  it.each(enums.map((e) => [e.enumName, e] as const))('%s has a message home', (name) => {
    expect(ENUM_MESSAGES, `add ${name} to lib/i18n/enum-messages.ts and its names to messages/*`).toHaveProperty(name);
  });

  for (const locale of LOCALES) {
    it(`every enum value has a ${locale} name`, async () => {
      const messages = await loadMessages(locale);
      const missing: string[] = [];
      for (const pgEnum of enums) {
        const namespace = (ENUM_MESSAGES as Record<string, string>)[pgEnum.enumName];
        if (!namespace) continue;
        for (const value of pgEnum.enumValues) {
          const text = lookup(messages, `${namespace}.${value}`);
          if (typeof text !== 'string' || text.trim() === '' || text === value) missing.push(`${namespace}.${value}`);
        }
      }
      for (const { namespace, values } of Object.values(TEXT_CODE_MESSAGES)) {
        for (const value of values)
          if (typeof lookup(messages, `${namespace}.${value}`) !== 'string') missing.push(`${namespace}.${value}`);
      }
      expect(missing).toEqual([]);
    });
  }

  it('every carrier of the registry has a Chinese and an English name (shown instead of its code)', () => {
    for (const carrier of CARRIERS) {
      expect(carrier.name.trim(), carrier.code).not.toBe('');
      expect(carrier.nameEn.trim(), carrier.code).not.toBe('');
      expect(carrier.name, carrier.code).not.toBe(carrier.code);
      expect(carrier.nameEn.toLowerCase(), carrier.code).not.toBe(carrier.code);
    }
  });
});
