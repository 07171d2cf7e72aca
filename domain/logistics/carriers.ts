import { fail, ok, type Result } from '@/domain/shared/result';

/**
 * A carrier the console knows out of the box. Codes are the tracking aggregator's (kuaidi100)
 * company codes, so tracking pushes and links line up with them. The seed installs these rows;
 * carriers added later in Settings live only in the database and are checked with the same rules
 * through {@link validateTrackingNumberFor}.
 */
export interface CarrierSpec {
  code: string;
  name: string;
  nameEn: string;
  /** a regular expression a normalised tracking number must match (stored in carriers.tracking_pattern) */
  trackingPattern: string;
  /** link to a tracking page, with {number} */
  trackingUrlTemplate: string;
  /** builds a number that matches trackingPattern from a unique serial, for demo data and tests */
  sampleNumber: (serial: number) => string;
}

/** What validation needs of a carrier: a registry spec or a carriers row both fit. */
export type TrackingRules = Pick<CarrierSpec, 'code' | 'name' | 'nameEn'> & { trackingPattern: string | null };

const digits = (serial: number, width: number) => String(serial).padStart(width, '0').slice(-width);
// the aggregator's public query page works for every carrier code
const kuaidi100 = (code: string) => `https://www.kuaidi100.com/chaxun?com=${code}&nu={number}`;

// Patterns follow the waybill formats in circulation (2024-2026); they catch typos and wrong-carrier
// numbers, so they accept every current format of a carrier rather than only the newest one.
export const CARRIERS: readonly CarrierSpec[] = [
  {
    // SF + 12 or 13 digits (SF1403517370890); older 12-digit numbers are printed with the SF prefix too
    code: 'shunfeng',
    name: '顺丰速运',
    nameEn: 'SF Express',
    trackingPattern: '^SF\\d{12,13}$',
    trackingUrlTemplate: kuaidi100('shunfeng'),
    sampleNumber: (n) => `SF14${digits(n, 11)}`,
  },
  {
    // JD + letters/digits: JDVA00012345678, JDVC..., JDX000012345678; package suffixes (-1-1-) are not waybills
    code: 'jd',
    name: '京东物流',
    nameEn: 'JD Logistics',
    trackingPattern: '^JD[0-9A-Z]{11,16}$',
    trackingUrlTemplate: kuaidi100('jd'),
    sampleNumber: (n) => `JDVA${digits(n, 11)}`,
  },
  {
    // 12 digits (older, many prefixes: 5xx, 6xx, 7xx...) or 14 digits starting with 7 (73/75/76/78...)
    code: 'zhongtong',
    name: '中通快递',
    nameEn: 'ZTO Express',
    trackingPattern: '^(\\d{12}|7\\d{13})$',
    trackingUrlTemplate: kuaidi100('zhongtong'),
    sampleNumber: (n) => `78${digits(n, 12)}`,
  },
  {
    // YT + 13 digits (YT7500000000000); the 10-character letter+digits numbers are long retired
    code: 'yuantong',
    name: '圆通速递',
    nameEn: 'YTO Express',
    trackingPattern: '^YT\\d{13}$',
    trackingUrlTemplate: kuaidi100('yuantong'),
    sampleNumber: (n) => `YT${digits(n, 13)}`,
  },
  {
    // 13 digits (43..., 46..., 31..., 12...) or 15 digits starting with 3 or 4
    code: 'yunda',
    name: '韵达快递',
    nameEn: 'Yunda Express',
    trackingPattern: '^([1-9]\\d{12}|[34]\\d{14})$',
    trackingUrlTemplate: kuaidi100('yunda'),
    sampleNumber: (n) => `43${digits(n, 11)}`,
  },
  {
    // 12 digits (268/368/.../968, 220...), 13 digits starting 55/66/77/88, or 15 digits starting 77 (773...)
    code: 'shentong',
    name: '申通快递',
    nameEn: 'STO Express',
    trackingPattern: '^(\\d{12}|(55|66|77|88)\\d{11}|77\\d{13})$',
    trackingUrlTemplate: kuaidi100('shentong'),
    sampleNumber: (n) => `77${digits(n, 11)}`,
  },
  {
    // domestic EMS: 13 digits (10..., 11..., 50..., 98...); international: UPU S10, 2 letters + 9 digits + CN
    code: 'ems',
    name: '中国邮政EMS',
    nameEn: 'China Post EMS',
    trackingPattern: '^(\\d{13}|[A-Z]{2}\\d{9}CN)$',
    trackingUrlTemplate: kuaidi100('ems'),
    sampleNumber: (n) => `11${digits(n, 11)}`,
  },
  {
    // JT + 13 digits (JT0001234567890)
    code: 'jtexpress',
    name: '极兔速递',
    nameEn: 'J&T Express',
    trackingPattern: '^JT\\d{13}$',
    trackingUrlTemplate: kuaidi100('jtexpress'),
    sampleNumber: (n) => `JT${digits(n, 13)}`,
  },
  {
    // DPK + 12 digits (express), or 10 digits (older freight/LTL waybills)
    code: 'debangkuaidi',
    name: '德邦快递',
    nameEn: 'Deppon Express',
    trackingPattern: '^(DPK\\d{12}|\\d{10})$',
    trackingUrlTemplate: kuaidi100('debangkuaidi'),
    sampleNumber: (n) => `DPK${digits(n, 12)}`,
  },
];

/** The registry entry for a carrier code, or undefined for carriers the registry does not know. */
export function findCarrierSpec(code: string): CarrierSpec | undefined {
  return CARRIERS.find((c) => c.code === code);
}

/** The registry entry for a code the caller knows is registered (seed, factories); throws otherwise. */
export function getCarrierSpec(code: string): CarrierSpec {
  const spec = findCarrierSpec(code);
  if (!spec) throw new Error(`unknown carrier code ${code}`);
  return spec;
}

/**
 * A tracking number as staff or scanners give it, in canonical form: full-width characters from a
 * Chinese input method become ASCII (NFKC), every space goes, letters are upper-cased.
 */
export function normalizeTrackingNumber(raw: string): string {
  return raw.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

/**
 * Failure codes: `unknown_carrier` (the code is not in the registry); `empty_tracking_number`;
 * `invalid_tracking_number` (does not match the carrier's pattern). Translate with
 * `shipping.errors.<code>` and the failure's params: {carrierCode, carrier (zh name), carrierEn, number}.
 */
export type TrackingNumberError = 'unknown_carrier' | 'empty_tracking_number' | 'invalid_tracking_number';

/** Checks a tracking number against a registry carrier; on success gives the normalised number. */
export function validateTrackingNumber(carrierCode: string, number: string): Result<string, TrackingNumberError> {
  const spec = findCarrierSpec(carrierCode);
  if (!spec)
    return fail(
      'unknown_carrier',
      `carrier ${carrierCode} is not in the registry`,
      { carrier: ['unknown_carrier'] },
      { carrierCode },
    );
  return validateTrackingNumberFor(spec, number);
}

/** Checks a tracking number against any carrier (a registry spec or a carriers row; no pattern accepts any number). */
export function validateTrackingNumberFor(carrier: TrackingRules, number: string): Result<string, TrackingNumberError> {
  const normalized = normalizeTrackingNumber(number);
  const params = { carrierCode: carrier.code, carrier: carrier.name, carrierEn: carrier.nameEn, number: normalized };
  if (normalized === '') {
    return fail(
      'empty_tracking_number',
      `enter a ${carrier.nameEn} tracking number`,
      { trackingNumber: ['empty_tracking_number'] },
      params,
    );
  }
  if (carrier.trackingPattern && !new RegExp(carrier.trackingPattern).test(normalized)) {
    const example = findCarrierSpec(carrier.code)?.sampleNumber(1);
    return fail(
      'invalid_tracking_number',
      `${normalized} is not a ${carrier.nameEn} tracking number (expected ${carrier.trackingPattern}${example ? `, like ${example}` : ''})`,
      { trackingNumber: ['invalid_tracking_number'] },
      params,
    );
  }
  return ok(normalized);
}

/** The tracking page of a number with a registry carrier, or null for a carrier the registry does not know. */
export function trackingUrl(carrierCode: string, number: string): string | null {
  const spec = findCarrierSpec(carrierCode);
  return spec ? fillTrackingUrl(spec.trackingUrlTemplate, number) : null;
}

/** Fills a carrier's URL template ({number}) with a normalised, URL-encoded tracking number. */
export function fillTrackingUrl(template: string, number: string): string {
  return template.replaceAll('{number}', encodeURIComponent(normalizeTrackingNumber(number)));
}
