import type { ImportFormat } from './format';

/** Taobao / Tmall 已卖出的宝贝, the order file (one row per order; items come from the item file). */
export const taobaoFormat: ImportFormat = {
  platform: 'taobao',
  signature: ['订单编号', '买家会员名', '订单状态', '收货地址'],
  fields: {
    externalRef: ['订单编号'],
    status: ['订单状态'],
    placedAt: ['订单创建时间'],
    paidAt: ['订单付款时间'],
    buyerName: ['买家会员名'],
    recipient: ['收货人姓名'],
    recipientPhone: ['联系手机', '联系电话'],
    buyerPhone: ['联系手机'],
    fullAddress: ['收货地址'],
    shipping: ['买家应付邮费'],
    total: ['买家实际支付金额'],
    buyerNote: ['买家留言'],
    carrier: ['物流公司'],
    trackingNumber: ['物流单号'],
    title: ['宝贝标题'],
    quantity: ['宝贝总数量'],
    lineTotal: ['买家应付货款'],
  },
  statuses: {
    等待买家付款: 'pending_payment',
    买家已付款等待卖家发货: 'awaiting_shipment',
    等待卖家发货: 'awaiting_shipment',
    买家已付款: 'awaiting_shipment',
    卖家已发货等待买家确认: 'shipped',
    卖家已发货: 'shipped',
    交易成功: 'completed',
    交易关闭: 'cancelled',
    付款以前卖家或买家主动关闭交易: 'cancelled',
  },
};

/** Taobao's item file, joined to the order file by 主订单编号 = 订单编号. */
export const TAOBAO_ITEM_SIGNATURE = ['主订单编号', '标题', '价格', '购买数量'] as const;
export const TAOBAO_ITEM_FIELDS = {
  orderRef: ['主订单编号'],
  title: ['标题'],
  unitPrice: ['价格'],
  quantity: ['购买数量'],
  skuCode: ['商家编码', '外部系统编号'],
} as const;
