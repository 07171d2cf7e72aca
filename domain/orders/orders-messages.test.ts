import { describe, expect, it } from 'vitest';
import en from '@/messages/en/orders.json';
import zh from '@/messages/zh-CN/orders.json';
import { orderEventKind } from '@/db/schema/orders';
import { ORDER_LIST_SORTS, ORDER_SOURCES } from './order-list-filters';
import { ORDER_STATUSES } from './order-status';
import { FULFILLMENT_STATES, PAYMENT_STATES } from './summary-states';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

describe('orders messages', () => {
  it('has the same keys in both languages', () => {
    expect(keys(zh).sort()).toEqual(keys(en).sort());
  });

  it('labels every status, state, source, sort and timeline event', () => {
    for (const messages of [en, zh]) {
      const all = new Set(keys(messages));
      for (const s of ORDER_STATUSES) expect(all.has(`status.${s}`)).toBe(true);
      for (const s of PAYMENT_STATES) expect(all.has(`paymentState.${s}`)).toBe(true);
      for (const s of FULFILLMENT_STATES) expect(all.has(`fulfillmentState.${s}`)).toBe(true);
      for (const s of ORDER_SOURCES) expect(all.has(`source.${s}`)).toBe(true);
      for (const s of ORDER_LIST_SORTS) expect(all.has(`sort.${s}`)).toBe(true);
      for (const s of orderEventKind.enumValues) expect(all.has(`eventKind.${s}`)).toBe(true);
    }
  });

  it('uses the agreed status labels', () => {
    expect(zh.status).toEqual({
      pending_payment: '待付款',
      paid: '已付款',
      awaiting_shipment: '待发货',
      partially_shipped: '部分发货',
      shipped: '已发货',
      completed: '已完成',
      cancelled: '已取消',
    });
    expect(en.status.awaiting_shipment).toBe('Awaiting shipment');
  });
});

describe('order lifecycle messages', () => {
  it('translates every validation key and failure code the lifecycle operations produce', async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    const dir = new URL('.', import.meta.url).pathname;
    const sources = readdirSync(dir)
      .filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts'))
      .map((n) => readFileSync(`${dir}/${n}`, 'utf8'))
      .join('\n');
    const validation = new Set(
      [...sources.matchAll(/\$\{V\}\.(\w+)/g), ...sources.matchAll(/add\([^,]+, '(\w+)'\)/g)].map((m) => m[1]),
    );
    validation.delete('$');
    // the order page's operations (ship, confirm payment, note, cancel) write orders.actions.validation.* keys
    const actionKeys = new Set(
      [...sources.matchAll(/\$\{ACTION\}\.(\w+)/g), ...sources.matchAll(/'orders\.actions\.validation\.(\w+)'/g)].map(
        (m) => m[1],
      ),
    );
    expect(actionKeys.size).toBeGreaterThan(8);
    expect(validation.size).toBeGreaterThan(20);
    const codes = [
      'invalid',
      'not_found',
      'invalid_transition',
      'conflict',
      'insufficient_stock',
      'unknown_stock',
      'stale',
      'not_editable',
      'paid_total_change',
      'not_archivable',
      'already_archived',
      'not_archived',
    ];
    for (const messages of [en, zh]) {
      const all = new Set(keys(messages));
      for (const v of validation) expect(all.has(`entry.validation.${v}`), v).toBe(true);
      for (const v of actionKeys) expect(all.has(`actions.validation.${v}`), v).toBe(true);
      for (const c of codes) expect(all.has(`errors.${c}`), c).toBe(true);
    }
  });
});
