import type { OrderStatus } from '@/domain/shared/statuses';
import type { ImportPlatform } from '../import-draft';

/** The fields an order file can give; a format names the header(s) that carry each. */
export type OrderField =
  | 'externalRef'
  | 'status'
  | 'placedAt'
  | 'paidAt'
  | 'cancelledAt'
  | 'buyerName'
  | 'buyerPhone'
  | 'recipient'
  | 'recipientPhone'
  | 'province'
  | 'city'
  | 'district'
  | 'street'
  | 'postalCode'
  | 'fullAddress'
  | 'shipping'
  | 'discount'
  | 'total'
  | 'buyerNote'
  | 'carrier'
  | 'trackingNumber'
  | 'skuCode'
  | 'barcode'
  | 'title'
  | 'quantity'
  | 'unitPrice'
  | 'lineTotal'
  | 'fulfillmentStatus';

export interface ImportFormat {
  platform: ImportPlatform;
  /** headers that must all be present for a file to be this format (compared loosely) */
  signature: readonly string[];
  /** header aliases per field, first present wins */
  fields: Partial<Record<OrderField, readonly string[]>>;
  /** the platform's status words -> ours (keys compared loosely) */
  statuses: Readonly<Record<string, OrderStatus>>;
  /** the status word of an order when the platform spreads it over several columns */
  statusWord?: (get: (field: OrderField) => string) => string;
}

/** Headers compared loosely: case, spaces, punctuation and brackets do not matter ("商品总价(元)"). */
export function headerKey(header: string): string {
  return header.toLowerCase().replace(/[\s\-_()（）:：/[\]【】.,，、]/g, '');
}
