import { NextResponse } from 'next/server';
import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { parsePrintParams } from '@/domain/logistics/printing/print-params';
import { can } from '@/domain/staff/permissions';
import { getCurrentStaff } from '@/lib/auth/current-staff';
import { htmlToPdf } from '@/lib/pdf/print-browser';
import { printHtml } from '@/lib/pdf/print-html';
import { renderPrintDocument, type PrintDoc } from './print-document';

/**
 * GET /print/<doc>.pdf?...: the same document as the print page, rendered here from the same
 * components and printed by the shared headless Chromium. The session is checked here (the proxy
 * skips paths with an extension); the browser never calls back into the app, so no cookie is passed on.
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

    const [t, locale] = await Promise.all([getTranslations('printing'), getLocale()]);
    const query: Record<string, string[]> = {};
    for (const [key, value] of url.searchParams) (query[key] ??= []).push(value);
    const parsed = parsePrintParams(query);
    if (!parsed.ok) return NextResponse.json({ error: parsed.code, message: t(`errors.${parsed.code}`, parsed.params) }, { status: 400 });
    const now = new Date();
    const rendered = await renderPrintDocument(getDb(), doc, parsed.data, { t, locale, now });
    if (!rendered.ok) return NextResponse.json({ error: rendered.code, message: t(`errors.${rendered.code}`) }, { status: 400 });

    const { kind, css, body } = rendered.data;
    const html = printHtml({ lang: locale, title: t(`titles.${kind}`), css, body });
    let pdf: Buffer;
    try {
      pdf = await htmlToPdf(html);
    } catch (error) {
      console.error(`print: ${doc}.pdf failed`, error);
      return NextResponse.json({ error: 'pdf_failed', message: t('errors.pdf_failed') }, { status: 500 });
    }
    const stamp = now.toISOString().slice(0, 16).replace(/[-:T]/g, '');
    return new NextResponse(new Uint8Array(pdf), {
      headers: {
        'content-type': 'application/pdf',
        'content-disposition': `attachment; filename="${kind}-${stamp}.pdf"`,
        'cache-control': 'private, no-store',
      },
    });
  };
}
