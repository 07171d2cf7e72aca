import type { SpecAttribute } from '@/db/schema/catalog';

/** How many SKUs one product may generate at once (e.g. 10 colours x 10 sizes). */
export const MAX_GENERATED_VARIANTS = 100;

export interface VariantSpec {
  /** one value per attribute, in the attributes' order ({颜色: 红, 尺码: M}) */
  specValues: Record<string, string>;
  /** the values joined for people: "红 / M" */
  label: string;
  /** the suggested SKU code: the base code and the variant's position, BASE-01 */
  code: string;
}

/**
 * Every combination of the attributes' values (颜色 x 尺码), first attribute slowest, each with the
 * suggested code `${baseCode}-NN`. Attributes without values are left out; none at all gives one
 * SKU with no spec values, coded `${baseCode}`.
 */
export function generateVariants(attributes: readonly SpecAttribute[], baseCode: string): VariantSpec[] {
  const used = attributes.filter((a) => a.values.length > 0);
  if (used.length === 0) return [{ specValues: {}, label: '', code: baseCode }];
  let combos: string[][] = [[]];
  for (const attribute of used) combos = combos.flatMap((combo) => attribute.values.map((value) => [...combo, value]));
  const width = Math.max(2, String(combos.length).length);
  return combos.map((values, index) => ({
    specValues: Object.fromEntries(used.map((a, i) => [a.name, values[i]])),
    label: values.join(' / '),
    code: `${baseCode}-${String(index + 1).padStart(width, '0')}`,
  }));
}

/** The number of SKUs `generateVariants` would make, without making them. */
export function countVariants(attributes: readonly SpecAttribute[]): number {
  return attributes.filter((a) => a.values.length > 0).reduce((n, a) => n * a.values.length, 1);
}

/** "红, 蓝，绿" -> ["红", "蓝", "绿"]: commas (ASCII or full-width), 、 or new lines; blanks and repeats dropped. */
export function parseSpecValues(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,，、\n]/)
        .map((v) => v.trim())
        .filter(Boolean),
    ),
  ];
}
