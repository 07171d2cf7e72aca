import type { Faker } from '@faker-js/faker';
import type { Database } from '@/db/client';
import { goodsReceiptLines, goodsReceipts, stockLevels, type Warehouse } from '@/db/schema/inventory';
import type { StockChange } from '@/testing/fixtures/stock-ledger';
import { insertMany, insertReturning } from '@/testing/fixtures/bulk-insert';
import type { Actor } from '@/testing/fixtures/order-plan';
import { formatOrderNumber } from '@/domain/orders/order-number';
import { DEMO_WAREHOUSES } from './catalog';
import type { SeedSku } from './plan-orders';
import { planReceipts, type PairSpec } from './plan-stock';

const SUPPLIERS = [
  '义乌市优品供应链有限公司',
  '深圳市极电科技有限公司',
  '杭州棉语服饰有限公司',
  '广州润颜化妆品有限公司',
  '云南滇香农业有限公司',
  '苏州小芽母婴用品有限公司',
];
// SKU index and warehouse of the SKUs the demo leaves below their low-stock threshold, with what stays available
const LOW_STOCK = [
  { sku: 2, warehouse: 'SH', available: 0 },
  { sku: 9, warehouse: 'SH', available: 3 },
  { sku: 17, warehouse: 'SH', available: 5 },
  { sku: 24, warehouse: 'SH', available: 2 },
  { sku: 33, warehouse: 'SH', available: 8 },
  { sku: 41, warehouse: 'SH', available: 6 },
  { sku: 4, warehouse: 'GZ', available: 1 },
  { sku: 12, warehouse: 'BJ', available: 4 },
];

/**
 * Creates the stock level rows (with bin locations) and the goods receipts that cover every
 * order; returns the receipts' stock changes for the caller to apply with the orders' ones.
 */
export async function writeReceipts(
  db: Database,
  rng: Faker,
  input: {
    now: Date;
    openingAt: Date;
    skus: readonly SeedSku[];
    warehouses: readonly Warehouse[];
    moves: readonly StockChange[];
    receiver: Actor;
  },
): Promise<StockChange[]> {
  const pairs: (PairSpec & { location: string })[] = [];
  for (const w of input.warehouses) {
    const aisles = DEMO_WAREHOUSES.find((d) => d.code === w.code)?.aisles ?? ['A'];
    let slot = 0;
    input.skus.forEach((sku, index) => {
      if (!sku.stockedIn.includes(w.code)) return;
      const low = LOW_STOCK.find((l) => l.sku === index && l.warehouse === w.code);
      const aisle = aisles[slot % aisles.length];
      const position = Math.floor(slot / aisles.length);
      slot++;
      pairs.push({
        skuId: sku.id,
        warehouseId: w.id,
        lowTarget: low?.available,
        batchSize: Math.round((sku.popularity * 20 + 40) * (w.code === 'SH' ? 1 : 0.6)),
        minFinal: sku.popularity >= 10 ? 40 : 15,
        location: `${aisle}-${String(Math.floor(position / 4) + 1).padStart(2, '0')}-${(position % 4) + 1}`,
      });
    });
  }
  await insertMany(
    db,
    stockLevels,
    pairs.map((p) => ({
      skuId: p.skuId,
      warehouseId: p.warehouseId,
      location: p.location,
      updatedAt: input.openingAt,
    })),
  );

  const receipts = planReceipts(rng, input.moves, pairs, input.openingAt, input.now);
  // one opening receipt per warehouse; each later delivery is its own receipt
  const groups = new Map<string, typeof receipts>();
  for (const r of receipts) {
    const key =
      r.at.getTime() === input.openingAt.getTime()
        ? `open:${r.warehouseId}`
        : `${r.warehouseId}:${r.skuId}:${r.at.getTime()}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const entries = [...groups.entries()].sort((a, b) => a[1][0].at.getTime() - b[1][0].at.getTime());
  const receiptInputs = entries.map(([key, list], i) => ({
    // GR + yyMMdd + serial, the same shape as order numbers
    number: formatOrderNumber(list[0].at, i + 1).replace(/^SO/, 'GR'),
    warehouseId: list[0].warehouseId,
    supplier: rng.helpers.arrayElement(SUPPLIERS),
    note: key.startsWith('open:') ? '期初入库' : '补货入库',
    receivedAt: list[0].at,
    createdBy: input.receiver.id,
  }));
  const receiptIds = (await insertReturning(db, goodsReceipts, receiptInputs, ['id'])).map((r) => Number(r.id));
  const skuCost = new Map(input.skus.map((s) => [s.id, s.costCents]));
  await insertMany(
    db,
    goodsReceiptLines,
    entries.flatMap(([, list], i) =>
      list.map((r) => ({
        receiptId: receiptIds[i],
        skuId: r.skuId,
        quantity: r.quantity,
        unitCostCents: skuCost.get(r.skuId) ?? null,
      })),
    ),
  );
  return entries.flatMap(([, list], i) =>
    list.map((r): StockChange => ({
      skuId: r.skuId,
      warehouseId: r.warehouseId,
      kind: 'receive',
      onHandDelta: r.quantity,
      reservedDelta: 0,
      at: r.at,
      actor: input.receiver,
      documentType: 'goods_receipt',
      documentId: receiptInputs[i].number,
      unitCostCents: skuCost.get(r.skuId) ?? null,
    })),
  );
}
