import { NextResponse } from 'next/server';
import { getTranslations } from 'next-intl/server';
import { parsePrintParams } from '@/domain/logistics/printing/print-params';
import { can } from '@/domain/staff/permissions';
import { getCurrentStaff } from '@/lib/auth/current-staff';
import { getLogger } from '@/lib/log/logger';
import { pageToPdf } from '@/lib/pdf/print-browser';
import type { PrintDoc } from './print-document';
import { fieldErrorList } from '@/domain/shared/validation';

/**
 * GET /print/<doc>.pdf?...: the print page /print/<doc>?... printed to PDF by the shared headless
 * Chromium. The session is checked here first (the proxy skips paths with an extension); the
 * browser then loads the page with the caller's own cookie, so the page checks it again and renders
 * exactly what the person would print. (Rendering the components to HTML here instead would need
 * react-dom/server, which Next refuses in route handlers.) PRINT_BASE_URL overrides the address the
 * browser uses to reach this server (default: the request's own origin).
 */
export function pdfRoute(doc: PrintDoc) {
  return async function GET(request: Request): Promise<Response> {
    const staff = await getCurrentStaff();
    const url = new URL(request.url);
    if (!staff) {
      const signIn = new URL('/sign-in', url.origin);
      signIn.searchParams.set('callbackUrl', `${url.pathname}${url.search}`);
      return NextResponse.redirect(signIn);
    }
    if (!can(staff, 'shipping.read')) return new NextResponse('forbidden', { status: 403 });

    const t = await getTranslations('printing');
    const query: Record<string, string[]> = {};
    for (const [key, value] of url.searchParams) fieldErrorList(query, key).push(value);
    const parsed = parsePrintParams(query);
    if (!parsed.ok)
      return NextResponse.json(
        { error: parsed.code, message: t(`errors.${parsed.code}`, parsed.params) },
        { status: 400 },
      );

    const pageUrl = new URL(`/print/${doc}${url.search}`, process.env.PRINT_BASE_URL || url.origin).toString();
    let pdf: Buffer;
    try {
      pdf = await pageToPdf(pageUrl, request.headers.get('cookie') ?? '');
    } catch (error) {
      getLogger().error({ err: error, route: `GET /print/${doc}.pdf`, actorId: staff.id }, 'print: PDF failed');
      return NextResponse.json({ error: 'pdf_failed', message: t('errors.pdf_failed') }, { status: 500 });
    }
    const kind = doc === 'labels' ? `labels-${parsed.data.format}` : doc;
    const stamp = new Date().toISOString().slice(0, 16).replace(/[-:T]/g, '');
    return new NextResponse(new Uint8Array(pdf), {
      headers: {
        'content-type': 'application/pdf',
        'content-disposition': `attachment; filename="${kind}-${stamp}.pdf"`,
        'cache-control': 'private, no-store',
      },
    });
  };
}
