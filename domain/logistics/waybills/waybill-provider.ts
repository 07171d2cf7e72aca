import type { Result } from '@/domain/shared/result';

/** A carrier's e-waybill account (电子面单账号): the monthly account or partner id and its secrets. */
export interface WaybillAccount {
  /** the aggregator's carrier code (kuaidi100: shunfeng, zhongtong ...) */
  carrierCode: string;
  /** 月结账号 / e-waybill customer account */
  partnerId: string;
  partnerKey?: string;
  partnerSecret?: string;
  partnerName?: string;
  /** the carrier's branch (网点) that issues the numbers, when the carrier asks for one */
  net?: string;
}

export interface WaybillParty {
  name: string;
  mobile: string;
  /** the full address as printed: province city district street */
  printAddr: string;
  company?: string;
}

/** One parcel to take a waybill for. */
export interface WaybillRequest {
  account: WaybillAccount;
  /**
   * Our idempotency key for this parcel's request: the aggregator answers a repeated request with the
   * same id with the same waybill, so a retried timeout never gets a second number.
   */
  requestId: string;
  recipient: WaybillParty;
  sender: WaybillParty;
  /** goods description (物品名称) */
  cargo: string;
  /** units in the parcel */
  count: number;
  /** cash on delivery: the amount the courier collects, in fen; 0 for none */
  codAmountCents: number;
  remark?: string;
}

/** What the carrier assigned: the number and the label's layout elements. */
export interface AssignedWaybill {
  trackingNumber: string;
  /** the carrier's own order number (kdComOrderNum), needed to cancel */
  carrierOrderNumber: string | null;
  /** 大头笔: the destination sorting code printed large on the label */
  sortingCode: string | null;
  /** 集包地: where the parcel is bagged */
  packageCenter: string | null;
  /** the label content the aggregator returned (an image/HTML link or data), when it returned one */
  labelData: string | null;
}

export interface WaybillCancelRequest {
  account: WaybillAccount;
  trackingNumber: string;
  carrierOrderNumber: string | null;
  reason: string;
}

/**
 * Failure codes: `refused` (the aggregator or carrier said no: bad address, unknown account, out of
 * numbers, carrier not served; the message is the provider's reason, the request may not be retried
 * as it is) and `unreachable` (timeout, network, an answer we cannot read: the outcome is unknown,
 * retry with the same requestId).
 */
export type WaybillProviderError = 'refused' | 'unreachable';

/**
 * One e-waybill aggregator or carrier, however it is reached (live, or a sandbox through the same
 * adapter). Taking a waybill and cancelling an unused one.
 */
export interface WaybillProvider {
  readonly name: string;
  order(request: WaybillRequest): Promise<Result<AssignedWaybill, WaybillProviderError>>;
  cancel(request: WaybillCancelRequest): Promise<Result<void, WaybillProviderError>>;
}
