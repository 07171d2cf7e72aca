import fc from 'fast-check';
import type { z } from 'zod';
import { hostileActionValue, hostileNumber, hostileString } from './hostile';

/** Values that exist in the fuzzed database, so generated input reaches past "not found". */
export interface Plausible {
  ids: number[];
  words: string[];
}

type Def = { type: string } & Record<string, unknown>;
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

/**
 * Input shaped like a zod schema (its keys, enums and nesting) where every leaf is sometimes
 * hostile: the fuzz reaches the handler behind a schema instead of stopping at the first field.
 */
export function arbitraryFor(schema: z.ZodType, plausible: Plausible, depth = 0): fc.Arbitrary<unknown> {
  const typed = typedArbitrary(schema, plausible, depth);
  return fc.oneof({ weight: 5, arbitrary: typed }, { weight: 1, arbitrary: hostileActionValue });
}

function typedArbitrary(schema: z.ZodType, plausible: Plausible, depth: number): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const inner = (s: unknown) => arbitraryFor(s as z.ZodType, plausible, depth + 1);
  if (depth > 8) return hostileActionValue;
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, unknown>;
      const model = Object.fromEntries(Object.entries(shape).map(([key, child]) => [key, inner(child)]));
      return fc.oneof(
        { weight: 4, arbitrary: fc.record(model) },
        { weight: 2, arbitrary: fc.record(model, { requiredKeys: [] }) },
        {
          weight: 1,
          arbitrary: fc
            .tuple(fc.record(model), fc.dictionary(hostileString, hostileActionValue, { maxKeys: 2 }))
            .map(([known, extra]) => ({ ...extra, ...known })),
        },
      );
    }
    case 'array':
      return fc.array(inner(def.element), { maxLength: 4 });
    case 'tuple':
      return fc.tuple(...(def.items as unknown[]).map(inner));
    case 'record':
      return fc.dictionary(fc.oneof(fc.constantFrom(...plausible.words), hostileString), inner(def.valueType), {
        maxKeys: 3,
      });
    case 'union':
      return fc.oneof(...(def.options as unknown[]).map(inner));
    case 'intersection':
      return fc
        .tuple(inner(def.left), inner(def.right))
        .map(([a, b]) => (isPlainObject(a) && isPlainObject(b) ? { ...a, ...b } : a));
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
    case 'success':
      return fc.oneof(inner(def.innerType), fc.constantFrom(undefined, null));
    case 'lazy':
      return inner((def.getter as () => unknown)());
    case 'pipe': {
      // z.preprocess puts a transform in front: generate for what it leads to
      const from = defOf(def.in).type === 'transform' ? def.out : def.in;
      return inner(from);
    }
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, string | number>));
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'boolean':
      return fc.oneof(fc.boolean(), fc.constantFrom('on', 'true', 'false', ''));
    case 'number':
    case 'int':
    case 'bigint':
      return fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...plausible.ids) },
        { weight: 1, arbitrary: fc.constantFrom(...plausible.ids).map(String) },
        { weight: 1, arbitrary: fc.integer({ min: -5, max: 10_000 }) },
        { weight: 2, arbitrary: hostileNumber },
      );
    case 'string':
      return fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...plausible.words) },
        { weight: 1, arbitrary: fc.constantFrom(...plausible.ids).map(String) },
        { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
        { weight: 3, arbitrary: hostileString },
      );
    case 'date':
      return fc.oneof(fc.date(), fc.constantFrom('2026-01-01', 'not a date'));
    default:
      return hostileActionValue;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value as a browser form would carry it: every leaf a string, arrays as repeated names. */
export function toFormData(value: unknown): FormData {
  const form = new FormData();
  const entries = isPlainObject(value) ? Object.entries(value) : [['value', value] as const];
  for (const [key, field] of entries) {
    for (const item of Array.isArray(field) ? field : [field]) {
      if (item === undefined) continue;
      form.append(key, typeof item === 'object' && item !== null ? safeJson(item) : String(item));
    }
  }
  return form;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)) ?? '';
  } catch {
    return Object.prototype.toString.call(value);
  }
}
