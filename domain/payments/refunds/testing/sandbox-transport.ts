import type { Database } from '@/db/client';
import { handleAlipaySandboxRefund } from '@/domain/payments/sandbox/refunds/alipay';
import { handleUnionPaySandboxRefund } from '@/domain/payments/sandbox/refunds/unionpay';
import { handleWechatSandboxRefund } from '@/domain/payments/sandbox/refunds/wechat-pay';
import { getRefundGatewayConfig, getRefundSandboxKeys, type RefundGatewayConfig } from '../gateway-config';
import type { GatewayRequest, GatewayTransport } from '../providers/types';

export const TEST_BASE_URL = 'http://console.test';

/**
 * A transport that hands requests to the sandbox's handlers directly (the same functions the
 * /sandbox routes call) instead of over HTTP; notifications the sandbox would send are collected.
 */
export async function sandboxGateway(db: Database): Promise<{ config: RefundGatewayConfig; notifications: GatewayRequest[] }> {
  const keys = await getRefundSandboxKeys(db);
  const notifications: GatewayRequest[] = [];
  const transport: GatewayTransport = async (request) => {
    const path = new URL(request.url).pathname;
    const body = request.body ?? '';
    let exchange;
    if (path === '/sandbox/alipay/refund') exchange = await handleAlipaySandboxRefund(db, keys, body);
    else if (path.startsWith('/sandbox/wechat-pay/refund/')) {
      exchange = await handleWechatSandboxRefund(db, keys, { method: request.method, path: path.slice('/sandbox/wechat-pay/refund'.length), headers: request.headers, body });
    } else if (path === '/sandbox/unionpay/refund/back-trans') exchange = await handleUnionPaySandboxRefund(db, keys, 'back-trans', body);
    else if (path === '/sandbox/unionpay/refund/query-trans') exchange = await handleUnionPaySandboxRefund(db, keys, 'query-trans', body);
    else return { status: 404, headers: {}, body: 'not found' };
    if (exchange.notification) notifications.push(exchange.notification);
    return exchange.response;
  };
  const configured = await getRefundGatewayConfig(db, { transport, baseUrl: TEST_BASE_URL });
  if (!configured.ok) throw new Error(configured.message);
  return { config: configured.data, notifications };
}
