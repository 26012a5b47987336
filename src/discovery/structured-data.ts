/**
 * schema.org `NewsArticle` JSON-LD for article pages, and the one safe way to
 * put JSON inside a `<script>` element.
 */
import { absoluteUrl } from './absolute-url.ts';
import { escapedJson } from '../json-lines.ts';
import { modifiedTime, publicationTime, publishedTime, type TimeReader, w3cDateTime } from './publication-date.ts';
import type { DiscoveryArticle, DiscoverySite, Topic } from './types.ts';

type JsonLd = Record<string, unknown>;

/**
 * The `NewsArticle` object for one article. `datePublished` carries the
 * time-zone offset; `dateModified` is the editor's `updated:` when later,
 * else the publication; the author is the byline or, without one, the
 * publisher; `image` is only set when a photo file was rendered.
 *
 * @example
 * newsArticleJsonLd(article, site, [])['@type'] // => 'NewsArticle'
 */
export function newsArticleJsonLd(
  article: DiscoveryArticle,
  site: DiscoverySite,
  topics: readonly Topic[] = [],
  readTime: TimeReader = publicationTime,
): JsonLd {
  const url = absoluteUrl(article.url, site.url);
  const time = publishedTime(article, site.timeZone, readTime);
  const modified = modifiedTime(article, site.timeZone, readTime);
  const publisher: JsonLd = { '@type': 'NewsMediaOrganization', name: site.title, url: absoluteUrl('/', site.url) };
  if (site.logo) publisher.logo = { '@type': 'ImageObject', url: absoluteUrl(site.logo, site.url) };
  const images = article.images.flatMap((image) =>
    image.picture
      ? [{ '@type': 'ImageObject', url: absoluteUrl(image.picture.src, site.url), width: image.picture.width, height: image.picture.height, caption: image.caption }]
      : [],
  );
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.headline,
    description: article.summary,
    url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    ...(time ? { datePublished: w3cDateTime(time) } : {}),
    ...(modified ? { dateModified: w3cDateTime(modified) } : {}),
    ...(images.length ? { image: images } : {}),
    author: article.byline ? [{ '@type': 'Person', name: article.byline }] : [publisher],
    publisher,
    inLanguage: article.lang ?? site.language,
    ...(topics.length ? { about: topics.map((t) => ({ '@type': 'Thing', name: t.name })) } : {}),
  };
}

/**
 * JSON for a `<script type="application/ld+json">` element. `<`, `>` and `&`
 * become `\u003c`, `\u003e`, `\u0026` (still the same JSON), so no text — not
 * even `</script>` or `<!--` in a headline — can end or alter the element.
 * U+2028/2029 are escaped for old JavaScript parsers.
 *
 * @example
 * scriptSafeJson({ headline: '</script>' }) // => '{"headline":"\\u003c/script\\u003e"}'
 */
export function scriptSafeJson(value: unknown): string {
  return escapedJson(value, /[<>&\u2028\u2029]/g);
}
