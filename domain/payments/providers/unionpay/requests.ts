import { signUnionPayParams } from './protocol';
import { unionPayTime } from '../china-time';

export interface UnionPayFrontTransInput {
  merId: string;
  certId: string;
  gatewayUrl: string;
  merchantPrivateKeyPem: string;
  outTradeNo: string;
  amountCents: number;
  frontUrl: string;
  backUrl: string;
  now: Date;
}

/**
 * The 5.1.0 consumption request (txnType 01, bizType 000201, PC channel 07) the acp demo posts from
 * the buyer's browser to frontTransReq.do as an auto-submitted form, signed with the merchant key.
 */
export function buildUnionPayFrontTrans(input: UnionPayFrontTransInput): {
  action: string;
  fields: Record<string, string>;
} {
  const fields: Record<string, string> = {
    version: '5.1.0',
    encoding: 'UTF-8',
    signMethod: '01',
    txnType: '01',
    txnSubType: '01',
    bizType: '000201',
    channelType: '07',
    accessType: '0',
    currencyCode: '156',
    merId: input.merId,
    orderId: input.outTradeNo,
    txnTime: unionPayTime(input.now),
    txnAmt: String(input.amountCents),
    frontUrl: input.frontUrl,
    backUrl: input.backUrl,
    certId: input.certId,
  };
  fields.signature = signUnionPayParams(fields, input.merchantPrivateKeyPem);
  return { action: input.gatewayUrl, fields };
}

export interface UnionPayQueryInput {
  merId: string;
  certId: string;
  queryUrl: string;
  merchantPrivateKeyPem: string;
  outTradeNo: string;
  txnTime: string;
  now: Date;
}

/** queryTrans (txnType 00): the order's status, back-channel form POST to queryTrans.do. */
export function buildUnionPayQuery(input: UnionPayQueryInput): { url: string; body: string } {
  const fields: Record<string, string> = {
    version: '5.1.0',
    encoding: 'UTF-8',
    signMethod: '01',
    txnType: '00',
    txnSubType: '00',
    bizType: '000000',
    accessType: '0',
    merId: input.merId,
    orderId: input.outTradeNo,
    txnTime: input.txnTime,
    certId: input.certId,
  };
  fields.signature = signUnionPayParams(fields, input.merchantPrivateKeyPem);
  return { url: input.queryUrl, body: new URLSearchParams(fields).toString() };
}
