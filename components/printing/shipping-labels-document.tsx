import type { LabelFormat } from '@/domain/logistics/printing/print-params';
import type { ShippingLabel } from '@/domain/logistics/printing/shipping-labels';
import { formatMoney } from '@/domain/shared/money';
import { Barcode } from './barcode';
import { formatAddress, formatDateTime, type Translate } from './translate';

const LABELS_PER_A4_SHEET = 4;

/** Shipping labels: one 100 × 150 mm page each (thermal), or four to an A4 sheet. */
export function ShippingLabelsDocument({
  labels,
  format,
  printedAt,
  locale,
  t,
}: {
  labels: ShippingLabel[];
  format: LabelFormat;
  printedAt: Date;
  locale: string;
  t: Translate;
}) {
  if (labels.length === 0)
    return (
      <div className="sheet">
        <p>{t('noOrders')}</p>
      </div>
    );
  const printed = formatDateTime(printedAt, locale);
  const items = labels.map((label) => <Label key={label.key} label={label} printed={printed} locale={locale} t={t} />);
  if (format === 'thermal') return <>{items}</>;
  const sheets = [];
  for (let i = 0; i < items.length; i += LABELS_PER_A4_SHEET) {
    sheets.push(
      <div key={i} className="label-sheet" data-testid="label-sheet">
        {items.slice(i, i + LABELS_PER_A4_SHEET)}
      </div>,
    );
  }
  return <>{sheets}</>;
}

function Label({ label, printed, locale, t }: { label: ShippingLabel; printed: string; locale: string; t: Translate }) {
  const carrierName = label.carrier ? (locale.startsWith('zh') ? label.carrier.name : label.carrier.nameEn) : null;
  const { sender, recipient } = label;
  return (
    <article
      className="label"
      data-testid="shipping-label"
      data-order-number={label.orderNumber}
      data-tracking-number={label.trackingNumber ?? ''}
      data-parcel={`${label.parcel.index}/${label.parcel.count}`}
      data-cod-cents={label.cashOnDelivery?.amountCents ?? ''}
    >
      <div className="label-row label-head">
        <span className={carrierName ? 'label-carrier' : 'label-carrier is-blank'}>
          {carrierName ?? `${t('label.carrier')}: ____________`}
        </span>
        <span className="mono">{label.orderNumber}</span>
      </div>
      {(label.sortingCode || label.packageCenter) && (
        <div className="label-row label-sorting" data-testid="label-sorting">
          {label.sortingCode && <span className="label-sorting-code">{label.sortingCode}</span>}
          {label.packageCenter && (
            <span className="label-package-center">
              {t('label.packageCenter')}: {label.packageCenter}
            </span>
          )}
        </div>
      )}
      {(label.parcel.count > 1 || label.cashOnDelivery) && (
        <div className="label-row label-extras">
          {label.parcel.count > 1 && (
            <span className="label-parcel" data-testid="label-parcel">
              {t('label.parcel', { index: label.parcel.index, count: label.parcel.count })}
            </span>
          )}
          {label.cashOnDelivery && (
            <span className="label-cod" data-testid="label-cod">
              {label.cashOnDelivery.amountCents > 0
                ? t('label.cod', {
                    amount: formatMoney(label.cashOnDelivery.amountCents, label.cashOnDelivery.currency, locale),
                  })
                : t('label.codWithParcel', { parcel: label.cashOnDelivery.collectedWithParcel })}
            </span>
          )}
        </div>
      )}
      <div className="label-row label-tracking">
        {label.trackingNumber ? (
          <>
            <Barcode
              value={label.trackingNumber}
              label={t('label.trackingBarcode', { number: label.trackingNumber })}
            />
            <div className="label-tracking-number mono">{label.trackingNumber}</div>
          </>
        ) : (
          <div className="label-blank">{t('label.trackingNumber')}: </div>
        )}
      </div>
      <div className="label-row label-party label-recipient">
        <span className="label-badge">{t('label.to')}</span>
        <div className="label-party-text">
          <div className="label-person">
            {recipient.name} {recipient.phone}
          </div>
          <div className="label-address">{formatAddress(recipient)}</div>
        </div>
      </div>
      <div className="label-row label-party label-sender">
        <span className="label-badge">{t('label.from')}</span>
        <div className="label-party-text">
          {sender ? (
            <>
              <div>
                {sender.contactName ?? sender.name} {sender.contactPhone ?? ''}
              </div>
              <div>
                {formatAddress({
                  province: sender.province ?? '',
                  city: sender.city ?? '',
                  district: null,
                  street: sender.address ?? '',
                })}{' '}
                ({sender.name})
              </div>
            </>
          ) : (
            <div>{t('label.noSender')}</div>
          )}
        </div>
      </div>
      <div className="label-sign">
        <span>{t('label.receivedBy')}: __________</span>
        <span>{t('label.date')}: ______</span>
      </div>
      <div className="label-foot">
        <div className="label-order">
          <Barcode value={label.orderNumber} label={t('slip.orderBarcode', { number: label.orderNumber })} />
          <div className="label-order-number mono">{label.orderNumber}</div>
        </div>
        <div className="label-foot-meta">
          <div>{t('label.units', { units: label.quantity })}</div>
          <div>{printed}</div>
        </div>
      </div>
    </article>
  );
}
