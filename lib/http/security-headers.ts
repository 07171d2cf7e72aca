/**
 * The security headers of every response the proxy sees. Pages get a Content-Security-Policy with
 * a fresh nonce (Next reads it from the request's CSP header and puts it on its own scripts);
 * API routes get a policy that allows nothing, since they answer JSON, CSV or PDF.
 */
export interface SecurityHeaderOptions {
  nonce: string;
  /** `next dev` needs eval for its React refresh; a production build never gets it */
  isDev: boolean;
  /** HSTS and upgrade-insecure-requests only mean something when the page came over HTTPS */
  isHttps: boolean;
  /**
   * The built-in provider sandbox plays a third party: its cashier form's answer redirects the buyer to
   * the merchant's return URL, which may be on another host name or plain HTTP (browsers check form-action
   * on redirects too).
   */
  isSandbox?: boolean;
}

export function pageContentSecurityPolicy({ nonce, isDev, isHttps, isSandbox = false }: SecurityHeaderOptions): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic' lets Next's nonce'd loader bring in its chunks; 'self' is the fallback for old browsers
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ''}`,
    // React renders style attributes (Recharts, widths of bars) and print pages carry their own <style>
    "style-src 'self' 'unsafe-inline'",
    // QR codes and barcodes are data: images
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    // live UnionPay checkouts post a signed form to the provider's configured gateway (any HTTPS host)
    `form-action 'self' https:${isSandbox ? ' http:' : ''}`,
    "frame-ancestors 'none'",
    ...(isHttps ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

/** For route handlers (JSON, CSV, PDF): nothing may load, nobody may frame it. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** Headers set on every response, whatever its kind. next.config.js sets the same for files the proxy skips. */
export const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  'X-Frame-Options': 'DENY',
};

export const HSTS = 'max-age=63072000; includeSubDomains';

/**
 * Whether the browser reached us over HTTPS: the URL itself, or the proxy in front saying so.
 * A forged X-Forwarded-Proto over plain HTTP only adds an HSTS header that browsers ignore on HTTP.
 */
export function isHttpsRequest(url: URL, forwardedProto: string | null): boolean {
  if (url.protocol === 'https:') return true;
  return forwardedProto?.split(',')[0]?.trim().toLowerCase() === 'https';
}

/** A nonce: 128 random bits, base64. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/** Sets the response headers; `csp` is the page or API policy chosen by the caller. */
export function applySecurityHeaders(headers: Headers, csp: string, isHttps: boolean): void {
  headers.set('Content-Security-Policy', csp);
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) headers.set(name, value);
  if (isHttps) headers.set('Strict-Transport-Security', HSTS);
}
