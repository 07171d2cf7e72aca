/**
 * Where to go after sign-in: only a path on this site, never another origin ("//evil.com",
 * "https://evil.com", "/\\evil.com") and never the sign-in page itself.
 */
export function safeCallbackUrl(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\'))
    return '/';
  let url: URL;
  try {
    url = new URL(value, 'http://localhost');
  } catch {
    return '/';
  }
  if (url.origin !== 'http://localhost' || url.pathname.startsWith('/sign-in') || url.pathname.startsWith('/api/auth'))
    return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}
