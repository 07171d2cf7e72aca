import { and, desc, eq } from 'drizzle-orm';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { createFactories, type Factories } from '@/testing/factories/factories';
import { orderEvents } from '@/db/schema/orders';
import { auditLog } from '@/db/schema/staff';
import { openTestDatabase, testDatabaseKind } from '@/db/testing';
import { createApiKey } from '@/domain/api-keys/manage-api-keys';
import { adjustStock } from '@/domain/inventory/adjust-stock';
import { receiveStock } from '@/domain/inventory/receive-stock';
import { addOrderNote } from '@/domain/orders/add-order-note';
import { recordReconciliationIssue } from '@/domain/payments/reconciliation/record-issue';
import { resolveReconciliationIssue } from '@/domain/payments/reconciliation/resolve-issue';
import { staffActor, type Actor } from '@/domain/shared/actor';
import { recordAudit } from '@/domain/shared/record-audit';
import { auditLogToCsv } from './audit-csv';
import { parseAuditLogParams } from './audit-log-filters';
import { listAuditLog } from './list-audit-log';

let handle: DatabaseHandle;
let f: Factories;
let actor: Actor;
let staffId: number;

beforeAll(async () => {
  handle = await openTestDatabase();
  f = createFactories(handle.db, { seed: 1313 });
  const staff = await f.staff({ role: 'warehouse', name: '=SUM(A1)' });
  staffId = staff.id;
  actor = staffActor(staff);
});
afterAll(async () => handle?.close());

async function latest(action: string) {
  const [row] = await handle.db
    .select()
    .from(auditLog)
    .where(eq(auditLog.action, action))
    .orderBy(desc(auditLog.id))
    .limit(1);
  return row;
}

describe(`audit rows of mutations off the order timeline (${testDatabaseKind})`, () => {
  it('a stock adjustment records who, which stock level, and on hand before and after', async () => {
    const warehouse = await f.warehouse();
    const sku = await f.sku();
    await f.stock({ skuId: sku.id, warehouseId: warehouse.id, onHand: 10 });
    const adjusted = await adjustStock(handle.db, {
      skuId: sku.id,
      warehouseId: warehouse.id,
      mode: 'counted',
      quantity: 7,
      reason: 'cycle count',
      actor,
    });
    expect(adjusted.ok).toBe(true);
    const row = await latest('inventory.adjust');
    expect(row).toMatchObject({
      actorType: 'staff',
      actorId: staffId,
      targetType: 'stock_level',
      targetId: `${sku.id}:${warehouse.id}`,
    });
    expect(row.details).toMatchObject({ before: { onHand: 10 }, after: { onHand: 7 }, reason: 'cycle count' });

    const page = await listAuditLog(
      handle.db,
      parseAuditLogParams({ type: 'stock_level', id: `${sku.id}:${warehouse.id}` }).filters,
    );
    expect(page.rows).toHaveLength(1);
    expect(page.rows[0]).toMatchObject({
      actorName: '=SUM(A1)',
      changes: { before: { onHand: 10 }, after: { onHand: 7 } },
    });

    // a refused adjustment changes nothing and records nothing
    const count = (await handle.db.select().from(auditLog).where(eq(auditLog.action, 'inventory.adjust'))).length;
    expect(
      (
        await adjustStock(handle.db, {
          skuId: sku.id,
          warehouseId: warehouse.id,
          mode: 'counted',
          quantity: 7,
          reason: 'same again',
          actor,
        })
      ).ok,
    ).toBe(false);
    expect((await handle.db.select().from(auditLog).where(eq(auditLog.action, 'inventory.adjust'))).length).toBe(count);
  });

  it('a goods receipt, a resolved reconciliation issue and a new API key each write their row', async () => {
    const warehouse = await f.warehouse();
    const sku = await f.sku();
    const received = await receiveStock(handle.db, {
      warehouseId: warehouse.id,
      lines: [{ skuId: sku.id, quantity: 5 }],
      actor,
    });
    expect(received.ok).toBe(true);
    expect(await latest('inventory.receive')).toMatchObject({
      actorId: staffId,
      targetType: 'goods_receipt',
      targetId: String(received.ok && received.data.receiptId),
    });

    await recordReconciliationIssue(handle.db, {
      kind: 'amount_mismatch',
      method: 'alipay',
      details: { ours: 100, theirs: 90 },
    });
    const { reconciliationIssues } = await import('@/db/schema/payments');
    const [issue] = await handle.db.select().from(reconciliationIssues).orderBy(desc(reconciliationIssues.id)).limit(1);
    expect(
      (await resolveReconciliationIssue(handle.db, { issueId: issue.id, note: 'provider fee, booked', actor })).ok,
    ).toBe(true);
    expect(await latest('payments.reconciliation.resolve')).toMatchObject({
      actorId: staffId,
      targetType: 'reconciliation_issue',
      targetId: String(issue.id),
    });

    const key = await createApiKey(handle.db, { name: 'ERP', role: 'viewer', actor });
    expect(key.ok).toBe(true);
    const row = await latest('api_key.create');
    expect(row).toMatchObject({ actorId: staffId, targetType: 'api_key' });
    expect(JSON.stringify(row.details)).not.toContain(key.ok ? key.data.key : 'x');
  });

  it('an order note goes on the order timeline (the kind the map calls timeline)', async () => {
    const warehouse = await f.warehouse();
    const sku = await f.sku();
    await f.stock({ skuId: sku.id, warehouseId: warehouse.id, onHand: 5 });
    const { order } = await f.order({
      status: 'awaiting_shipment',
      lines: [{ skuId: sku.id, quantity: 1 }],
      warehouseId: warehouse.id,
    });
    expect((await addOrderNote(handle.db, { orderId: order.id, note: 'gift wrap', actor })).ok).toBe(true);
    const events = await handle.db
      .select()
      .from(orderEvents)
      .where(and(eq(orderEvents.orderId, order.id), eq(orderEvents.actorId, staffId)));
    expect(events.length).toBe(1);
  });
});

describe(`the audit log list (${testDatabaseKind})`, () => {
  it('pages newest first by keyset without losing or repeating a row, filtered by actor and dates', async () => {
    const other = await f.staff({ role: 'admin', name: 'Pager' });
    const at = (minute: number) => new Date(Date.UTC(2026, 2, 3, 4, minute));
    for (let i = 0; i < 5; i += 1) {
      await recordAudit(handle.db, {
        actorType: 'staff',
        actorId: other.id,
        action: 'settings.test',
        targetType: 'settings',
        targetId: `k${i}`,
        at: at(i),
        ip: '203.0.113.7',
      });
    }
    // two rows at the very same instant: the id breaks the tie
    await recordAudit(handle.db, {
      actorType: 'staff',
      actorId: other.id,
      action: 'settings.test',
      targetType: 'settings',
      targetId: 'k5',
      at: at(4),
    });
    const { filters } = parseAuditLogParams({ actor: `staff:${other.id}`, from: '2026-03-03', to: '2026-03-03' });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await listAuditLog(
        handle.db,
        { ...filters, cursor: cursor ? parseAuditLogParams({ cursor }).filters.cursor : undefined },
        2,
      );
      seen.push(...page.rows.map((r) => r.targetId ?? ''));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['k5', 'k4', 'k3', 'k2', 'k1', 'k0']);
    const [first] = (await listAuditLog(handle.db, filters, 1)).rows;
    expect(first.actorName).toBe('Pager');
    expect(
      (await listAuditLog(handle.db, parseAuditLogParams({ actor: `staff:${other.id}`, from: '2026-03-04' }).filters))
        .rows,
    ).toEqual([]);
  });

  it('garbage in the URL is refused by name, not a 500', () => {
    const { filters, rejected } = parseAuditLogParams({
      actor: 'root',
      action: "'; drop table audit_log; --",
      type: '<b>',
      id: 'x'.repeat(500),
      from: '2026-02-30',
      to: 'yesterday',
      cursor: 'zzz',
    });
    expect(filters).toEqual({});
    expect(rejected.map((r) => r.param)).toEqual(['actor', 'action', 'type', 'id', 'from', 'to', 'cursor']);
    expect(parseAuditLogParams({ from: '2026-03-05', to: '2026-03-01' }).rejected).toEqual([
      { param: 'to', value: '2026-03-01', reason: 'reversed_range' },
    ]);
  });

  it('the CSV export is formula-safe and carries before and after', async () => {
    const { rows } = await listAuditLog(handle.db, parseAuditLogParams({ action: 'inventory.adjust' }).filters);
    const csv = auditLogToCsv(rows, {
      time: 'time',
      actor: 'actor',
      actorType: 'type',
      action: 'action',
      recordType: 'rt',
      recordId: 'rid',
      address: 'ip',
      before: 'before',
      after: 'after',
    });
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const [header, line] = parse(csv.slice(1)) as string[][];
    expect(header).toEqual(['time', 'actor', 'type', 'action', 'rt', 'rid', 'ip', 'before', 'after']);
    expect(line[1]).toBe("'=SUM(A1)");
    expect(line[2]).toBe(`staff:${staffId}`);
    expect(line[7]).toBe('onHand: 10');
    expect(line[8]).toContain('onHand: 7');
  });
});
