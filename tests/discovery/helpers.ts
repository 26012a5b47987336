import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseFeed } from '../../src/parser/index.ts';
import type { DiscoveryArticle, DiscoverySite } from '../../src/discovery/types.ts';

export const SITE: DiscoverySite = {
  title: 'The Test Gazette',
  url: 'https://news.example',
  language: 'en',
  timeZone: 'Europe/Moscow',
  description: 'News for tests.',
  logo: '/logo.png',
};

/** A small article; every field can be overridden. */
export function article(slug: string, fields: Partial<DiscoveryArticle> = {}): DiscoveryArticle {
  return {
    slug,
    url: `/${slug}/`,
    headline: `Headline ${slug}`,
    summary: `Summary of ${slug}.`,
    byline: null,
    published: '2026-02-08',
    lang: null,
    body: [{ type: 'paragraph', text: `Body of ${slug}.`, line: 3 }],
    images: [],
    topics: [],
    ...fields,
  };
}

/** The shipped seed feed, parsed by the real parser and placed at simple URLs. */
export function seedArticles(): DiscoveryArticle[] {
  const file = fileURLToPath(new URL('../../content/feeds/000_c9096681fbbcbff7.txt', import.meta.url));
  const { articles } = parseFeed({ file, text: readFileSync(file, 'utf8') });
  return articles.map((record) => ({
    ...article(record.slug),
    headline: record.headline,
    body: record.body,
    published: record.published,
    images: record.images.map((image) => ({ ...image, picture: null })),
  }));
}
