import { describe, expect, it } from 'vitest';
import { shipmentStatus } from '@/db/schema/logistics';
import { kuaidi100Events, parseKuaidi100Push } from './kuaidi100';
import { dedupeKey, isException, latestState, mapKuaidi100State } from './tracking-state';

describe('Kuaidi100 state mapping', () => {
  it('maps every documented state code', () => {
    const table = [0, 1, 2, 3, 4, 5, 6, 7, 8, 14].map((code) => [
      code,
      mapKuaidi100State(code).status,
      mapKuaidi100State(code).isException,
    ]);
    expect(table).toEqual([
      [0, 'in_transit', false],
      [1, 'picked_up', false],
      [2, 'exception', true],
      [3, 'delivered', false],
      [4, 'returned', true],
      [5, 'out_for_delivery', false],
      [6, 'returning', true],
      [7, 'in_transit', false],
      [8, 'in_transit', false],
      [14, 'exception', true],
    ]);
    for (const [, status] of table) expect(shipmentStatus.enumValues).toContain(status);
  });

  it('moves nothing for unknown codes', () => {
    for (const code of [9, 10, 13, 101, 301, -1, null, undefined])
      expect(mapKuaidi100State(code), String(code)).toEqual({ status: null, isException: false });
  });

  it('marks the statuses a person must handle', () => {
    expect(shipmentStatus.enumValues.filter(isException)).toEqual(['exception', 'returning', 'returned']);
  });
});

const at = (text: string) => new Date(`${text}+08:00`);

describe('tracking event dedupe', () => {
  it('collapses a replayed push to the same keys, and tells different events apart', () => {
    const param = JSON.stringify({
      status: 'polling',
      message: '',
      lastResult: {
        state: '0',
        ischeck: '0',
        com: 'zhongtong',
        nu: '78123456789012',
        data: [
          {
            context: '【杭州转运中心】已发出 下一站【上海转运中心】',
            time: '2026-11-25 22:00:00',
            ftime: '2026-11-25 22:00:00',
          },
          { context: '【杭州市】 快件已揽收', time: '2026-11-25 17:00:00', ftime: '2026-11-25 17:00:00' },
        ],
      },
    });
    const keysOf = (text: string, shipmentId: number) => {
      const parsed = parseKuaidi100Push(text);
      if (!parsed.ok) throw new Error(parsed.message);
      return kuaidi100Events(parsed.data).map((e) => dedupeKey({ shipmentId, ...e }));
    };
    const first = keysOf(param, 7);
    expect(new Set(first).size).toBe(2);
    expect(keysOf(param, 7)).toEqual(first);
    // a later push carries the old events again (full history, newest first) plus a new one
    const later = JSON.parse(param);
    later.lastResult.data.unshift({
      context: '【上海市】派件中',
      time: '2026-11-26 08:00:00',
      ftime: '2026-11-26 08:00:00',
    });
    later.lastResult.data[2].context = '【杭州市】  快件已揽收 ';
    const second = keysOf(JSON.stringify(later), 7);
    expect(second.slice(1)).toEqual(first);
    expect(first).not.toContain(second[0]);
    // the same event on another shipment is another row
    expect(keysOf(param, 8)).not.toEqual(first);
  });

  it('keeps events that differ only in time or text apart', () => {
    const base = { shipmentId: 1, occurredAt: at('2026-11-25T17:00:00'), description: '快件已揽收' };
    expect(dedupeKey(base)).not.toBe(dedupeKey({ ...base, occurredAt: at('2026-11-25T17:00:01') }));
    expect(dedupeKey(base)).not.toBe(dedupeKey({ ...base, description: '快件已发出' }));
    expect(dedupeKey(base)).toBe(dedupeKey({ ...base, description: ' 快件已揽收\n' }));
  });
});

describe('latest state', () => {
  const picked = { occurredAt: at('2026-11-24T10:00:00'), stateCode: 1 };
  const transit = { occurredAt: at('2026-11-24T20:00:00'), stateCode: 0 };
  const outForDelivery = { occurredAt: at('2026-11-25T08:00:00'), stateCode: 5 };
  const signed = { occurredAt: at('2026-11-25T11:30:00'), stateCode: 3 };

  it('takes the newest by time, whatever the arrival order', () => {
    const inOrder = [picked, transit, outForDelivery, signed];
    for (const arrival of [inOrder, [...inOrder].reverse(), [transit, signed, picked, outForDelivery]]) {
      expect(latestState(arrival)).toEqual({ status: 'delivered', isException: false, occurredAt: signed.occurredAt });
    }
    expect(latestState([outForDelivery, picked])).toMatchObject({ status: 'out_for_delivery' });
    expect(latestState([])).toBeNull();
    expect(latestState([{ occurredAt: signed.occurredAt, stateCode: 301 }])).toBeNull();
  });

  it('skips unknown codes rather than letting them hide a known state', () => {
    expect(
      latestState([
        transit,
        { occurredAt: at('2026-11-26T08:00:00'), stateCode: null },
        { occurredAt: at('2026-11-26T09:00:00'), stateCode: 99 },
      ]),
    ).toMatchObject({ status: 'in_transit' });
  });

  it('does not reopen a delivered parcel for a later en-route scan', () => {
    const lateScan = { occurredAt: at('2026-11-25T12:00:00'), stateCode: 0 };
    expect(latestState([picked, signed, lateScan])).toMatchObject({
      status: 'delivered',
      occurredAt: signed.occurredAt,
    });
    expect(latestState([signed, { occurredAt: at('2026-11-25T13:00:00'), stateCode: 5 }])).toMatchObject({
      status: 'delivered',
    });
  });

  it('lets a newer outcome override delivered or returned', () => {
    const refusedAfterLocker = { occurredAt: at('2026-11-26T09:00:00'), stateCode: 6 };
    expect(latestState([signed, refusedAfterLocker, transit])).toEqual({
      status: 'returning',
      isException: true,
      occurredAt: refusedAfterLocker.occurredAt,
    });
    const backAtSender = { occurredAt: at('2026-11-28T15:00:00'), stateCode: 4 };
    expect(latestState([backAtSender, signed, refusedAfterLocker])).toMatchObject({
      status: 'returned',
      isException: true,
    });
    expect(latestState([backAtSender, { occurredAt: at('2026-11-29T08:00:00'), stateCode: 0 }])).toMatchObject({
      status: 'returned',
    });
  });

  it('orders same-minute events by progress', () => {
    const sameMinute = at('2026-11-25T11:30:00');
    expect(
      latestState([
        { occurredAt: sameMinute, stateCode: 3 },
        { occurredAt: sameMinute, stateCode: 5 },
      ]),
    ).toMatchObject({ status: 'delivered' });
    expect(
      latestState([
        { occurredAt: sameMinute, stateCode: 5 },
        { occurredAt: sameMinute, stateCode: 3 },
      ]),
    ).toMatchObject({ status: 'delivered' });
    expect(
      latestState([
        { occurredAt: sameMinute, stateCode: 2 },
        { occurredAt: sameMinute, stateCode: 0 },
      ]),
    ).toMatchObject({ status: 'exception', isException: true });
  });

  it('clears an exception when a newer event moves the parcel on', () => {
    const problem = { occurredAt: at('2026-11-25T09:00:00'), stateCode: 2 };
    expect(latestState([problem, transit, picked])).toMatchObject({ status: 'exception', isException: true });
    expect(latestState([problem, signed])).toMatchObject({ status: 'delivered', isException: false });
  });
});
