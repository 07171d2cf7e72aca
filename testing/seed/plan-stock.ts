import type { Faker } from '@faker-js/faker';
import { HOUR, MINUTE, DAY } from './random';

export interface StockMove {
  skuId: number;
  warehouseId: number;
  onHandDelta: number;
  reservedDelta: number;
  at: Date;
}

export interface PairSpec {
  skuId: number;
  warehouseId: number;
  /** usual size of a delivery from the supplier */
  batchSize: number;
  /** end with this many available (below the low-stock threshold) */
  lowTarget?: number;
  /** otherwise top up recently when it would end with less than this available */
  minFinal: number;
}

export interface PlannedReceipt {
  skuId: number;
  warehouseId: number;
  quantity: number;
  at: Date;
}

const roundUp10 = (n: number) => Math.ceil(n / 10) * 10;

/**
 * Goods receipts that keep every order covered: an opening receipt, a restock shortly before
 * stock would run out, a recent top-up where stock ends thin, and smaller last deliveries where
 * the demo wants a SKU to end below its low-stock threshold.
 */
export function planReceipts(
  rng: Faker,
  moves: readonly StockMove[],
  pairs: readonly PairSpec[],
  openingAt: Date,
  now: Date,
): PlannedReceipt[] {
  const byPair = new Map<string, StockMove[]>();
  for (const m of moves) {
    const key = `${m.skuId}:${m.warehouseId}`;
    const list = byPair.get(key) ?? [];
    list.push(m);
    byPair.set(key, list);
  }
  const receipts: PlannedReceipt[] = [];
  for (const pair of pairs) {
    const list = (byPair.get(`${pair.skuId}:${pair.warehouseId}`) ?? [])
      .slice()
      .sort((a, b) => a.at.getTime() - b.at.getTime());
    // the pair's history: receipts and moves in time order
    const steps: { receipt?: PlannedReceipt; move?: StockMove }[] = [];
    const add = (quantity: number, at: Date) => {
      const receipt = { skuId: pair.skuId, warehouseId: pair.warehouseId, quantity, at };
      steps.push({ receipt });
      return receipt;
    };
    add(pair.batchSize, openingAt);
    let onHand = pair.batchSize;
    let reserved = 0;
    let lastAt = openingAt.getTime();
    for (const move of list) {
      const available = onHand - reserved;
      if (move.reservedDelta > 0 && available < move.reservedDelta) {
        const lead = rng.number.int({ min: HOUR, max: 12 * HOUR });
        const at = Math.max(lastAt + (move.at.getTime() - lastAt) / 2, move.at.getTime() - lead);
        const quantity = roundUp10(Math.max(pair.batchSize, move.reservedDelta - available));
        add(quantity, new Date(Math.round(at)));
        onHand += quantity;
      }
      steps.push({ move });
      onHand += move.onHandDelta;
      reserved += move.reservedDelta;
      lastAt = move.at.getTime();
    }
    const finalAvailable = onHand - reserved;
    if (pair.lowTarget !== undefined) {
      shrinkLastReceipts(steps, finalAvailable - pair.lowTarget);
    } else if (finalAvailable < pair.minFinal) {
      const at = Math.min(
        now.getTime(),
        Math.max(lastAt + MINUTE, now.getTime() - rng.number.int({ min: DAY, max: 3 * DAY })),
      );
      add(roundUp10(Math.max(pair.batchSize, pair.minFinal - finalAvailable)), new Date(at));
    }
    for (const step of steps) if (step.receipt && step.receipt.quantity > 0) receipts.push(step.receipt);
  }
  return receipts;
}

/** Takes `excess` units off the latest receipts without letting availability drop below zero at any point. */
function shrinkLastReceipts(steps: { receipt?: PlannedReceipt; move?: StockMove }[], excess: number): void {
  for (let k = steps.length - 1; k >= 0 && excess > 0; k--) {
    const receipt = steps[k].receipt;
    if (!receipt) continue;
    let onHand = 0;
    let reserved = 0;
    let minAfter = Infinity;
    steps.forEach((s, i) => {
      if (s.receipt) onHand += s.receipt.quantity;
      if (s.move) {
        onHand += s.move.onHandDelta;
        reserved += s.move.reservedDelta;
      }
      if (i >= k) minAfter = Math.min(minAfter, onHand - reserved);
    });
    const cut = Math.min(excess, minAfter, receipt.quantity);
    receipt.quantity -= cut;
    excess -= cut;
  }
}
