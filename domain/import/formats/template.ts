import type { ImportFormat } from './format';

/** Our own template: bilingual headers ("订单号 Order number"), one row per order line. */
export const TEMPLATE_COLUMNS = [
  ['externalRef', '订单号', 'Order number'],
  ['placedAt', '下单时间', 'Placed at'],
  ['status', '订单状态', 'Status'],
  ['buyerName', '买家姓名', 'Buyer name'],
  ['buyerPhone', '买家手机', 'Buyer phone'],
  ['recipient', '收货人', 'Recipient'],
  ['recipientPhone', '收货电话', 'Recipient phone'],
  ['province', '省份', 'Province'],
  ['city', '城市', 'City'],
  ['district', '区县', 'District'],
  ['street', '详细地址', 'Street address'],
  ['postalCode', '邮编', 'Postal code'],
  ['skuCode', '商家编码', 'SKU code'],
  ['barcode', '条码', 'Barcode'],
  ['title', '商品名称', 'Product name'],
  ['quantity', '数量', 'Quantity'],
  ['unitPrice', '单价(元)', 'Unit price (CNY)'],
  ['shipping', '运费(元)', 'Shipping (CNY)'],
  ['discount', '优惠(元)', 'Discount (CNY)'],
  ['buyerNote', '买家留言', 'Buyer note'],
  ['carrier', '快递公司', 'Carrier'],
  ['trackingNumber', '快递单号', 'Tracking number'],
] as const;

/** The header a downloaded template carries for each column. */
export const TEMPLATE_HEADERS = TEMPLATE_COLUMNS.map(([, zh, en]) => `${zh} ${en}`);

export const templateFormat: ImportFormat = {
  platform: 'template',
  signature: ['订单号 Order number', '商家编码 SKU code', '数量 Quantity'],
  fields: Object.fromEntries(TEMPLATE_COLUMNS.map(([field, zh, en]) => [field, [`${zh} ${en}`, zh, en]])),
  statuses: {
    pending_payment: 'pending_payment',
    待付款: 'pending_payment',
    'pending payment': 'pending_payment',
    paid: 'paid',
    已付款: 'paid',
    awaiting_shipment: 'awaiting_shipment',
    待发货: 'awaiting_shipment',
    'awaiting shipment': 'awaiting_shipment',
    shipped: 'shipped',
    已发货: 'shipped',
    completed: 'completed',
    已完成: 'completed',
    cancelled: 'cancelled',
    已取消: 'cancelled',
  },
};
