/**
 * The discovery stage's typed hand-offs: what feeds, sitemaps, structured
 * data, topics and search need from the site model, and what they give back.
 * The inputs are deliberately small and structural, so a `SiteArticle` and
 * `SiteSettings` from `src/site/` fit them without a mapping layer.
 */
import type { BodyBlock } from '../types.ts';

/** The publication, as the discovery outputs name and locate it. */
export interface DiscoverySite {
  title: string;
  /** Absolute base URL, e.g. `https://news.example` or `https://example.org/news`. */
  url: string;
  /** BCP 47 tag of the site's default language. */
  language: string;
  /** IANA time zone that undated-to-the-minute dates are read in. */
  timeZone: string;
  description: string;
  /** Root-relative or absolute URL of the publisher's logo, or null. */
  logo?: string | null;
}

/** A photo file rendered for an article: what metadata needs of it. */
export interface DiscoveryPicture {
  /** Root-relative or absolute URL of the fallback rendition. */
  src: string;
  width: number;
  height: number;
}

/** One article placed at its URL, after editorial overrides. */
export interface DiscoveryArticle {
  slug: string;
  /** A hash of what the article is made from (SiteArticle's), when known: the key of memos across builds. */
  revision?: string;
  /** Root-relative permalink, e.g. `/2026/02/08/some-headline/`. */
  url: string;
  headline: string;
  /** Dek or lede, short enough for a meta description. */
  summary: string;
  byline: string | null;
  /** `YYYY-MM-DD` or an ISO date-time, or null when undated. */
  published: string | null;
  /** The publication date-time, when a time of day is known (it wins over `published` for the instant). */
  publishedAt?: string | null;
  /** When it was last updated (date or date-time), or null. */
  updated?: string | null;
  /** The article's own time zone, when it differs from the site's. */
  timeZone?: string | null;
  /** Language of the article when it differs from the site's, else null. */
  lang: string | null;
  /** Blocks in order; `display` is a subhead's readable case when the site made one. */
  body: readonly (BodyBlock & { display?: string })[];
  images: readonly { caption: string; credit: string | null; picture: DiscoveryPicture | null }[];
  /** Topics an editor set in front matter; a leading `-` removes a derived one. */
  topics: readonly string[];
}

/** A subject articles are filed under: a country or an editor's own topic. */
export interface Topic {
  /** URL-safe and unique: `/topics/<slug>/`. */
  slug: string;
  name: string;
  /** ISO 3166-1 alpha-2 code for a country, null for an editor's topic. */
  country: string | null;
  /** What it is: a place (a country), a person or an organisation named in the text, or a subject an editor set. */
  kind: TopicKind;
}

export type TopicKind = 'place' | 'person' | 'organisation' | 'subject';

/** Every topic with its articles, newest first; built once per build. */
export interface TopicIndex {
  /** Topics ordered by article count (desc), then name. */
  topics: Topic[];
  /** Topic slug → article slugs, in the order the articles were given. */
  articlesByTopic: Map<string, string[]>;
  /** Article slug → its topics, most relevant first. */
  topicsByArticle: Map<string, Topic[]>;
}
