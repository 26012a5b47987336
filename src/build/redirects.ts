/**
 * Redirects for corrected URLs. When an article's slug changes (its
 * headline corrected in both copies), its old URL gets a small page that
 * sends readers and crawlers on: a meta refresh, `rel=canonical` to the new
 * URL, a visible link and `noindex`. Sitemaps and feeds never list it. The
 * redirects are carried from build to build in the manifest, and dropped
 * when their article is retracted or a real page takes the URL.
 */
import { absoluteUrl } from '../discovery/absolute-url.ts';
import { basePathOf, outputPathOf, withBase } from '../routes.ts';
import { compareText } from '../text.ts';
import type { SiteArticle, SiteSettings } from '../types.ts';
import { articleIdentity } from './article-identity.ts';
import type { Manifest } from './manifest.ts';

export interface Redirect {
  /** The old URL, root-relative. */
  from: string;
  /** Output path of its page. */
  path: string;
  /** Identity of the article it leads to. */
  id: string;
  article: SiteArticle;
}

/**
 * The redirects this build writes: every old URL the previous manifest knew
 * for an article that is still here under another URL.
 *
 * @example
 * planRedirects(previous, site.articles, new Set(plan.files.map((f) => f.url)))
 */
export function planRedirects(
  previous: Manifest | null,
  articles: readonly SiteArticle[],
  pageUrls: ReadonlySet<string>,
  identityOf: (article: SiteArticle) => string = articleIdentity,
): Redirect[] {
  if (!previous) return [];
  const byId = new Map<string, SiteArticle | null>();
  for (const article of articles) {
    const id = identityOf(article);
    // Two articles with one identity: neither can be told apart, so neither is redirected to.
    byId.set(id, byId.has(id) ? null : article);
  }
  const old = [...previous.redirects, ...previous.articles.map((a) => ({ from: a.url, id: a.id }))];
  const redirects = new Map<string, Redirect>();
  for (const { from, id } of old) {
    const article = byId.get(id);
    if (!article || article.url === from || pageUrls.has(from) || redirects.has(from)) continue;
    redirects.set(from, { from, path: outputPathOf(from), id, article });
  }
  return [...redirects.values()].sort((a, b) => compareText(a.from, b.from));
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The page at a redirect's old URL. */
export function redirectPage(redirect: Redirect, settings: SiteSettings): string {
  const to = withBase(basePathOf(settings.url), redirect.article.url);
  const canonical = escapeHtml(absoluteUrl(to, settings.url));
  const headline = escapeHtml(redirect.article.headline);
  return `<!doctype html>
<html lang="${escapeHtml(settings.language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Moved: ${headline}</title>
<link rel="canonical" href="${canonical}">
<meta http-equiv="refresh" content="0; url=${escapeHtml(to)}">
</head>
<body>
<p>This story has moved: <a href="${escapeHtml(to)}">${headline}</a>.</p>
</body>
</html>
`;
}
