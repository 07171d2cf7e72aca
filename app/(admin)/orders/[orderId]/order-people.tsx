import { useTranslations } from 'next-intl';
import type { OrderDetail } from '@/domain/orders/get-order';
import { maskPhone } from '@/domain/shared/mask';
import { Card } from './card';

export function CustomerCard({ detail }: { detail: OrderDetail }) {
  const t = useTranslations('orders.detail');
  const { customer } = detail;
  return (
    <Card title={t('customer')}>
      <div className="space-y-1 px-4 py-3 text-sm" data-testid="order-customer">
        {customer ? (
          <>
            <p className="flex items-center gap-2 font-medium text-slate-900">
              {customer.name}
              {customer.isFlagged && (
                <span className="rounded bg-rose-50 px-1.5 py-0.5 text-xs font-medium text-rose-700">
                  {t('flagged')}
                </span>
              )}
            </p>
            {customer.phone && <p className="tabular-nums text-slate-600">{maskPhone(customer.phone)}</p>}
            {customer.email && <p className="text-slate-600">{customer.email}</p>}
          </>
        ) : (
          <p className="text-slate-500">{t('guest')}</p>
        )}
      </div>
    </Card>
  );
}

export function ShippingCard({ detail }: { detail: OrderDetail }) {
  const t = useTranslations('orders.detail');
  const { order } = detail;
  return (
    <Card title={t('shippingAddress')}>
      <div className="space-y-1 px-4 py-3 text-sm" data-testid="order-shipping">
        <p className="font-medium text-slate-900">
          {order.shipName}{' '}
          <span className="ml-1 font-normal tabular-nums text-slate-600">{maskPhone(order.shipPhone)}</span>
        </p>
        <p className="text-slate-600">
          {[order.shipProvince, order.shipCity, order.shipDistrict].filter(Boolean).join(' ')}
        </p>
        <p className="text-slate-600">
          {order.shipStreet}
          {order.shipPostalCode ? ` · ${order.shipPostalCode}` : ''}
        </p>
        {order.buyerNote && (
          <div className="mt-2 rounded-md bg-amber-50 px-3 py-2 text-amber-900">
            <p className="text-xs font-semibold">{t('buyerNote')}</p>
            <p>{order.buyerNote}</p>
          </div>
        )}
      </div>
    </Card>
  );
}
