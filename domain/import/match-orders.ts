import { and, eq, inArray, or } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { skus } from '@/db/schema/catalog';
import { orders } from '@/db/schema/orders';
import type { OrderStatus } from '@/domain/shared/statuses';
import type { ImportLineDraft, ImportOrderDraft, ImportRowError } from './import-draft';

/**
 * What a file's orders meet in the database, looked up for a whole batch of orders at once: the
 * SKUs their lines name (by SKU code, else barcode) and the orders already imported with their refs.
 */
export interface MatchFacts {
  skusByCode: Map<string, MatchedSku>;
  skusByBarcode: Map<string, MatchedSku>;
  existing: Map<string, { id: number; number: string; status: OrderStatus }>;
}

export interface MatchedSku {
  id: number;
  code: string;
  name: string;
  variant: string | null;
  costCents: number;
  isActive: boolean;
}

export interface ResolvedLine extends ImportLineDraft {
  sku: MatchedSku;
}

/** Orders that no longer take stock: an import records their sales without touching stock levels. */
export const HISTORICAL_STATUSES: readonly OrderStatus[] = ['partially_shipped', 'shipped', 'completed', 'cancelled'];

export async function lookUpMatches(db: Database, drafts: readonly ImportOrderDraft[]): Promise<MatchFacts> {
  const lines = drafts.flatMap((d) => d.lines);
  const codes = [...new Set(lines.flatMap((l) => (l.skuCode ? [l.skuCode] : [])))];
  const barcodes = [...new Set(lines.flatMap((l) => (l.barcode ? [l.barcode] : [])))];
  const refs = [...new Set(drafts.map((d) => d.externalRef))];
  const skuConditions = [
    ...(codes.length ? [inArray(skus.code, codes)] : []),
    ...(barcodes.length ? [inArray(skus.barcode, barcodes)] : []),
  ];
  const found = skuConditions.length
    ? await db
        .select({
          id: skus.id,
          code: skus.code,
          barcode: skus.barcode,
          name: skus.name,
          variant: skus.variant,
          costCents: skus.costCents,
          isActive: skus.isActive,
        })
        .from(skus)
        .where(or(...skuConditions))
    : [];
  const existing = refs.length
    ? await db
        .select({ id: orders.id, number: orders.number, status: orders.status, externalRef: orders.externalRef })
        .from(orders)
        .where(and(eq(orders.source, 'import'), inArray(orders.externalRef, refs)))
    : [];
  return {
    skusByCode: new Map(found.map((s) => [s.code, s])),
    skusByBarcode: new Map(found.flatMap((s) => (s.barcode ? [[s.barcode, s] as const] : []))),
    existing: new Map(existing.map((o) => [o.externalRef!, { id: o.id, number: o.number, status: o.status }])),
  };
}

/**
 * Each line's SKU, or the errors that keep the order out. Open orders need a SKU that is on sale;
 * historical ones only one the catalogue knows (archived is fine: the sale happened).
 */
export function resolveLines(
  draft: ImportOrderDraft,
  facts: MatchFacts,
  skuColumn: string,
): { lines: ResolvedLine[]; errors: ImportRowError[] } {
  const historical = HISTORICAL_STATUSES.includes(draft.status);
  const lines: ResolvedLine[] = [];
  const errors: ImportRowError[] = [];
  for (const line of draft.lines) {
    if (!line.skuCode && !line.barcode) {
      errors.push({ row: line.row, column: skuColumn, code: 'sku_required' });
      continue;
    }
    const sku =
      (line.skuCode ? facts.skusByCode.get(line.skuCode) : undefined) ??
      (line.barcode ? facts.skusByBarcode.get(line.barcode) : undefined);
    if (!sku)
      errors.push({ row: line.row, column: skuColumn, code: 'sku_unknown', value: line.skuCode ?? line.barcode! });
    else if (!sku.isActive && !historical)
      errors.push({ row: line.row, column: skuColumn, code: 'sku_archived', value: sku.code });
    else lines.push({ ...line, sku });
  }
  return { lines, errors };
}
