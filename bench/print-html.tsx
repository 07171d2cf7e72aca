import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';

/**
 * A print document as a complete, self-contained HTML page: the components and stylesheet of the
 * print page rendered by React outside Next (Next refuses react-dom/server in route handlers, so the
 * server's PDF route prints the page itself; see app/(print)/print/_lib/pdf-route.ts).
 */
export function printHtml({
  lang,
  title,
  css,
  body,
}: {
  lang: string;
  title: string;
  css: string;
  body: ReactElement;
}): string {
  return `<!DOCTYPE html>${renderToStaticMarkup(
    <html lang={lang}>
      {/* eslint-disable-next-line @next/next/no-head-element -- a standalone document for Chromium, not a Next page */}
      <head>
        <meta charSet="utf-8" />
        <title>{title}</title>
        <style dangerouslySetInnerHTML={{ __html: `html, body { margin: 0; background: #fff; }\n${css}` }} />
      </head>
      <body>
        <div className="print-doc">{body}</div>
      </body>
    </html>,
  )}`;
}
