import { openAlipayCashier, serveSandboxApi } from '@/testing/sandboxes/payments/routes';

/** The sandbox Alipay gateway: GET opens the cashier for alipay.trade.page.pay, POST serves the API (query, refund, refund query). */
export const GET = openAlipayCashier;
export const POST = serveSandboxApi;
