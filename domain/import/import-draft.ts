import type { OrderStatus } from '@/domain/shared/statuses';

/** The platforms whose exports are recognised by their header row. */
export type ImportPlatform = 'template' | 'shopify' | 'taobao' | 'pinduoduo';

export interface ImportLineDraft {
  row: number;
  skuCode: string | null;
  barcode: string | null;
  title: string;
  quantity: number;
  unitPriceFen: number;
}

/** One order read from a file, before it is matched with SKUs, customers and what is already imported. */
export interface ImportOrderDraft {
  platform: ImportPlatform;
  externalRef: string;
  status: OrderStatus;
  placedAt: Date;
  paidAt: Date | null;
  buyerName: string | null;
  buyerPhone: string | null;
  shipTo: {
    name: string;
    phone: string;
    province: string;
    city: string;
    district: string | null;
    street: string;
    postalCode: string | null;
  } | null;
  /** phone or address came masked (138****5678, 脱敏): kept as given, never used to match a customer */
  masked: boolean;
  shippingFen: number;
  discountFen: number;
  /** what the file says the buyer paid; checked against lines + shipping − discount when given */
  totalFen: number | null;
  buyerNote: string | null;
  tracking: { carrier: string | null; number: string } | null;
  lines: ImportLineDraft[];
  rows: number[];
}

export type ImportErrorCode =
  | 'required'
  | 'money_invalid'
  | 'quantity_invalid'
  | 'date_invalid'
  | 'status_unknown'
  | 'address_invalid'
  | 'unsafe_text'
  | 'too_long'
  | 'undecodable'
  | 'no_lines'
  | 'sku_required'
  | 'sku_unknown'
  | 'sku_archived'
  | 'insufficient_stock';

/** What is wrong, where: a spreadsheet row number and the file's own column header. */
export interface ImportRowError {
  row: number;
  column: string;
  code: ImportErrorCode;
  value?: string;
}

/** One finished order of the file (or the errors that kept it from being one). */
export interface MappedOrder {
  externalRef: string;
  rows: number[];
  draft: ImportOrderDraft | null;
  errors: ImportRowError[];
}
