/**
 * The `<head>` metadata of a page: title, description, canonical URL, feed
 * links, Open Graph and Twitter card tags. Values are plain text; the
 * template escapes them into attributes.
 */
import { shortenText } from '../text.ts';
import { absoluteUrl } from './absolute-url.ts';
import { FEED_PATHS } from './feeds.ts';
import { modifiedTime, publicationTime, publishedTime, type TimeReader, w3cDateTime } from './publication-date.ts';
import type { DiscoveryArticle, DiscoverySite, Topic } from './types.ts';

export interface PageMetadataInput {
  /** Root-relative URL of the page. */
  url: string;
  /** The page's own title; null for the home page (the site's title alone). */
  title: string | null;
  description?: string | null;
  /** Present on article pages: makes the page an `og:type=article`. */
  article?: DiscoveryArticle | null;
  topics?: readonly Topic[];
}

export interface PageMetadata {
  title: string;
  description: string;
  canonical: string;
  /** `<link rel="alternate">` for each feed; the template titles it in the site's language by `kind`. */
  alternates: { type: string; kind: 'atom' | 'rss' | 'json'; href: string }[];
  /** `<meta property=…>` pairs, in order. */
  openGraph: [string, string][];
  /** `<meta name=…>` pairs, in order. */
  twitter: [string, string][];
}

/** Search engines show about 155 characters of a description. */
export const DESCRIPTION_LENGTH = 160;

/**
 * Metadata for one page.
 *
 * @example
 * pageMetadata({ url: '/', title: null }, site).title // => site.title
 */
export function pageMetadata(input: PageMetadataInput, site: DiscoverySite, readTime: TimeReader = publicationTime): PageMetadata {
  const title = input.title ? `${input.title} | ${site.title}` : site.title;
  const description = shortenText(input.description || input.article?.summary || site.description, DESCRIPTION_LENGTH);
  const canonical = absoluteUrl(input.url, site.url);
  const article = input.article ?? null;
  const picture = article?.images.find((image) => image.picture);
  const image = picture?.picture ? absoluteUrl(picture.picture.src, site.url) : null;

  const openGraph: [string, string][] = [
    ['og:type', article ? 'article' : 'website'],
    ['og:site_name', site.title],
    ['og:title', input.title ?? site.title],
    ['og:description', description],
    ['og:url', canonical],
    ['og:locale', (article?.lang ?? site.language).replace('-', '_')],
  ];
  if (image && picture) openGraph.push(['og:image', image], ['og:image:alt', picture.caption]);
  if (article) {
    const time = publishedTime(article, site.timeZone, readTime);
    if (time) openGraph.push(['article:published_time', w3cDateTime(time)]);
    const modified = modifiedTime(article, site.timeZone, readTime);
    if (modified && time && modified > time) openGraph.push(['article:modified_time', w3cDateTime(modified)]);
    if (article.byline) openGraph.push(['article:author', article.byline]);
    for (const topic of input.topics ?? []) openGraph.push(['article:tag', topic.name]);
  }
  const twitter: [string, string][] = [
    ['twitter:card', image ? 'summary_large_image' : 'summary'],
    ['twitter:title', input.title ?? site.title],
    ['twitter:description', description],
  ];
  if (image && picture) twitter.push(['twitter:image', image], ['twitter:image:alt', picture.caption]);

  return {
    title,
    description,
    canonical,
    alternates: [
      { type: 'application/atom+xml', kind: 'atom', href: absoluteUrl(FEED_PATHS.atom, site.url) },
      { type: 'application/rss+xml', kind: 'rss', href: absoluteUrl(FEED_PATHS.rss, site.url) },
      { type: 'application/feed+json', kind: 'json', href: absoluteUrl(FEED_PATHS.json, site.url) },
    ],
    openGraph,
    twitter,
  };
}

