import { describe, expect, it } from 'vitest';
import { MAX_PRINT_ORDERS, parsePrintParams, printQuery } from './print-params';

describe('parsePrintParams', () => {
  it('reads selected orders, de-duplicated, with the label format and carrier', () => {
    const parsed = parsePrintParams({ orders: '3, 1,3,2', format: 'a4', carrier: 'shunfeng' });
    expect(parsed).toEqual({
      ok: true,
      data: { selection: { kind: 'orders', orderIds: [3, 1, 2] }, format: 'a4', carrierCode: 'shunfeng' },
    });
    expect(printQuery(parsed.ok ? parsed.data : (null as never))).toBe('orders=3%2C1%2C2&format=a4&carrier=shunfeng');
  });

  it('reads a warehouse run and defaults labels to thermal', () => {
    expect(parsePrintParams({ warehouse: '7' })).toEqual({
      ok: true,
      data: { selection: { kind: 'warehouse', warehouseId: 7 }, format: 'thermal', carrierCode: null },
    });
  });

  it('joins a repeated orders parameter', () => {
    const parsed = parsePrintParams({ orders: ['1', '2'] });
    expect(parsed.ok && parsed.data.selection).toEqual({ kind: 'orders', orderIds: [1, 2] });
  });

  it.each([
    [{}, 'missing_selection', 'orders'],
    [{ orders: '' }, 'missing_selection', 'orders'],
    [{ orders: '1,abc' }, 'invalid_order_ids', 'orders'],
    [{ orders: '1,0' }, 'invalid_order_ids', 'orders'],
    [{ orders: '1e3' }, 'invalid_order_ids', 'orders'],
    [{ orders: Array.from({ length: MAX_PRINT_ORDERS + 1 }, (_, i) => i + 1).join(',') }, 'too_many_orders', 'orders'],
    [{ warehouse: '-1' }, 'invalid_warehouse', 'warehouse'],
    [{ orders: '1', warehouse: '2' }, 'both_selections', 'orders'],
    [{ orders: '1', format: 'letter' }, 'invalid_label_format', 'format'],
    [{ orders: '1', carrier: 'SF Express!' }, 'invalid_carrier', 'carrier'],
  ])('refuses %j with %s on %s', (input, code, field) => {
    const parsed = parsePrintParams(input);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.code).toBe(code);
    expect(parsed.fieldErrors?.[field]).toEqual([code]);
  });
});
