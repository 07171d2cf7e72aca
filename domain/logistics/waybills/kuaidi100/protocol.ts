import { createHash } from 'node:crypto';
import { z } from 'zod';
import { minorUnitsToDecimal } from '@/domain/shared/money';
import { fail, ok, type Result } from '@/domain/shared/result';
import type { AssignedWaybill, WaybillCancelRequest, WaybillRequest } from '../waybill-provider';

/** The real service: api.kuaidi100.com/label/order?method=order | cancel (电子面单 v2). */
export const KUAIDI100_WAYBILL_LIVE_URL = 'https://api.kuaidi100.com/label/order';

/** The request sign: upper-case hex MD5 of param + t + key + secret (no separators). */
export function signKuaidi100Waybill(param: string, t: string, key: string, secret: string): string {
  return createHash('md5')
    .update(param + t + key + secret, 'utf8')
    .digest('hex')
    .toUpperCase();
}

/** The form body of one call: method, key, t (ms timestamp), param (JSON text) and sign. */
export function kuaidi100WaybillForm(
  method: 'order' | 'cancel',
  param: Record<string, unknown>,
  credentials: { key: string; secret: string },
  now: Date,
): Record<string, string> {
  const paramText = JSON.stringify(param);
  const t = String(now.getTime());
  return {
    method,
    key: credentials.key,
    t,
    param: paramText,
    sign: signKuaidi100Waybill(paramText, t, credentials.key, credentials.secret),
  };
}

function accountFields(account: WaybillRequest['account']) {
  return {
    partnerId: account.partnerId,
    ...(account.partnerKey ? { partnerKey: account.partnerKey } : {}),
    ...(account.partnerSecret ? { partnerSecret: account.partnerSecret } : {}),
    ...(account.partnerName ? { partnerName: account.partnerName } : {}),
    ...(account.net ? { net: account.net } : {}),
  };
}

/** param of method=order: take a number only (printType NON); we print the label ourselves. */
export function kuaidi100OrderParam(request: WaybillRequest): Record<string, unknown> {
  return {
    printType: 'NON',
    ...accountFields(request.account),
    kuaidicom: request.account.carrierCode,
    recMan: request.recipient,
    sendMan: request.sender,
    cargo: request.cargo,
    count: request.count,
    payType: 'SHIPPER',
    expType: '标准快递',
    // 贵司内部自定义的订单编号: the same orderId gets the same waybill back (our idempotency key)
    orderId: request.requestId,
    ...(request.codAmountCents > 0
      ? { collection: minorUnitsToDecimal(request.codAmountCents, 2) } // 代收货款, yuan
      : {}),
    ...(request.remark ? { remark: request.remark } : {}),
  };
}

/** param of method=cancel. */
export function kuaidi100CancelParam(request: WaybillCancelRequest): Record<string, unknown> {
  return {
    ...accountFields(request.account),
    kuaidicom: request.account.carrierCode,
    kuaidinum: request.trackingNumber,
    ...(request.carrierOrderNumber ? { orderId: request.carrierOrderNumber } : {}),
    reason: request.reason,
  };
}

const ZReply = z.object({
  success: z.boolean().optional(),
  result: z.boolean().optional(),
  code: z.union([z.number(), z.string()]).transform(String),
  message: z.string().default(''),
  data: z.unknown().optional(),
});

const ZOrderData = z.object({
  kuaidinum: z.string().min(1),
  kdComOrderNum: z.string().nullish(),
  bulkpen: z.string().nullish(),
  pkgName: z.string().nullish(),
  label: z.string().nullish(),
});

/**
 * Reads an order answer: {"success":true,"code":200,"message":"success","data":{kuaidinum, kdComOrderNum,
 * bulkpen (大头笔), pkgName (集包地), label ...}}; a refusal is {"success":false,"code":30001..,"message":"..."}.
 */
export function parseKuaidi100OrderReply(body: unknown): Result<AssignedWaybill, 'refused' | 'unreachable'> {
  const reply = ZReply.safeParse(body);
  if (!reply.success) return fail('unreachable', 'the e-waybill answer is not in the expected shape');
  const isSuccess = (reply.data.success ?? reply.data.result) === true && reply.data.code === '200';
  if (!isSuccess) return fail('refused', `${reply.data.code} ${reply.data.message}`.trim());
  const data = ZOrderData.safeParse(reply.data.data);
  if (!data.success) return fail('unreachable', 'the e-waybill answer has no waybill number');
  return ok({
    trackingNumber: data.data.kuaidinum.trim(),
    carrierOrderNumber: data.data.kdComOrderNum || null,
    sortingCode: data.data.bulkpen || null,
    packageCenter: data.data.pkgName || null,
    labelData: data.data.label || null,
  });
}

/** Reads a cancel answer: {"success":true,"code":200,"message":"success"}. */
export function parseKuaidi100CancelReply(body: unknown): Result<void, 'refused' | 'unreachable'> {
  const reply = ZReply.safeParse(body);
  if (!reply.success) return fail('unreachable', 'the e-waybill cancel answer is not in the expected shape');
  const isSuccess = (reply.data.success ?? reply.data.result) === true && reply.data.code === '200';
  if (!isSuccess) return fail('refused', `${reply.data.code} ${reply.data.message}`.trim());
  return ok(undefined);
}
