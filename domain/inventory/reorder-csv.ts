import { stringify } from 'csv-stringify/sync';
import type { ReorderSuggestion } from './reorder-suggestions';

/**
 * A cell a spreadsheet would run as a formula (= + - @, and tab / carriage return which some
 * programs strip before looking) gets a leading single quote, so a SKU named "=HYPERLINK(...)"
 * opens as text. Numbers are written as numbers and need no guard.
 */
export function neutralizeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export interface ReorderCsvLabels {
  skuCode: string;
  skuName: string;
  variant: string;
  productName: string;
  unitsSold: string;
  velocityPerDay: string;
  leadTimeDays: string;
  safetyDays: string;
  available: string;
  incoming: string;
  suggestedQuantity: string;
}

/** The reorder suggestions as CSV (UTF-8 with a BOM so Excel reads Chinese names), headers in the user's language. */
export function reorderSuggestionsToCsv(rows: readonly ReorderSuggestion[], labels: ReorderCsvLabels): string {
  const text = (value: string | null) => neutralizeFormula(value ?? '');
  return stringify(
    [
      [
        labels.skuCode,
        labels.skuName,
        labels.variant,
        labels.productName,
        labels.unitsSold,
        labels.velocityPerDay,
        labels.leadTimeDays,
        labels.safetyDays,
        labels.available,
        labels.incoming,
        labels.suggestedQuantity,
      ].map(text),
      ...rows.map((r) => [
        text(r.skuCode),
        text(r.skuName),
        text(r.variant),
        text(r.productName),
        r.unitsSold,
        r.velocityPerDay.toFixed(2),
        r.leadTimeDays,
        r.safetyDays,
        r.available,
        r.incoming,
        r.suggestedQuantity,
      ]),
    ],
    { bom: true, record_delimiter: 'windows' },
  );
}
