import { stringify } from 'csv-stringify/sync';
import { TEMPLATE_EXAMPLE, TEMPLATE_HEADERS } from '@/domain/import/formats/template';
import { requirePermission } from '@/lib/auth/current-staff';

/** Our import template: bilingual headers and one example order of two lines (UTF-8 with a BOM for Excel). */
export async function GET() {
  await requirePermission('orders.import');
  return new Response(`\uFEFF${stringify([TEMPLATE_HEADERS, ...TEMPLATE_EXAMPLE])}`, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="order-import-template.csv"',
    },
  });
}
