import { unionPayTime } from '@/domain/payments/providers/china-time';
import { signUnionPayParams, verifyUnionPayNotification } from '@/domain/payments/providers/unionpay/protocol';
import { findSandboxRefund, recordSandboxRefund, sandboxId } from '../books';
import { unionPayCertField, type SandboxExchange, type SandboxWorld } from '../world';

/**
 * The sandbox's UnionPay back-end for refunds: backTransReq txnType 04 (answers "accepted", then
 * posts the signed result to backUrl) and queryTrans for a refund's status.
 */
const ECHO = [
  'version',
  'encoding',
  'bizType',
  'txnType',
  'txnSubType',
  'accessType',
  'merId',
  'orderId',
  'txnTime',
  'txnAmt',
  'origQryId',
  'currencyCode',
];

function signedForm(
  world: SandboxWorld,
  fields: Record<string, string>,
): { params: Record<string, string>; body: string } {
  const params = { ...fields, signMethod: '01', signPubKeyCert: '', ...unionPayCertField(world) };
  const all = { ...params, signature: signUnionPayParams(params, world.keys.unionPayGateway.privateKeyPem) };
  return { params: all, body: new URLSearchParams(all).toString() };
}

const answer = (world: SandboxWorld, fields: Record<string, string>): SandboxExchange => ({
  response: {
    status: 200,
    headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' },
    body: signedForm(world, fields).body,
  },
});

function echo(params: Record<string, string>): Record<string, string> {
  return Object.fromEntries(ECHO.filter((key) => params[key] !== undefined).map((key) => [key, params[key]]));
}

export async function handleUnionPaySandboxRefund(
  world: SandboxWorld,
  operation: 'back-trans' | 'query-trans',
  body: string,
): Promise<SandboxExchange> {
  const { db } = world;
  const verified = verifyUnionPayNotification(body, {
    kind: 'public-key',
    publicKeyPem: world.keys.unionPayMerchant.publicKeyPem,
  });
  if (!verified.ok)
    return answer(world, { version: '5.1.0', respCode: '11', respMsg: `验证签名失败 ${verified.reason}` });
  const { params } = verified;
  if (params.merId !== world.merchants.unionpay.merchantId)
    return answer(world, { ...echo(params), respCode: '12', respMsg: '商户号错误' });

  if (operation === 'query-trans') {
    const found = await findSandboxRefund(db, 'unionpay', params.orderId ?? '');
    if (!found) return answer(world, { ...echo(params), respCode: '34', respMsg: '查无此交易' });
    return answer(world, {
      ...echo(params),
      respCode: '00',
      respMsg: '成功[0000000]',
      origRespCode: found.status,
      origRespMsg: found.status === '00' ? '成功[0000000]' : '交易失败',
      queryId: found.providerRefundId,
      txnAmt: String(found.amountCents),
      txnType: '04',
      settleAmt: String(found.amountCents),
      settleCurrencyCode: '156',
    });
  }

  if (params.txnType !== '04' || !/^\d+$/.test(params.txnAmt ?? '') || !params.origQryId || !params.orderId) {
    return answer(world, { ...echo(params), respCode: '30', respMsg: '报文格式错误' });
  }
  const { refund, isNew } = await recordSandboxRefund(db, {
    method: 'unionpay',
    outTradeNo: params.origQryId,
    outRefundNo: params.orderId,
    providerRefundId: sandboxId('7', 20),
    amountCents: Number(params.txnAmt),
    status: '00',
  });
  const result = { ...echo(params), queryId: refund.providerRefundId, respCode: '00', respMsg: '成功[0000000]' };
  const notify = signedForm(world, {
    ...result,
    settleAmt: params.txnAmt,
    settleCurrencyCode: '156',
    settleDate: unionPayTime(new Date()).slice(4, 8),
    traceNo: sandboxId('', 6),
    traceTime: unionPayTime(new Date()).slice(4),
  });
  return {
    ...answer(world, result),
    ...(isNew && params.backUrl
      ? {
          notification: {
            method: 'POST' as const,
            url: params.backUrl,
            headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' },
            body: notify.body,
          },
        }
      : {}),
  };
}
