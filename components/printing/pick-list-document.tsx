import type { PickList } from '@/domain/logistics/printing/pick-list';
import { formatDateTime, type Translate } from './translate';

/** The batch pick list: one table per warehouse, rows in bin order; order numbers only, no buyer data. */
export function PickListDocument({
  pickList,
  printedAt,
  locale,
  t,
}: {
  pickList: PickList;
  printedAt: Date;
  locale: string;
  t: Translate;
}) {
  return (
    <div className="sheet" data-testid="pick-list">
      <header className="pick-header">
        <h1>{t('pickList.title')}</h1>
        <div className="muted">
          {t('pickList.summary', { orders: pickList.orderCount, units: pickList.totalQuantity })} ·{' '}
          {t('printedAt', { time: formatDateTime(printedAt, locale) })}
        </div>
      </header>
      {pickList.warehouses.length === 0 && <p data-testid="pick-list-empty">{t('pickList.empty')}</p>}
      {pickList.warehouses.map((group) => (
        <section
          key={group.warehouse?.id ?? 'none'}
          className="pick-warehouse"
          data-pick-warehouse={group.warehouse?.code ?? ''}
        >
          <h2>
            {group.warehouse ? `${group.warehouse.name} (${group.warehouse.code})` : t('pickList.noWarehouse')}
            {' · '}
            {t('pickList.units', { units: group.totalQuantity })}
          </h2>
          <table>
            <thead>
              <tr>
                <th>{t('pickList.location')}</th>
                <th>{t('sku')}</th>
                <th>{t('product')}</th>
                <th className="num">{t('quantity')}</th>
                <th>{t('pickList.orders')}</th>
                <th className="pick-check">✓</th>
              </tr>
            </thead>
            <tbody>
              {group.locations.flatMap((location) =>
                location.skus.map((sku, index) => (
                  <tr
                    key={`${location.location}-${sku.skuCode}`}
                    data-pick-sku={sku.skuCode}
                    data-pick-total={sku.totalQuantity}
                  >
                    <td className="pick-location mono">
                      {index === 0 ? (location.location ?? t('pickList.noLocation')) : ''}
                    </td>
                    <td className="mono">{sku.skuCode}</td>
                    <td>
                      {sku.name}
                      {sku.variant ? ` · ${sku.variant}` : ''}
                    </td>
                    <td className="num pick-qty">{sku.totalQuantity}</td>
                    <td className="pick-orders mono">
                      {sku.orders.map((o) => (
                        <span key={o.number} data-pick-order={o.number}>
                          {o.number}×{o.quantity}
                        </span>
                      ))}
                    </td>
                    <td className="pick-check" />
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}
