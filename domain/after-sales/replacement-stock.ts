import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { afterSalesLines, type AfterSalesRequest } from '@/db/schema/after-sales';
import { releaseStock, reserveStock, type StockLine } from '@/domain/inventory/reserve-stock';
import type { Actor } from '@/domain/shared/actor';
import { fail, ok, type Result } from '@/domain/shared/result';
import { sendsReplacement } from './after-sales-status';

async function replacementLines(tx: Database, requestId: number): Promise<StockLine[] | null> {
  const lines = await tx.select().from(afterSalesLines).where(eq(afterSalesLines.requestId, requestId));
  if (lines.some((l) => l.replacementSkuId === null || l.replacementWarehouseId === null)) return null;
  return lines.map((l) => ({
    skuId: l.replacementSkuId!,
    warehouseId: l.replacementWarehouseId!,
    quantity: l.quantity,
  }));
}

/**
 * Reserves the replacement of an exchange or reship through the orders' reservation path (fixed
 * lock order, ledger rows). Failure codes: `insufficient_stock` (params.skus names every short
 * SKU), `unknown_stock`, `no_replacement` (a line has no SKU or warehouse to send from).
 */
export async function reserveReplacement(
  tx: Database,
  request: AfterSalesRequest,
  actor: Actor,
): Promise<Result<void, 'insufficient_stock' | 'unknown_stock' | 'no_replacement'>> {
  if (!sendsReplacement(request.kind)) return ok(undefined);
  const lines = await replacementLines(tx, request.id);
  if (!lines)
    return fail(
      'no_replacement',
      `request ${request.number} has a line with no SKU or warehouse to send a replacement from`,
    );
  const reserved = await reserveStock(tx, lines, {
    actor,
    orderId: request.orderId,
    documentType: 'after_sales',
    documentId: request.id,
    reason: `replacement for ${request.number}`,
  });
  if (!reserved.ok) {
    return reserved.code === 'insufficient_stock'
      ? fail(
          'insufficient_stock',
          `Not enough stock for the replacement: ${reserved.params?.skus ?? ''}`,
          reserved.fieldErrors,
          reserved.params,
        )
      : reserved;
  }
  return ok(undefined);
}

/** Gives the replacement's reservation back (the request was cancelled or closed before it shipped). */
export async function releaseReplacement(
  tx: Database,
  request: AfterSalesRequest,
  actor: Actor,
): Promise<Result<void, 'insufficient_stock' | 'unknown_stock'>> {
  if (!sendsReplacement(request.kind)) return ok(undefined);
  const lines = await replacementLines(tx, request.id);
  if (!lines) return ok(undefined);
  const released = await releaseStock(tx, lines, {
    actor,
    orderId: request.orderId,
    documentType: 'after_sales',
    documentId: request.id,
    reason: `replacement of ${request.number} not needed`,
  });
  return released.ok ? ok(undefined) : released;
}
