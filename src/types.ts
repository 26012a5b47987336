/**
 * The typed hand-offs between Broadsheet's stages. Every stage is a pure
 * function from one of these shapes to the next; I/O lives at the edges
 * (`src/feeds/read-feeds.ts` reads `content/`, Eleventy writes `_site/`).
 */
import type { Locale } from './site/locale.ts';

/** A place in an input file. `line` is 1-based. */
export interface SourcePosition {
  file: string;
  line: number;
  /** Last line (1-based, inclusive) when the position covers a range of lines. */
  endLine?: number;
}

export type Severity = 'error' | 'warning';

/**
 * A content problem. Content problems never throw: they are collected and
 * printed like a compiler's messages (`content/feeds/x.txt:12: warning: …`).
 */
export interface Diagnostic extends SourcePosition {
  severity: Severity;
  message: string;
  /** A stable id for the kind of problem, e.g. `duplicate-article`. */
  rule?: string;
}

/** One photo of an article, as described by its caption line. */
export interface ImageRecord {
  /** The caption without its credit. */
  caption: string;
  /** The credit without parentheses or a leading "Photo by", or null. */
  credit: string | null;
  /** The caption's full date as `YYYY-MM-DD`, or null. */
  date: string | null;
  /** 1-based source line of the caption's first occurrence. */
  line: number;
}

export type BodyBlockType = 'paragraph' | 'subhead';

/** One paragraph or subhead of an article body, with its source line. */
export interface BodyBlock {
  type: BodyBlockType;
  text: string;
  line: number;
}

export type TextDirection = 'ltr' | 'rtl';

/** A clean article: the parser's output and the site's input. */
export interface ArticleRecord {
  /** URL-safe, non-empty, unique within one parse. */
  slug: string;
  headline: string;
  images: ImageRecord[];
  body: BodyBlock[];
  /** Publication date `YYYY-MM-DD` (from front matter or inferred), or null. */
  published: string | null;
  /** Where the article's first headline line stands. */
  source: SourcePosition;
  dir: TextDirection;
  /** BCP 47 language tag from feed front matter, or null when unknown. */
  lang: string | null;
  /** Feed-level source name from front matter, or null. */
  sourceName: string | null;
  /** IANA time zone from feed front matter, or null (the site's zone applies). */
  timeZone: string | null;
  wordCount: number;
}

export interface ParseResult {
  articles: ArticleRecord[];
  diagnostics: Diagnostic[];
}

/** A feed file's text with the name diagnostics should use for it. */
export interface FeedSource {
  file: string;
  text: string;
}

/* ---- Parser stages (src/parser/): the hand-offs inside parseFeed ---- */

/** One input line after normalisation; `text` is '' for a blank line. */
export interface FeedLine {
  text: string;
  /** 1-based line in the feed file. */
  line: number;
}

/** Feed-level defaults from a file's optional YAML front matter. */
export interface FeedMeta {
  sourceName: string | null;
  lang: string | null;
  timeZone: string | null;
  /** `YYYY-MM-DD`, applied to every article of the file. */
  published: string | null;
}

/**
 * A feed's lines after normalisation, as parallel arrays rather than one
 * `FeedLine` object per line: a 50 MB feed has 700,000 lines, and an object
 * for each was much of the parser's allocation and garbage collection.
 * Line `i + 1` of the file is `texts[i]`.
 */
export interface FeedLines {
  /** Every line's normalised text, '' for a blank line; index `i` is line `i + 1`. */
  texts: string[];
  /** Indices into `texts` of the non-blank lines a stage reads, in order. */
  rows: Int32Array;
  /**
   * 1 for each line that may hold a right-to-left letter, 0 for each that
   * certainly holds none (the `MAYBE_RTL` test of `text-direction.ts`).
   */
  maybeRtl: Uint8Array;
}

/** One article as found by the structure of the feed, before cleaning. */
export interface ArticleDraft {
  headline: FeedLine;
  /** Distinct caption lines, first occurrences, in order. */
  captions: FeedLine[];
  /** Non-blank body lines, in order, as indices into the feed's `FeedLines.texts`. */
  body: Int32Array;
  /** Last non-blank line that belongs to this article (repetitions included). */
  endLine: number;
  /** Why the article looks cut short, or null when it is complete. */
  truncated: string | null;
}

// ---------------------------------------------------------------------------
// The site stage (src/site/): records + editorial content → the data Eleventy
// renders. Everything here is computed once per build, never per page.

/** `content/site.json`: the publication's settings. */
export interface SiteSettings {
  title: string;
  /** Absolute base URL without a trailing slash, e.g. `https://news.example`. */
  url: string;
  /** BCP 47 tag of the site's default language. */
  language: string;
  /** IANA time zone in which dates are shown. */
  timeZone: string;
  description: string;
  /**
   * The masthead logo and the publisher's logo in structured data: a file
   * of the content folder (`logo.svg`), written at the same path in the
   * site; or an absolute URL. Default: no masthead logo, `/favicon.svg` in
   * structured data.
   */
  logo?: string;
  /** The masthead's links, in order (default: Latest, Archive, Topics, Search, then the editor's pages). */
  navigation?: NavigationEntry[];
  /** How the front page is laid out. */
  frontPage?: FrontPageSettings;
  /** The settings file these came from, for diagnostics on its lines (none: the defaults). */
  file?: string;
  /** The line of each key in that file. */
  keyLines?: Record<string, number>;
}

/** One masthead link as `site.json` names it; `line` is where. */
export type NavigationEntry =
  | { kind: 'home' | 'archive' | 'topics' | 'search'; line: number }
  | { kind: 'page'; slug: string; line: number }
  | { kind: 'link'; label: string; url: string; line: number };

/** `content/topics.json`: editors add, rename, merge, describe and suppress topics. */
export interface TopicSettings {
  /** A person or organisation is a topic when at least this many articles name them (default 2). */
  minArticles?: number;
  /** By topic name. */
  topics?: Record<string, TopicSetting>;
}

export interface TopicSetting {
  /** Other spellings and names that are this topic ("Zelensky", "Federal Security Service"): renames and merges. */
  aliases?: string[];
  /** What it is; a person or organisation given here is found by its name and aliases in every article. */
  kind?: 'person' | 'organisation' | 'place' | 'subject';
  /** Shown on the topic's page. */
  description?: string;
  /** Never a topic. */
  suppress?: boolean;
}

/** `site.json`'s `frontPage`. */
export interface FrontPageSettings {
  /** Topic names whose sections come first, in this order. */
  sections: string[];
  /** Stories in a section at most (default 4). */
  sectionSize: number;
  /** Line of each section name, for diagnostics. */
  sectionLines: number[];
}

/** A masthead link, resolved: label and root-relative or absolute URL. */
export interface NavigationLink {
  label: string;
  url: string;
}

/** Front matter of `content/articles/<slug>.md`, validated. */
export interface EditorialOverride {
  slug: string;
  file: string;
  headline?: string;
  dek?: string;
  /** `YYYY-MM-DD`. */
  published?: string;
  /** The publication time, when the editor gave one: `YYYY-MM-DDTHH:mm[:ss]`, with an offset or in the article's zone. */
  publishedAt?: string;
  /** When the story was last updated: `YYYY-MM-DD` or a date-time as for `publishedAt`. */
  updated?: string;
  /** The front page's lead story (the newest such story when several are marked). */
  lead?: boolean;
  /** Kept among the front page's top stories, after the lead. */
  pinned?: boolean;
  byline?: string;
  topics?: string[];
  /** A file name inside `content/images/`. */
  image?: string;
  /** 1-based line of each front-matter key, for diagnostics. */
  keyLines?: Record<string, number>;
  /** The editor's note: the Markdown body rendered by marked, or null. */
  noteHtml: string | null;
}

/** One rendition set of a photo, produced by @11ty/eleventy-img. */
export interface ResponsiveImage {
  /** `<source>` elements, best format first. */
  sources: { type: string; srcset: string }[];
  /** The fallback `<img>`: largest common format. */
  src: string;
  srcset: string;
  width: number;
  height: number;
}

/** A photo as the templates render it: caption text plus an optional file. */
export interface SiteImage extends ImageRecord {
  /** Alt text: the caption (a photo without a file has no `<img>` at all). */
  alt: string;
  picture: ResponsiveImage | null;
}

/** A body block with the text a reader sees (subheads in a readable case). */
export interface SiteBodyBlock extends BodyBlock {
  /** The text as printed: typographic quotes and dashes; a subhead in readable case. */
  display: string;
  /** A paragraph's display text cut at its http(s) addresses (src/site/typography.ts). */
  runs?: { text: string; href?: string }[];
}

/** A link to another article, small on purpose (prev/next, lists). */
export interface ArticleLink {
  url: string;
  headline: string;
  /** The story's language when it differs from the site's, else null: the link's `lang`. */
  lang: string | null;
}

/** An article with everything its page needs, computed once. */
export interface SiteArticle {
  slug: string;
  /** Root-relative permalink, e.g. `/2026/02/08/some-headline/`. */
  url: string;
  headline: string;
  /** The editor's dek, or null (the lede stands in on lists). */
  dek: string | null;
  /** Dek or lede, shortened for lists and meta descriptions. */
  summary: string;
  byline: string | null;
  topics: string[];
  /** `YYYY-MM-DD`, or null when undated. */
  published: string | null;
  /** The publication instant in the article's zone, ISO with offset: the start of the day unless a time is known. */
  publishedIso: string | null;
  /** The editor's publication date-time as written, when it has a time of day (else null). */
  publishedAt: string | null;
  /** The editor's `updated:` as written (date or date-time), or null. */
  updated: string | null;
  /** The editor marked it as the front page's lead / a top story. */
  lead: boolean;
  pinned: boolean;
  timeZone: string;
  /** The `lang` attribute when it differs from the site's, else null. */
  lang: string | null;
  dir: TextDirection;
  images: SiteImage[];
  /** The photo file of its first image, when there is one: the article's figure, its cards' and related links' picture. */
  photo: SiteImage | null;
  /** The images whose photo has no file: their captions are listed after the text. */
  captionsOnly: SiteImage[];
  body: SiteBodyBlock[];
  wordCount: number;
  readingMinutes: number;
  noteHtml: string | null;
  source: SourcePosition;
  previous: ArticleLink | null;
  next: ArticleLink | null;
  /**
   * A hash of everything the article is made from (record, override, photo,
   * the settings it reads) but its feed position and neighbours: equal
   * revisions, equal article. Never printed.
   */
  revision: string;
}

/** A page from `content/pages/<slug>.md`. */
export interface SitePage {
  slug: string;
  url: string;
  title: string;
  description: string | null;
  html: string;
  file: string;
}

/** One month of the archive. */
export interface ArchiveMonth {
  /** `YYYY-MM`, or `undated`. */
  key: string;
  url: string;
  /** Articles of the month, newest first, grouped by day. */
  days: { date: string | null; articles: ArticleLink[] }[];
  count: number;
  /** The next newer and older months' pages (from the model, not Eleventy's pagination, so a page renders alone). */
  newerUrl: string | null;
  olderUrl: string | null;
}

/** The global data the templates read as `broadsheet`. */
export interface SiteData {
  settings: SiteSettings;
  /** The interface strings of the site's language (src/site/locale.ts). */
  locale: Locale;
  /** The masthead's links, in order. */
  navigation: NavigationLink[];
  /** `content/topics.json` (src/site/topic-settings.ts). */
  topicSettings: TopicSettings;
  /** The masthead logo's URL (root-relative or absolute), or null. */
  logo: string | null;
  /** Writing direction of the site's language (the page chrome). */
  dir: TextDirection;
  /** Newest first; undated last, in feed order. */
  articles: SiteArticle[];
  pages: SitePage[];
  archive: ArchiveMonth[];
  /** The home page and its older pages, `HOME_PAGE_SIZE` stories each (at least one, maybe empty). */
  homePages: HomePage[];
}

/** One page of the home page's list of stories. */
export interface HomePage {
  url: string;
  /** 1 for the front page. */
  number: number;
  /** How many home pages there are. */
  count: number;
  stories: SiteArticle[];
  previous: string | null;
  next: string | null;
  /** On the last home page when older stories are left: the archive, where they are. */
  archive: string | null;
}
