import { handleRefundNotification, ZRefundNotifyProvider } from '@/domain/payments/refunds/refund-notify';
import { notificationRoute } from '@/lib/payments/notification-route';

/**
 * Refund notifications from WeChat Pay (REFUND.*) and UnionPay (backUrl of a txnType 04 refund),
 * verified as the provider signed them; see handleRefundNotification.
 */
export const POST = notificationRoute(
  (slug) => {
    const provider = ZRefundNotifyProvider.safeParse(slug);
    return provider.success ? provider.data : undefined;
  },
  (ctx, provider, notification) => handleRefundNotification(ctx, { provider, ...notification }),
);
