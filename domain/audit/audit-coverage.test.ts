import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every exported server action and every mutating route handler, and how its change is kept:
 * an audit_log row (`audit`, with the action it writes), a row on the order's timeline
 * (`timeline`, with the domain file that appends it), a row on an after-sales request's events
 * (`events`), nothing to keep (`read`), or a stated
 * reason (`exempt`). A new action or handler fails this test until it is entered here.
 */
type Coverage =
  | { kind: 'audit'; actions: string[] }
  | { kind: 'timeline'; via: string }
  | { kind: 'events'; via: string }
  | { kind: 'read' }
  | { kind: 'exempt'; why: string };

const audit = (...actions: string[]): Coverage => ({ kind: 'audit', actions });
const timeline = (via: string): Coverage => ({ kind: 'timeline', via });
/** an after-sales request's own event timeline (who, what, when, from, to) */
const events = (via: string): Coverage => ({ kind: 'events', via: `domain/after-sales/${via}.ts` });
const read: Coverage = { kind: 'read' };
const exempt = (why: string): Coverage => ({ kind: 'exempt', why });
const SANDBOX = exempt("the built-in sandbox plays a provider; its books are the provider's, not the store's");
const E2E = exempt('test data for Playwright, refused unless E2E_FACTORIES=1');

export const SERVER_ACTIONS: Record<string, Coverage> = {
  'app/(admin)/account/actions.ts#changeOwnPasswordAction': audit(
    'staff.password_change',
    'staff.password_change_failed',
  ),
  'app/(admin)/account/actions.ts#startTotpAction': exempt(
    'draws a new secret kept unconfirmed; nothing changes until it is confirmed (staff.totp_enable)',
  ),
  'app/(admin)/account/actions.ts#confirmTotpAction': audit('staff.totp_enable'),
  'app/(admin)/account/actions.ts#disableTotpAction': audit('staff.totp_disable'),
  'app/(admin)/account/actions.ts#endOwnSessionAction': audit('staff.session_end'),
  'app/(admin)/account/actions.ts#regenerateRecoveryCodesAction': audit('staff.recovery_codes_regenerate'),
  'app/(admin)/after-sales/actions.ts#createAfterSalesAction': events('create-after-sales-request'),
  'app/(admin)/after-sales/actions.ts#approveAfterSalesAction': events('approve-after-sales-request'),
  'app/(admin)/after-sales/actions.ts#rejectAfterSalesAction': events('reject-after-sales-request'),
  'app/(admin)/after-sales/actions.ts#cancelAfterSalesAction': events('cancel-after-sales-request'),
  'app/(admin)/after-sales/actions.ts#recordReturnParcelAction': events('record-return-parcel'),
  'app/(admin)/after-sales/actions.ts#receiveAndInspectAction': events('receive-and-inspect'),
  'app/(admin)/after-sales/actions.ts#proposeRefundAction': events('propose-refund'),
  'app/(admin)/after-sales/actions.ts#sendRefundAction': events('send-refund'),
  'app/(admin)/after-sales/actions.ts#shipReplacementAction': events('ship-replacement'),
  'app/(admin)/after-sales/actions.ts#completeReplacementAction': events('complete-replacement'),
  'app/(admin)/orders/import/actions.ts#commitImportAction': audit('import.commit'),
  'app/(admin)/orders/import/actions.ts#cancelImportAction': audit('import.cancel'),
  'app/(admin)/after-sales/actions.ts#bulkDecideAfterSalesAction': events('transition-request'),
  'app/(admin)/settings/staff/actions.ts#resetStaffPasswordAction': audit('staff.password_reset'),
  'app/(admin)/settings/staff/actions.ts#updateSecuritySettingsAction': audit('settings.security.update'),
  'app/(admin)/catalog/actions.ts#createProductAction': audit('catalog.product_create'),
  'app/(admin)/catalog/actions.ts#updateProductAction': audit('catalog.product_update'),
  'app/(admin)/catalog/actions.ts#addSkuAction': audit('catalog.sku_create'),
  'app/(admin)/catalog/actions.ts#updateSkuAction': audit('catalog.sku_update'),
  'app/(admin)/catalog/actions.ts#archiveSkuAction': audit('catalog.sku_archive'),
  'app/(admin)/catalog/actions.ts#createCategoryAction': audit('catalog.category_create'),
  'app/(admin)/inventory/warehouses/actions.ts#saveWarehouseAction': audit('warehouse.create', 'warehouse.update'),
  'app/(admin)/inventory/warehouses/actions.ts#setWarehouseActiveAction': audit(
    'warehouse.activate',
    'warehouse.deactivate',
  ),
  'app/(admin)/inventory/warehouses/actions.ts#setBinLocationAction': audit('inventory.set_bin'),
  'app/(admin)/inventory/actions.ts#receiveStockAction': audit('inventory.receive'),
  'app/(admin)/inventory/actions.ts#adjustStockAction': audit('inventory.adjust'),
  'app/(admin)/inventory/actions.ts#setThresholdAction': audit('inventory.set_threshold'),
  'app/(admin)/inventory/actions.ts#acknowledgeAlertAction': audit('inventory.acknowledge_alert'),
  'app/(admin)/orders/[orderId]/actions.ts#confirmPaymentAction': timeline('domain/orders/confirm-payment.ts'),
  'app/(admin)/orders/[orderId]/actions.ts#reviewOrderAction': timeline('domain/orders/transition-order.ts'),
  'app/(admin)/orders/[orderId]/actions.ts#shipOrderAction': timeline('domain/orders/ship-order.ts'),
  'app/(admin)/orders/[orderId]/actions.ts#completeOrderAction': timeline('domain/orders/complete-order.ts'),
  'app/(admin)/orders/[orderId]/actions.ts#cancelOrderAction': timeline('domain/orders/cancel-order.ts'),
  'app/(admin)/orders/[orderId]/actions.ts#archiveOrderAction': timeline('domain/orders/archive-order.ts'),
  'app/(admin)/orders/[orderId]/actions.ts#restoreOrderAction': timeline('domain/orders/restore-order.ts'),
  'app/(admin)/orders/[orderId]/actions.ts#addOrderNoteAction': timeline('domain/orders/add-order-note.ts'),
  'app/(admin)/orders/[orderId]/actions.ts#setOrderTagsAction': timeline('domain/orders/set-order-tags.ts'),
  'app/(admin)/orders/[orderId]/edit/actions.ts#editOrderAction': timeline('domain/orders/edit-order.ts'),
  'app/(admin)/orders/[orderId]/payment-actions.ts#createPaymentAttemptAction': exempt(
    'opens a checkout: the payments row names the order and the amount; its outcome (paid) is on the timeline',
  ),
  'app/(admin)/orders/[orderId]/payment-actions.ts#queryPaymentStatusAction': timeline(
    'domain/payments/apply-payment-result.ts',
  ),
  'app/(admin)/orders/[orderId]/refund-actions.ts#requestRefundAction': timeline(
    'domain/payments/refunds/request-refund.ts',
  ),
  'app/(admin)/orders/[orderId]/refund-actions.ts#submitRefundAction': timeline(
    'domain/payments/refunds/submit-refund.ts',
  ),
  'app/(admin)/orders/[orderId]/refund-actions.ts#queryRefundAction': timeline(
    'domain/payments/refunds/settle-refund.ts',
  ),
  'app/(admin)/orders/[orderId]/refund-actions.ts#recordRefundTransferAction': timeline(
    'domain/payments/refunds/settle-refund.ts',
  ),
  'app/(admin)/orders/_entry/actions.ts#previewOrderTotalsAction': read,
  'app/(admin)/orders/actions.ts#bulkOrderAction': timeline('domain/orders/transition-order.ts'),
  'app/(admin)/orders/new/actions.ts#createOrderAction': timeline('domain/orders/place-orders.ts'),
  'app/(admin)/payments/reconciliation/actions.ts#resolveIssueAction': audit('payments.reconciliation.resolve'),
  'app/(admin)/sandbox/kuaidi100/actions.ts#sendNextPushAction': SANDBOX,
  'app/(admin)/settings/api-keys/actions.ts#createApiKeyAction': audit('api_key.create'),
  'app/(admin)/settings/api-keys/actions.ts#revokeApiKeyAction': audit('api_key.revoke'),
  'app/(admin)/settings/logistics/actions.ts#updateKuaidi100Action': audit('settings.kuaidi100.update'),
  'app/(admin)/settings/logistics/actions.ts#saveCarrierRuleAction': audit(
    'carrier_rule.create',
    'carrier_rule.update',
  ),
  'app/(admin)/settings/logistics/actions.ts#moveCarrierRuleAction': audit('carrier_rule.move'),
  'app/(admin)/settings/logistics/actions.ts#saveCarrierAction': audit('carrier.create', 'carrier.update'),
  'app/(admin)/settings/order-rules/actions.ts#updateOrderRulesAction': audit('settings.order_rules.update'),
  'app/(admin)/settings/payment-methods/actions.ts#updatePaymentMethodsAction': audit(
    'settings.payment_methods.update',
  ),
  'app/(admin)/settings/staff/actions.ts#createStaffAction': audit('staff.create'),
  'app/(admin)/settings/staff/actions.ts#updateStaffRoleAction': audit('staff.update_role'),
  'app/(admin)/settings/staff/actions.ts#setStaffActiveAction': audit('staff.enable', 'staff.disable'),
  'app/(admin)/shipping/actions.ts#bulkShipAction': timeline('domain/orders/ship-order.ts'),
  'app/(admin)/shipping/actions.ts#bulkShipCsvAction': timeline('domain/orders/ship-order.ts'),
  'app/(admin)/shipping/actions.ts#queryShipmentAction': timeline('domain/logistics/tracking/apply-tracking-events.ts'),
  'app/(admin)/shipping/actions.ts#resolveExceptionAction': timeline('domain/logistics/resolve-shipment-exception.ts'),
  'app/(admin)/shipping/actions.ts#requestWaybillsAction': timeline('domain/logistics/waybills/request-waybills.ts'),
  'app/(auth)/sign-in/actions.ts#signInAction': audit('staff.sign_in', 'staff.sign_in_failed'),
  'lib/auth/sign-out-action.ts#signOutAction': audit('staff.sign_out'),
  'lib/i18n/set-locale-action.ts#setLocaleAction': exempt("a person's language cookie; changes no record"),
};

export const ROUTE_HANDLERS: Record<string, Coverage> = {
  'app/api/auth/[...nextauth]/route.ts#POST': audit('staff.sign_in', 'staff.sign_out'),
  'app/api/e2e/orders/route.e2e.ts#POST': E2E,
  'app/api/internal/imports/route.ts#POST': audit('import.upload'),
  'app/api/e2e/stock/route.e2e.ts#POST': E2E,
  'app/api/logistics/kuaidi100/push/route.ts#POST': timeline('domain/logistics/tracking/apply-tracking-events.ts'),
  'app/api/payments/notify/[provider]/route.ts#POST': timeline('domain/payments/apply-payment-result.ts'),
  'app/api/payments/refund-notify/[provider]/route.ts#POST': timeline('domain/payments/refunds/settle-refund.ts'),
  'app/api/v1/imports/route.ts#POST': audit('import.upload'),
  'app/api/v1/imports/[importId]/[action]/route.ts#POST': audit('import.commit', 'import.cancel'),
  'app/api/v1/after-sales/route.ts#POST': events('create-after-sales-request'),
  'app/api/v1/after-sales/[request]/[action]/route.ts#POST': events('transition-request'),
  'app/api/v1/orders/route.ts#POST': timeline('domain/orders/place-orders.ts'),
  'app/api/v1/orders/[order]/[action]/route.ts#POST': timeline('domain/orders/transition-order.ts'),
  'app/api/v1/orders/[order]/payment-attempts/route.ts#POST': exempt(
    'opens a checkout: the payments row names the order and the amount; its outcome (paid) is on the timeline',
  ),
  'app/sandbox/alipay/gateway.do/route.ts#POST': SANDBOX,
  'app/sandbox/alipay/pay/[id]/complete/route.ts#POST': SANDBOX,
  'app/sandbox/kuaidi100/poll/query.do/route.ts#POST': SANDBOX,
  'app/sandbox/kuaidi100/poll/route.ts#POST': SANDBOX,
  'app/sandbox/unionpay/gateway/api/frontTransReq.do/route.ts#POST': SANDBOX,
  'app/sandbox/unionpay/gateway/api/queryTrans.do/route.ts#POST': SANDBOX,
  'app/sandbox/unionpay/gateway/api/backTransReq.do/route.ts#POST': SANDBOX,
  'app/sandbox/unionpay/pay/[id]/complete/route.ts#POST': SANDBOX,
  'app/sandbox/wechat-pay/pay/[id]/complete/route.ts#POST': SANDBOX,
  'app/sandbox/wechat-pay/v3/[...path]/route.ts#POST': SANDBOX,
};

const ROOT = path.resolve(import.meta.dirname, '../..');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) return [];
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

const sources = ['app', 'lib']
  .flatMap((dir) => walk(path.join(ROOT, dir)))
  .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
  .map((file) => ({ file: path.relative(ROOT, file).split(path.sep).join('/'), text: readFileSync(file, 'utf8') }));

/** Exported names of every 'use server' module (each export is a server action). */
function discoverServerActions(): string[] {
  return sources
    .filter(({ text }) => /^\s*(['"])use server\1/.test(text))
    .flatMap(({ file, text }) =>
      [...text.matchAll(/^export\s+(?:const|async function|function)\s+(\w+)/gm)].map((m) => `${file}#${m[1]}`),
    );
}

/** Every route handler method that can change something (GET/HEAD/OPTIONS only read). */
function discoverMutatingRoutes(): string[] {
  return sources
    .filter(({ file }) => /\/route(\.e2e)?\.tsx?$/.test(file))
    .flatMap(({ file, text }) => {
      const named = [...text.matchAll(/^export\s+(?:const|async function|function)\s+(POST|PUT|PATCH|DELETE)\b/gm)].map(
        (m) => m[1],
      );
      const destructured = [...text.matchAll(/^export\s+const\s+\{([^}]+)\}/gm)]
        .flatMap((m) => m[1].split(',').map((s) => s.trim()))
        .filter((name) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(name));
      return [...named, ...destructured].map((method) => `${file}#${method}`);
    });
}

const domainText = walk(path.join(ROOT, 'domain'))
  .filter((f) => /\.ts$/.test(f) && !/\.test\.ts$/.test(f))
  .map((f) => readFileSync(f, 'utf8'))
  .join('\n');

describe('audit coverage: every mutation leaves a record', () => {
  it('every server action is in the map, and the map names no action that is gone', () => {
    const found = discoverServerActions().sort();
    expect(found.length).toBeGreaterThan(30);
    expect(found).toEqual(Object.keys(SERVER_ACTIONS).sort());
  });

  it('every mutating route handler is in the map, and the map names no handler that is gone', () => {
    const found = discoverMutatingRoutes().sort();
    expect(found.length).toBeGreaterThan(10);
    expect(found).toEqual(Object.keys(ROUTE_HANDLERS).sort());
  });

  it('each audit action named in the map is written by the domain, each timeline file appends to the timeline', () => {
    for (const [entry, coverage] of Object.entries({ ...SERVER_ACTIONS, ...ROUTE_HANDLERS })) {
      if (coverage.kind === 'audit') {
        for (const action of coverage.actions)
          expect(domainText.includes(`'${action}'`), `${entry}: no domain code writes '${action}'`).toBe(true);
      }
      if (coverage.kind === 'timeline') {
        const text = readFileSync(path.join(ROOT, coverage.via), 'utf8');
        expect(
          /appendOrderEvent\(|insert\(orderEvents\)|insert into order_events/.test(text),
          `${entry}: ${coverage.via} writes no timeline row`,
        ).toBe(true);
      }
      if (coverage.kind === 'events') {
        const text = readFileSync(path.join(ROOT, coverage.via), 'utf8');
        expect(
          /appendAfterSalesEvent\(|transitionRequest\(/.test(text),
          `${entry}: ${coverage.via} writes no after-sales event`,
        ).toBe(true);
      }
      if (coverage.kind === 'exempt') expect(coverage.why.length, entry).toBeGreaterThan(10);
    }
  });
});
