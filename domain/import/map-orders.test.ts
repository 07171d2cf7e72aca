import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { recogniseFormat } from './formats';
import { TEMPLATE_HEADERS } from './formats/template';
import type { MappedOrder } from './import-draft';
import { mapOrders } from './map-orders';
import { ImportFileError, readImportFile } from './read-import-file';
import { isTaobaoItemFile, readTaobaoItems } from './read-taobao-items';

const dir = mkdtempSync(join(tmpdir(), 'import-test-'));
let n = 0;
function file(content: string | Buffer, ext = 'csv'): string {
  const path = join(dir, `f${++n}.${ext}`);
  writeFileSync(path, content);
  return path;
}

async function mapFile(path: string, items?: Parameters<typeof mapOrders>[2]['items']): Promise<MappedOrder[]> {
  const table = await readImportFile(path);
  const format = recogniseFormat(table.headers);
  if (!format) throw new Error('format not recognised');
  const orders: MappedOrder[] = [];
  for await (const order of mapOrders(table, format, { timeZone: 'Asia/Shanghai', items })) orders.push(order);
  return orders;
}

const SHOPIFY_HEADER =
  'Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Currency,Subtotal,Shipping,Taxes,Total,Discount Code,Discount Amount,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem compare-at price,Lineitem sku,Billing Name,Shipping Name,Shipping Address1,Shipping City,Shipping Zip,Shipping Province,Shipping Phone,Notes,Cancelled at';

describe('Shopify orders export', () => {
  it('groups line rows by Name and reads order fields from the first row only', async () => {
    const csv = [
      SHOPIFY_HEADER,
      '#1001,a@x.cn,paid,2024-05-01 10:05:00 +0000,fulfilled,,CNY,300.00,10.00,0,290.00,SAVE,20.00,2024-05-01 10:00:00 +0000,2,T-shirt,100.00,,TS-RED-M,Li Lei,Li Lei,文三路100号,杭州市,310000,浙江省,13800138000,"gift, wrap",',
      '#1001,,,,,,,,,,,,,,1,Cap,100.00,,CAP-1,,,,,,,,,',
      '#1002,b@x.cn,pending,,,,CNY,50.00,0,0,50.00,,0,2024-05-02 09:00:00 +0800,1,Cap,50.00,,CAP-1,Han Meimei,Han Meimei,建国路88号,北京市,100022,北京市,13900139000,,',
    ].join('\n');
    const orders = await mapFile(file(csv));
    expect(orders.map((o) => [o.externalRef, o.errors])).toEqual([
      ['#1001', []],
      ['#1002', []],
    ]);
    const first = orders[0].draft!;
    expect(first).toMatchObject({
      platform: 'shopify',
      status: 'completed',
      shippingFen: 1000,
      discountFen: 2000,
      totalFen: 29000,
      buyerNote: 'gift, wrap',
      rows: [2, 3],
    });
    expect(first.placedAt.toISOString()).toBe('2024-05-01T10:00:00.000Z');
    expect(first.lines).toEqual([
      { row: 2, skuCode: 'TS-RED-M', barcode: null, title: 'T-shirt', quantity: 2, unitPriceFen: 10000 },
      { row: 3, skuCode: 'CAP-1', barcode: null, title: 'Cap', quantity: 1, unitPriceFen: 10000 },
    ]);
    expect(orders[1].draft).toMatchObject({
      status: 'pending_payment',
      shipTo: { province: '北京市', city: '北京市' },
    });
  });

  it('names the row and column of each error and keeps going', async () => {
    const csv = [
      SHOPIFY_HEADER,
      '#2001,,paid,,,,CNY,0,0,0,0,,0,2024-13-01 10:00:00 +0000,two,Cap,abc,,CAP-1,,,,,,,,,',
      '#2002,,mystery,,,,CNY,0,0,0,0,,0,2024-05-01 10:00:00 +0000,1,Cap,"=HYPERLINK(""x"")",,CAP-1,,,,,,,,,',
      '#2003,,paid,,,,CNY,0,0,0,0,,0,2024-05-01 10:00:00 +0000,1,Cap,1.00,,CAP-1,,,,,,,,,',
    ].join('\n');
    const [a, b, c] = await mapFile(file(csv));
    expect(a.draft).toBeNull();
    expect(a.errors).toEqual(
      expect.arrayContaining([
        { row: 2, column: 'Created at', code: 'date_invalid', value: '2024-13-01 10:00:00 +0000' },
        { row: 2, column: 'Lineitem quantity', code: 'quantity_invalid', value: 'two' },
      ]),
    );
    expect(b.errors).toEqual(
      expect.arrayContaining([
        { row: 3, column: 'Financial Status', code: 'status_unknown', value: 'mystery/' },
        { row: 3, column: 'Lineitem price', code: 'money_invalid', value: '=HYPERLINK("x")' },
      ]),
    );
    expect(c.errors).toEqual([]);
    expect(c.draft?.status).toBe('awaiting_shipment');
  });
});

describe('Taobao 已卖出的宝贝 (GB18030, two files)', () => {
  const orderFile = [
    '订单编号,买家会员名,买家应付货款,买家应付邮费,买家实际支付金额,订单状态,买家留言,收货人姓名,收货地址,联系手机,订单创建时间,订单付款时间,宝贝标题,宝贝总数量,物流单号,物流公司',
    '="3312345678901234",tb_buyer,198.00元,10.00,208.00,交易成功,,张三,浙江省 杭州市 西湖区 文三路 100号 (310000),\'13800138000,2016/5/23 22:02,2016/5/23 22:05,连衣裙,2,="SF1234567890",顺丰速运',
    '="3312345678901235",tb_other,50.00,0,50.00,"买家已付款，等待卖家发货",,李*,广东省 深圳市 南山区 ****,138****5678,2016-05-24 08:00:00,2016-05-24 08:01:00,帽子,1,,',
  ].join('\r\n');
  const itemFile = [
    '主订单编号,子订单编号,标题,价格,购买数量,外部系统编号,商家编码',
    '="3312345678901234",="1",连衣裙 红 M,99.00,2,,DRESS-RED-M',
    '="3312345678901235",="2",帽子,50.00,1,,CAP-1',
  ].join('\r\n');

  it('reads GBK bytes without mojibake and joins the item file by 主订单编号', async () => {
    const itemsTable = await readImportFile(file(iconv.encode(itemFile, 'gbk')));
    expect(itemsTable.encoding).toBe('gb18030');
    expect(isTaobaoItemFile(itemsTable.headers)).toBe(true);
    const { items, errors } = await readTaobaoItems(itemsTable);
    expect(errors).toEqual([]);
    const orders = await mapFile(file(iconv.encode(orderFile, 'gbk')), items);
    expect(orders.map((o) => o.errors)).toEqual([[], []]);
    const [paid, open] = orders.map((o) => o.draft!);
    expect(paid).toMatchObject({
      platform: 'taobao',
      externalRef: '3312345678901234',
      status: 'completed',
      shippingFen: 1000,
      totalFen: 20800,
      masked: false,
      buyerPhone: '13800138000',
      shipTo: {
        name: '张三',
        province: '浙江省',
        city: '杭州市',
        district: '西湖区',
        street: '文三路 100号',
        postalCode: '310000',
      },
      tracking: { carrier: '顺丰速运', number: 'SF1234567890' },
      lines: [{ row: 2, skuCode: 'DRESS-RED-M', barcode: null, title: '连衣裙 红 M', quantity: 2, unitPriceFen: 9900 }],
    });
    expect(paid.placedAt.toISOString()).toBe('2016-05-23T14:02:00.000Z');
    expect(open).toMatchObject({ status: 'awaiting_shipment', masked: true, buyerPhone: '138****5678' });
  });

  it('without the item file, takes the order row as one line priced from 买家应付货款', async () => {
    const orders = await mapFile(file(iconv.encode(orderFile, 'gb18030')));
    expect(orders[0].draft?.lines).toEqual([
      { row: 2, skuCode: null, barcode: null, title: '连衣裙', quantity: 2, unitPriceFen: 9900 },
    ]);
  });
});

describe('Pinduoduo export', () => {
  it('reads a row per order with masked buyer data', async () => {
    const csv = [
      '订单号,订单状态,商品,商品规格,商家编码-规格维度,商品数量(件),商品总价(元),邮费(元),店铺优惠折扣(元),用户实付金额(元),订单成交时间,收货人,手机,省,市,区,街道,快递单号,快递公司',
      '201015-123456789,已发货待签收,保温杯,500ml,CUP-500,3,89.70,0,5.00,84.70,2020-10-15 12:00:00,王**,138****0000,江苏省,南京市,鼓楼区,****,YT0001,圆通快递',
    ].join('\n');
    const [order] = await mapFile(file(`\uFEFF${csv}`));
    expect(order.errors).toEqual([]);
    expect(order.draft).toMatchObject({
      platform: 'pinduoduo',
      status: 'shipped',
      masked: true,
      discountFen: 500,
      lines: [{ skuCode: 'CUP-500', quantity: 3, unitPriceFen: 2990 }],
    });
  });
});

describe('our template (XLSX)', () => {
  it('reads the bilingual headers, one row per line', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('订单');
    sheet.addRow(TEMPLATE_HEADERS);
    const base = [
      'T-1',
      new Date(Date.UTC(2026, 4, 23, 22, 2)),
      '待发货',
      '赵六',
      '13700137000',
      '赵六',
      '13700137000',
    ];
    const address = ['四川省', '成都市', '武侯区', '天府大道100号', '610000'];
    sheet.addRow([...base, ...address, 'SKU-A', '6901234567892', '杯子', 2, 12.5, 8, 0, 'note', '', '']);
    sheet.addRow([...base, ...address, 'SKU-B', '', '盖子', 1, { formula: '2+3', result: 5 }, 8, 0, 'note', '', '']);
    const path = join(dir, 'template.xlsx');
    await workbook.xlsx.writeFile(path);
    const orders = await mapFile(path);
    expect(orders).toHaveLength(1);
    expect(orders[0].errors).toEqual([]);
    expect(orders[0].draft).toMatchObject({
      platform: 'template',
      status: 'awaiting_shipment',
      shippingFen: 800,
      lines: [
        { row: 2, skuCode: 'SKU-A', barcode: '6901234567892', quantity: 2, unitPriceFen: 1250 },
        { row: 3, skuCode: 'SKU-B', quantity: 1, unitPriceFen: 500 },
      ],
    });
    // Excel has no zones: the cell's wall-clock time is the store's
    expect(orders[0].draft?.placedAt.toISOString()).toBe('2026-05-23T14:02:00.000Z');
  });
});

describe('files that cannot be imported', () => {
  const refused = async (content: string | Buffer, ext = 'csv') => {
    try {
      await readImportFile(file(content, ext));
      return null;
    } catch (error) {
      if (error instanceof ImportFileError) return error.problem.code;
      throw error;
    }
  };
  it('refuses empty, binary, header-only, too wide, malformed and corrupt files', async () => {
    expect(await refused('')).toBe('empty');
    expect(await refused(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]))).toBe('binary');
    expect(await refused(`${SHOPIFY_HEADER}\n`)).toBe('header_only');
    expect(await refused(`${Array.from({ length: 10_000 }, (_, i) => `c${i}`).join(',')}\n1`)).toBe('too_many_columns');
    expect(await refused(`${SHOPIFY_HEADER}\n"#1,unterminated`)).toBe('malformed');
    expect(await refused(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(40, 1)]), 'csv')).toBe(
      'xlsx_unreadable',
    );
  });
  it('leaves unknown headers to the column mapping', async () => {
    const table = await readImportFile(file('foo,bar\n1,2'));
    expect(recogniseFormat(table.headers)).toBeNull();
  });
});
