import type { ShipTo } from '@/domain/logistics/printing/load-print-batch';

/** The `printing` messages, from next-intl's getTranslations (page) or the same call in the PDF route. */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** A Chinese address in the order couriers read it: province, city, district, street. */
export function formatAddress(place: Pick<ShipTo, 'province' | 'city' | 'district' | 'street'>): string {
  return [place.province, place.city === place.province ? '' : place.city, place.district ?? '', place.street]
    .filter(Boolean)
    .join(' ');
}

export function formatDateTime(value: Date, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(value);
}
