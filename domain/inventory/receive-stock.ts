import { inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { queryRows, type Database } from '@/db/client';
import { goodsReceiptLines, goodsReceipts, skus, warehouses } from '@/db/schema';
import { formatOrderNumber } from '@/domain/orders/order-number';
import type { Actor } from '@/domain/shared/actor';
import { fail, ok, type Result } from '@/domain/shared/result';
import { inTransaction } from '@/domain/shared/transaction';
import { applyStockChange } from './apply-stock-change';
import { recordAudit } from '@/domain/shared/record-audit';

export const MAX_RECEIPT_LINES = 200;
export const MAX_RECEIPT_QUANTITY = 1_000_000;

/** One line of a goods receipt: the SKU by id or by code, how many arrived, and optionally their unit cost in fen. */
export const ZReceiptLine = z
  .object({
    skuId: z.number().int().positive().optional(),
    skuCode: z.string().trim().min(1).max(64).optional(),
    quantity: z.number().int().min(1).max(MAX_RECEIPT_QUANTITY),
    unitCostCents: z.number().int().min(0).max(100_000_000).nullable().optional(),
  })
  .refine((line) => line.skuId !== undefined || line.skuCode !== undefined, {
    message: 'inventory.validation.skuRequired',
    path: ['skuCode'],
  });

export const ZReceiveStock = z.object({
  warehouseId: z.number().int().positive(),
  supplier: z
    .string()
    .trim()
    .max(120)
    .optional()
    .transform((v) => v || null),
  note: z
    .string()
    .trim()
    .max(500)
    .optional()
    .transform((v) => v || null),
  lines: z.array(ZReceiptLine).min(1).max(MAX_RECEIPT_LINES),
});
export type TReceiveStock = z.input<typeof ZReceiveStock>;

/**
 * Failure codes: `unknown_warehouse` (no such warehouse, or it is closed), `unknown_sku` (a line
 * names a SKU that does not exist; fieldErrors name the lines), `invalid` (input failed the schema).
 */
export type ReceiveStockError = 'unknown_warehouse' | 'unknown_sku' | 'invalid';

export interface ReceivedStock {
  receiptId: number;
  number: string;
  lines: { skuId: number; quantity: number; onHand: number; reserved: number }[];
}

/**
 * Books a goods receipt: the receipt and its lines, and a 'receive' stock change per line (the
 * stock row is created when the SKU had none in that warehouse), all in one transaction. The
 * number is GR + yyMMdd (Asia/Shanghai) + the day's next serial.
 */
export async function receiveStock(
  db: Database,
  raw: TReceiveStock & { actor: Actor; now?: Date },
): Promise<Result<ReceivedStock, ReceiveStockError>> {
  const parsed = ZReceiveStock.safeParse(raw);
  if (!parsed.success) return fail('invalid', parsed.error.issues.map((i) => i.message).join('; '));
  const input = parsed.data;
  const now = raw.now ?? new Date();

  return inTransaction(db, async (tx) => {
    const [warehouse] = await tx
      .select()
      .from(warehouses)
      .where(sql`${warehouses.id} = ${input.warehouseId}`);
    if (!warehouse || !warehouse.isActive)
      return fail('unknown_warehouse', `no active warehouse ${input.warehouseId}`, {
        warehouseId: ['unknown_warehouse'],
      });

    const resolved = await resolveSkus(tx, input.lines);
    if (!resolved.ok) return resolved;
    const lines = input.lines.map((line, index) => ({ ...line, skuId: resolved.data[index] }));

    const number = await nextReceiptNumber(tx, now);
    const [receipt] = await tx
      .insert(goodsReceipts)
      .values({
        number,
        warehouseId: warehouse.id,
        supplier: input.supplier,
        note: input.note,
        receivedAt: now,
        createdBy: raw.actor.type === 'staff' ? raw.actor.id : null,
      })
      .returning({ id: goodsReceipts.id });
    await tx.insert(goodsReceiptLines).values(
      lines.map((l) => ({
        receiptId: receipt.id,
        skuId: l.skuId,
        quantity: l.quantity,
        unitCostCents: l.unitCostCents ?? null,
      })),
    );

    // stock rows change in (sku_id) order, the order every multi-row stock change uses, so receipts never deadlock with orders
    const applied: ReceivedStock['lines'] = [];
    for (const line of [...lines].sort((a, b) => a.skuId - b.skuId)) {
      const change = await applyStockChange(tx, {
        skuId: line.skuId,
        warehouseId: warehouse.id,
        kind: 'receive',
        quantity: line.quantity,
        actor: raw.actor,
        documentType: 'goods_receipt',
        documentId: number,
        unitCostCents: line.unitCostCents ?? undefined,
      });
      // a receipt only adds stock and the row exists: a failure here is a bug, not an outcome
      if (!change.ok) throw new Error(`receive of SKU ${line.skuId} failed: ${change.code} ${change.message}`);
      applied.push({
        skuId: line.skuId,
        quantity: line.quantity,
        onHand: change.data.onHand,
        reserved: change.data.reserved,
      });
    }
    await recordAudit(tx, {
      actorType: raw.actor.type,
      actorId: raw.actor.id,
      action: 'inventory.receive',
      targetType: 'goods_receipt',
      targetId: receipt.id,
      details: {
        number,
        warehouseId: warehouse.id,
        supplier: input.supplier ?? null,
        lines: applied.map((l) => ({ skuId: l.skuId, quantity: l.quantity })),
      },
      at: now,
    });
    return ok({ receiptId: receipt.id, number, lines: applied });
  });
}

/** The SKU id of each line, looking codes up; unknown SKUs fail with the lines that named them. */
async function resolveSkus(
  tx: Database,
  lines: z.output<typeof ZReceiptLine>[],
): Promise<Result<number[], 'unknown_sku'>> {
  const codes = [...new Set(lines.flatMap((l) => (l.skuId === undefined && l.skuCode ? [l.skuCode] : [])))];
  const ids = [...new Set(lines.flatMap((l) => (l.skuId !== undefined ? [l.skuId] : [])))];
  const found = [
    ...(codes.length
      ? await tx.select({ id: skus.id, code: skus.code }).from(skus).where(inArray(skus.code, codes))
      : []),
    ...(ids.length ? await tx.select({ id: skus.id, code: skus.code }).from(skus).where(inArray(skus.id, ids)) : []),
  ];
  const byCode = new Map(found.map((s) => [s.code, s.id]));
  const knownIds = new Set(found.map((s) => s.id));
  const fieldErrors: Record<string, string[]> = {};
  const resolved = lines.map((line, index) => {
    const id =
      line.skuId !== undefined ? (knownIds.has(line.skuId) ? line.skuId : undefined) : byCode.get(line.skuCode ?? '');
    if (id === undefined) fieldErrors[`lines.${index}.skuCode`] = ['unknown_sku_code'];
    return id ?? 0;
  });
  if (Object.keys(fieldErrors).length > 0) {
    const names = lines.filter((_, i) => fieldErrors[`lines.${i}.skuCode`]).map((l) => l.skuCode ?? `#${l.skuId}`);
    return fail('unknown_sku', `unknown SKU: ${names.join(', ')}`, fieldErrors, { skus: names.join(', ') });
  }
  return ok(resolved);
}

/** GR + yyMMdd + the day's next serial; receipts of one day are numbered one at a time under an advisory lock. */
async function nextReceiptNumber(tx: Database, now: Date): Promise<string> {
  const prefix = formatOrderNumber(now, 0).replace(/^SO/, 'GR').slice(0, 8);
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('goods_receipts.number'))`);
  const [row] = await queryRows<{ last: unknown }>(
    tx,
    sql`
    select max(substring(number from 9)::bigint) as last from goods_receipts
    where number like ${`${prefix}%`} and substring(number from 9) ~ '^[0-9]{1,15}$'`,
  );
  return formatOrderNumber(now, Number(row?.last ?? 0) + 1).replace(/^SO/, 'GR');
}
