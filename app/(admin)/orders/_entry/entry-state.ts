import type { SkuForEntry } from '@/domain/catalog/search-skus';
import type { CustomerDefaultAddress } from '@/domain/customers/search-customers';

/** The shipping address as typed (every field text, checked on the server). */
export interface AddressState {
  name: string;
  phone: string;
  province: string;
  city: string;
  district: string;
  street: string;
  postalCode: string;
}

export const EMPTY_ADDRESS: AddressState = {
  name: '',
  phone: '',
  province: '',
  city: '',
  district: '',
  street: '',
  postalCode: '',
};

/** One line of the form: the SKU as the lookup returned it, the quantity as typed. */
export interface LineState {
  sku: SkuForEntry;
  quantity: string;
  /** units this order already holds of the SKU (edit form): they come back if the line shrinks */
  heldByOrder: number;
}

export function addressFromCustomer(address: CustomerDefaultAddress): AddressState {
  return {
    name: address.recipientName,
    phone: address.phone,
    province: address.province,
    city: address.city,
    district: address.district ?? '',
    street: address.street,
    postalCode: address.postalCode ?? '',
  };
}

/** A quantity as typed, as a number for the server to judge: blank is 0, text that is no number is NaN (both explained there). */
export function quantityValue(text: string): number {
  const trimmed = text.trim();
  if (trimmed === '') return 0;
  return /^-?\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/** Lines as the server actions take them. */
export function linesPayload(lines: readonly LineState[]) {
  return lines.map((line) => ({ skuId: line.sku.id, quantity: quantityValue(line.quantity) }));
}
