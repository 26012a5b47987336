/**
 * Absolute URLs from the site's base URL. A base with a path
 * (`https://example.org/news`) keeps it: `/a/` becomes `https://example.org/news/a/`.
 *
 * @example
 * absoluteUrl('/2026/02/08/x/', 'https://news.example') // => 'https://news.example/2026/02/08/x/'
 */
export function absoluteUrl(path: string, base: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(path)) return new URL(path).href;
  const root = base.endsWith('/') ? base : `${base}/`;
  return new URL(path.replace(/^\/+/, ''), root).href;
}
