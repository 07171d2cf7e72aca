import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '@/db/client';
import { createFactories, type Factories } from '@/testing/factories/factories';
import { customerAddresses, customers } from '@/db/schema';
import { openTestDatabase, testDatabaseKind } from '@/db/testing';
import { CUSTOMER_SEARCH_LIMIT, searchCustomers } from './search-customers';

let handle: DatabaseHandle;
let f: Factories;

beforeAll(async () => {
  handle = await openTestDatabase();
  f = createFactories(handle.db, { seed: 11 });
});
afterAll(async () => handle?.close());

describe(`searchCustomers (${testDatabaseKind})`, () => {
  it('finds customers by name prefix, with their default address', async () => {
    const zhang = await f.customer({ name: '张晓明', phone: '13912340001' });
    await f.customer({ name: '张晓红', phone: '13912340002' });
    await f.customer({ name: '李张伟', phone: '13912340003' });
    // a second, non-default address must not replace the default one
    await handle.db.insert(customerAddresses).values({
      customerId: zhang.id,
      recipientName: '公司前台',
      phone: '02100000000',
      province: '上海市',
      city: '上海市',
      street: '别处路 9 号',
      isDefault: false,
    });

    const found = await searchCustomers(handle.db, '张晓');
    expect(found.map((c) => c.name)).toEqual(['张晓明', '张晓红'].sort());
    const match = found.find((c) => c.id === zhang.id)!;
    expect(match.phone).toBe('13912340001');
    expect(match.defaultAddress).toEqual({
      recipientName: zhang.address.recipientName,
      phone: zhang.address.phone,
      province: zhang.address.province,
      city: zhang.address.city,
      district: zhang.address.district,
      street: zhang.address.street,
      postalCode: zhang.address.postalCode,
    });
    // a prefix, not a substring: 李张伟 does not start with 张
    expect((await searchCustomers(handle.db, '张')).map((c) => c.name)).not.toContain('李张伟');
  });

  it('finds customers by phone prefix, however the number is written', async () => {
    const c = await f.customer({ name: '王电话', phone: '13655501234' });
    for (const q of ['1365550', '136 5550 1234', '+86 136-5550-1234', '+8613655501234']) {
      expect(
        (await searchCustomers(handle.db, q)).map((m) => m.id),
        q,
      ).toEqual([c.id]);
    }
  });

  it('matches a lowercase Latin first letter to a capitalized name', async () => {
    const c = await f.customer({ name: 'Sophie Zhou', phone: '13700000077' });
    expect((await searchCustomers(handle.db, 'soph')).map((m) => m.id)).toContain(c.id);
    expect((await searchCustomers(handle.db, 'Soph')).map((m) => m.id)).toContain(c.id);
  });

  it('treats LIKE wildcards as plain text', async () => {
    await f.customer({ name: '百分比客户', phone: '13700000078' });
    expect(await searchCustomers(handle.db, '%')).toEqual([]);
    expect(await searchCustomers(handle.db, '_')).toEqual([]);
  });

  it('returns at most ten, alphabetically, and a customer without an address has none', async () => {
    for (let i = 0; i < 12; i++)
      await f.customer({ name: `赵多${String(i).padStart(2, '0')}`, phone: `1380000${String(1000 + i)}` });
    const found = await searchCustomers(handle.db, '赵多');
    expect(found).toHaveLength(CUSTOMER_SEARCH_LIMIT);
    expect(found.map((c) => c.name)).toEqual([...found.map((c) => c.name)].sort());
    expect(found[0].name).toBe('赵多00');

    const [bare] = await handle.db.insert(customers).values({ name: '无地址客户', phone: '13700000079' }).returning();
    expect(await searchCustomers(handle.db, '无地址')).toEqual([
      { id: bare.id, name: '无地址客户', phone: '13700000079', isFlagged: false, defaultAddress: null },
    ]);
  });

  it('answers an empty query with nothing', async () => {
    expect(await searchCustomers(handle.db, '   ')).toEqual([]);
  });
});
