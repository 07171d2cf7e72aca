import type { OrderStatus } from '@/domain/orders/order-status';
import type { FulfillmentState, PaymentState } from '@/domain/orders/summary-states';
import { StatusBadge as Badge, StatusText } from '@/components/ui/badge';

// The order's three statuses, in the colours of the one map in components/ui/badge.tsx.

export function StatusBadge({ status }: { status: OrderStatus }) {
  return <Badge kind="order" status={status} />;
}

export function PaymentStateLabel({ state }: { state: PaymentState }) {
  return <StatusText kind="paymentState" status={state} data-payment-state={state} />;
}

export function FulfillmentStateLabel({ state }: { state: FulfillmentState }) {
  return <StatusText kind="fulfillmentState" status={state} data-fulfillment-state={state} />;
}
