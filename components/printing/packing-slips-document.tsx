import type { PackingSlip } from '@/domain/logistics/printing/packing-slips';
import { Barcode } from './barcode';
import { formatAddress, formatDateTime, type Translate } from './translate';

/** One slip per order, each starting a new sheet: it goes into the parcel. */
export function PackingSlipsDocument({ slips, locale, t }: { slips: PackingSlip[]; locale: string; t: Translate }) {
  if (slips.length === 0)
    return (
      <div className="sheet">
        <p>{t('noOrders')}</p>
      </div>
    );
  return (
    <>
      {slips.map((slip) => {
        const hasShipped = slip.items.some((item) => item.shippedQuantity > 0);
        return (
          <article
            key={slip.orderId}
            className="sheet slip"
            data-testid="packing-slip"
            data-order-number={slip.orderNumber}
          >
            <header className="slip-header">
              <div>
                <h1>{t('slip.title')}</h1>
                <p>
                  {t('slip.orderNumber')}: <strong className="mono">{slip.orderNumber}</strong>
                </p>
                <p className="muted">
                  {t('slip.placedAt')}: {formatDateTime(slip.placedAt, locale)}
                </p>
              </div>
              <div className="slip-barcode">
                <Barcode value={slip.orderNumber} label={t('slip.orderBarcode', { number: slip.orderNumber })} />
                <div className="mono">{slip.orderNumber}</div>
              </div>
            </header>
            <dl className="slip-parties">
              <div>
                <dt>{t('shipTo')}</dt>
                <dd>
                  {slip.shipTo.name} {slip.shipTo.phone}
                </dd>
                <dd>
                  {formatAddress(slip.shipTo)}
                  {slip.shipTo.postalCode ? ` ${slip.shipTo.postalCode}` : ''}
                </dd>
              </div>
              <div>
                <dt>{t('slip.summary')}</dt>
                <dd>{t('slip.totals', { lines: slip.items.length, units: slip.totalQuantity })}</dd>
                {hasShipped && <dd>{t('slip.toPack', { units: slip.toPackQuantity })}</dd>}
              </div>
            </dl>
            {slip.buyerNote && (
              <div className="slip-note" data-testid="slip-note">
                <strong>{t('slip.buyerNote')}: </strong>
                {slip.buyerNote}
              </div>
            )}
            <table className="slip-items">
              <thead>
                <tr>
                  <th className="num">#</th>
                  <th>{t('sku')}</th>
                  <th>{t('product')}</th>
                  <th>{t('slip.location')}</th>
                  <th className="num">{t('quantity')}</th>
                  {hasShipped && <th className="num">{t('slip.shipped')}</th>}
                </tr>
              </thead>
              <tbody>
                {slip.items.map((item, index) => (
                  <tr key={`${item.skuCode}-${index}`} data-slip-sku={item.skuCode} data-slip-quantity={item.quantity}>
                    <td className="num">{index + 1}</td>
                    <td className="mono">{item.skuCode}</td>
                    <td>
                      {item.name}
                      {item.variant ? ` · ${item.variant}` : ''}
                    </td>
                    <td className="mono">{item.location ?? ''}</td>
                    <td className="num">{item.quantity}</td>
                    {hasShipped && <td className="num">{item.shippedQuantity}</td>}
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <td colSpan={4}>{t('slip.total')}</td>
                  <td className="num">{slip.totalQuantity}</td>
                  {hasShipped && <td className="num">{slip.totalQuantity - slip.toPackQuantity}</td>}
                </tr>
              </tfoot>
            </table>
            <div className="slip-sign">
              <span>{t('slip.packedBy')}: ________</span>
              <span>{t('slip.checkedBy')}: ________</span>
            </div>
          </article>
        );
      })}
    </>
  );
}
