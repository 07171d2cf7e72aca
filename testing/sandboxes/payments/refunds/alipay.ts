import { signAlipayResponse, verifyAlipayNotification } from '@/domain/payments/providers/alipay/protocol';
import { ALIPAY_REFUND_METHOD, ALIPAY_REFUND_QUERY_METHOD } from '@/domain/payments/providers/alipay/refunds';
import { formatFenAsYuan, parseProviderYuan } from '@/domain/payments/providers/amounts';
import { findSandboxRefund, recordSandboxRefund, refundedForTrade, sandboxId, SANDBOX_FAIL_MARK } from '../books';
import type { SandboxExchange, SandboxWorld } from '../world';

/**
 * The sandbox's Alipay gateway for refunds: checks the merchant's RSA2 signature and app_id,
 * answers alipay.trade.refund and alipay.trade.fastpay.refund.query with signed responses.
 */
export async function handleAlipaySandboxRefund(world: SandboxWorld, body: string): Promise<SandboxExchange> {
  const { db, keys } = world;
  const verified = verifyAlipayNotification(body, keys.alipayMerchant.publicKeyPem);
  const method = verified.ok ? verified.params.method : ALIPAY_REFUND_METHOD;
  const answer = (content: Record<string, unknown>): SandboxExchange => ({
    response: {
      status: 200,
      headers: { 'content-type': 'application/json;charset=utf-8' },
      body: signAlipayResponse(
        method === ALIPAY_REFUND_QUERY_METHOD ? ALIPAY_REFUND_QUERY_METHOD : ALIPAY_REFUND_METHOD,
        content,
        keys.alipayGateway.privateKeyPem,
      ),
    },
  });
  if (!verified.ok)
    return answer({
      code: '40002',
      msg: 'Invalid Arguments',
      sub_code: 'isv.invalid-signature',
      sub_msg: `验签出错 ${verified.reason}`,
    });
  const { params } = verified;
  if (params.app_id !== world.merchants.alipay.merchantId)
    return answer({
      code: '40002',
      msg: 'Invalid Arguments',
      sub_code: 'isv.invalid-app-id',
      sub_msg: '无效的AppID参数',
    });
  let biz: Record<string, unknown>;
  try {
    biz = JSON.parse(params.biz_content ?? '') as Record<string, unknown>;
  } catch {
    return answer({
      code: '40002',
      msg: 'Invalid Arguments',
      sub_code: 'isv.invalid-parameter',
      sub_msg: 'biz_content',
    });
  }
  const outTradeNo = String(biz.out_trade_no ?? '');
  const outRequestNo = String(biz.out_request_no ?? '');
  if (!outTradeNo || !outRequestNo)
    return answer({
      code: '40002',
      msg: 'Invalid Arguments',
      sub_code: 'isv.missing-parameter',
      sub_msg: 'out_trade_no / out_request_no',
    });

  if (params.method === ALIPAY_REFUND_QUERY_METHOD) {
    const found = await findSandboxRefund(db, 'alipay', outRequestNo);
    if (!found || found.outTradeNo !== outTradeNo || found.status !== 'SUCCESS')
      return answer({ code: '10000', msg: 'Success', out_trade_no: outTradeNo, out_request_no: outRequestNo });
    return answer({
      code: '10000',
      msg: 'Success',
      trade_no: found.providerRefundId,
      out_trade_no: outTradeNo,
      out_request_no: outRequestNo,
      refund_amount: formatFenAsYuan(found.amountCents),
      refund_status: 'REFUND_SUCCESS',
      gmt_refund_pay: found.createdAt.toISOString(),
    });
  }
  if (params.method !== ALIPAY_REFUND_METHOD)
    return answer({
      code: '40004',
      msg: 'Business Failed',
      sub_code: 'isv.invalid-method',
      sub_msg: params.method ?? '',
    });

  const amount = parseProviderYuan(String(biz.refund_amount ?? ''));
  if (!amount.ok || amount.fen <= 0)
    return answer({
      code: '40002',
      msg: 'Invalid Arguments',
      sub_code: 'isv.invalid-parameter',
      sub_msg: 'refund_amount',
    });
  const existing = await findSandboxRefund(db, 'alipay', outRequestNo);
  if (!existing && String(biz.refund_reason ?? '').includes(SANDBOX_FAIL_MARK)) {
    return answer({
      code: '40004',
      msg: 'Business Failed',
      sub_code: 'ACQ.TRADE_STATUS_ERROR',
      sub_msg: '交易状态不合法',
    });
  }
  const { refund, isNew } = await recordSandboxRefund(db, {
    method: 'alipay',
    outTradeNo,
    outRefundNo: outRequestNo,
    providerRefundId: String(biz.trade_no ?? sandboxId('2026')),
    amountCents: amount.fen,
    status: 'SUCCESS',
  });
  return answer({
    code: '10000',
    msg: 'Success',
    trade_no: refund.providerRefundId,
    out_trade_no: outTradeNo,
    buyer_logon_id: '159****5620',
    fund_change: isNew ? 'Y' : 'N',
    refund_fee: formatFenAsYuan(await refundedForTrade(db, 'alipay', outTradeNo)),
    gmt_refund_pay: new Date().toISOString(),
  });
}
