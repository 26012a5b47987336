/**
 * The site model: parsed records + editorial content → {@link SiteData}, the
 * one array Eleventy paginates. Everything a page needs (permalink, previous
 * and next, reading time, display text) is computed here once, in linear
 * time, so templates only print.
 */
import { hash } from 'node:crypto';
import { DateTime } from 'luxon';
import type {
  ArchiveMonth, ArticleLink, ArticleRecord, BodyBlock, Diagnostic, EditorialOverride, HomePage, NavigationEntry, NavigationLink, ResponsiveImage,
  SiteArticle, SiteBodyBlock, SiteData, SitePage, SiteSettings, TopicSettings,
} from '../types.ts';
import { memoise } from '../memoise.ts';
import { recordDigest, type RecordDigests } from '../feeds/record-digest.ts';
import { shippedLocale, translate, type Locale } from './locale.ts';
import { type CasingDictionary, learnCasing, toReadableCase, wordsOf } from './readable-case.ts';
import { shortenText } from '../text.ts';
import { linkRuns, smartText } from './typography.ts';
import { guessRtlLanguage, languageDirection, readingMinutes } from './reading.ts';
import { ARCHIVE_URL, archiveMonthUrl, articleUrl, HOME_PAGE_SIZE, HOME_URL, homePageCount, homeUrl, logoUrl, SEARCH_URL, TOPICS_URL } from '../routes.ts';

/** Longest summary on lists, ellipsis included (a meta description shortens it again to 160). */
const SUMMARY_LENGTH = 200;

export interface SiteModelInput {
  records: readonly ArticleRecord[];
  settings: SiteSettings;
  overrides?: ReadonlyMap<string, EditorialOverride>;
  /** The responsive photo for an article, keyed by slug. */
  pictures?: ReadonlyMap<string, ResponsiveImage>;
  pages?: SitePage[];
  /** The interface strings (default: the shipped ones of the site's language). */
  locale?: Locale;
  /** `content/topics.json` (default: none). */
  topicSettings?: TopicSettings;
  /**
   * Articles made by earlier builds of this process (the dev server), by
   * record: a record kept by the parse cache, with the same override,
   * photo and settings, gives the same article without being made again.
   */
  memo?: ArticleMemo;
  /** Records' digests already known (from the parse cache); the others' are worked out. */
  digests?: RecordDigests;
}

/** See {@link SiteModelInput.memo}. */
export type ArticleMemo = WeakMap<ArticleRecord, { key: string; article: SiteArticle }>;

/**
 * Builds the site's data. Overrides for slugs no feed has become warnings.
 *
 * @example
 * const { site } = buildSiteModel({ records, settings: DEFAULT_SETTINGS });
 * site.articles[0].url // => '/2026/02/08/iran-warns-will-not-give-up-enrichment-despite-us-war-threat/'
 */
export function buildSiteModel(input: SiteModelInput): { site: SiteData; diagnostics: Diagnostic[] } {
  const { records, settings, overrides = new Map(), pictures = new Map() } = input;
  const diagnostics: Diagnostic[] = [];
  const slugs = new Set(records.map((r) => r.slug));
  const locale = input.locale ?? shippedLocale(settings.language);
  for (const override of overrides.values()) {
    if (!slugs.has(override.slug)) {
      diagnostics.push({
        file: override.file, line: 1, severity: 'warning', rule: 'override-unknown-article',
        message: `no article has the slug "${override.slug}"; the override is not used`,
      });
    }
  }
  // Archives have many articles a day and luxon's zone arithmetic is the
  // costly part (a tenth of the model's time at 10,000 articles): each
  // build computes each (day, zone) pair once.
  const isoTime = memoise((published: string, zone: string) => DateTime.fromISO(published, { zone }).toISO({ suppressMilliseconds: true }));
  const articles = records.map((record) => {
    const override = overrides.get(record.slug);
    const picture = pictures.get(record.slug);
    // Everything toSiteArticle reads besides the record itself.
    const key = JSON.stringify([override ?? null, picture ?? null, settings.timeZone, settings.language]);
    const kept = input.memo?.get(record);
    if (kept && kept.key === key) return { ...kept.article, previous: null, next: null };
    const article = toSiteArticle(record, settings, isoTime, override, picture, key, input.digests?.get(record) ?? recordDigest(record));
    input.memo?.set(record, { key, article });
    return { ...article };
  });
  articles.sort(newestFirst);
  linkNeighbours(articles);
  return {
    site: {
      settings,
      locale,
      navigation: resolveNavigation(settings, locale, input.pages ?? [], diagnostics),
      topicSettings: input.topicSettings ?? {},
      logo: settings.logo ? logoUrl(settings.logo) : null,
      dir: languageDirection(settings.language),
      articles,
      pages: input.pages ?? [],
      archive: buildArchive(articles),
      homePages: buildHomePages(articles),
    },
    diagnostics,
  };
}

function toSiteArticle(
  record: ArticleRecord,
  settings: SiteSettings,
  isoTime: (published: string, zone: string) => string | null,
  override: EditorialOverride | undefined,
  picture: ResponsiveImage | undefined,
  /** The other inputs, as JSON: part of the revision. */
  inputs: string,
  /** The record's digest (src/feeds/record-digest.ts). */
  digest: string,
): SiteArticle {
  const published = override?.published ?? record.published;
  const timeZone = record.timeZone ?? settings.timeZone;
  const headline = override?.headline ?? record.headline;
  const paragraphs = record.body.filter((b) => b.type === 'paragraph').map((b) => b.text);
  const subheads = record.body.filter((b) => b.type === 'subhead').map((b) => b.text);
  // Learnt when the first subhead is printed (see PrintedBlock below).
  let learnt: CasingDictionary | undefined;
  const casing = () => (learnt ??= learnCasing(paragraphs, wordsOf(subheads)));
  let lang = record.lang;
  if (!lang && record.dir === 'rtl') lang = guessRtlLanguage(headline);
  const images = record.images.map((image, i) => {
    const caption = smartText(image.caption);
    return { ...image, caption, alt: caption, picture: i === 0 ? picture ?? null : null };
  });
  return {
    slug: record.slug,
    url: permalinkFor(record.slug, published),
    headline: smartText(headline),
    dek: override?.dek ? smartText(override.dek) : null,
    summary: smartText(shortenText(override?.dek ?? paragraphs[0] ?? headline, SUMMARY_LENGTH)),
    byline: override?.byline ?? null,
    topics: override?.topics ?? [],
    published,
    publishedIso: published ? isoTime(override?.publishedAt ?? published, timeZone) : null,
    publishedAt: override?.publishedAt ?? null,
    updated: override?.updated ?? null,
    lead: override?.lead ?? false,
    pinned: override?.pinned ?? false,
    timeZone,
    lang: lang && lang !== settings.language ? lang : null,
    dir: record.dir,
    images,
    photo: images[0]?.picture ? images[0] : null,
    captionsOnly: images.filter((image) => !image.picture),
    body: record.body.map((block) => new PrintedBlock(block, casing)),
    wordCount: record.wordCount,
    readingMinutes: readingMinutes(record.wordCount),
    noteHtml: override?.noteHtml ?? null,
    source: record.source,
    previous: null,
    next: null,
    // The record but its place in the feed, and the other inputs: page
    // fingerprints use it instead of hashing every article's text on every
    // build (src/build/page-fingerprints.ts).
    revision: hash('sha1', `${digest}\0${inputs}`, 'base64url'),
  };
}

/** What printing a body block gives. */
type Printed = Pick<SiteBodyBlock, 'display' | 'runs'>;

/**
 * A body block with its text as printed, worked out when a template (or a
 * feed, or the search vocabulary) first reads it: a build prepares every
 * article but renders only the pages that changed, and printing the other
 * articles' bodies would be wasted (figures in docs/performance.md).
 * A subhead is printed in the casing its article's paragraphs teach; a
 * paragraph is cut at its links, with typography on the rest.
 */
class PrintedBlock implements SiteBodyBlock {
  readonly type: BodyBlock['type'];
  readonly text: string;
  readonly line: number;
  private printed: Printed | undefined;
  private readonly casing: () => CasingDictionary;

  constructor(block: BodyBlock, casing: () => CasingDictionary) {
    this.type = block.type;
    this.text = block.text;
    this.line = block.line;
    this.casing = casing;
  }

  get display(): string {
    return this.print().display;
  }

  get runs(): Printed['runs'] {
    return this.print().runs;
  }

  private print(): Printed {
    if (this.printed) return this.printed;
    if (this.type === 'subhead') return (this.printed = { display: smartText(toReadableCase(this.text, this.casing())) });
    const runs = linkRuns(this.text).map((run) => (run.href ? run : { text: smartText(run.text) }));
    const display = runs.map((run) => run.text).join('');
    return (this.printed = runs.length > 1 ? { display, runs } : { display });
  }
}

/**
 * The stable permalink of an article: dated articles live under their
 * publication date, undated ones under `/articles/`.
 *
 * @example
 * permalinkFor('factory-explosion', '2026-02-08') // => '/2026/02/08/factory-explosion/'
 * permalinkFor('factory-explosion', null) // => '/articles/factory-explosion/'
 */
export function permalinkFor(slug: string, published: string | null): string {
  return articleUrl(published, slug);
}

/**
 * The masthead's links: `site.json`'s `navigation`, or Latest, Archive,
 * Topics, Search and then every editor's page. A page the list names that
 * does not exist is a warning on its line, and left out.
 */
function resolveNavigation(settings: SiteSettings, locale: Locale, pages: readonly SitePage[], diagnostics: Diagnostic[]): NavigationLink[] {
  const builtIn = { home: HOME_URL, archive: ARCHIVE_URL, topics: TOPICS_URL, search: SEARCH_URL } as const;
  const entries: NavigationEntry[] = settings.navigation ?? [
    ...(['home', 'archive', 'topics', 'search'] as const).map((kind) => ({ kind, line: 1 })),
    ...pages.map((page) => ({ kind: 'page' as const, slug: page.slug, line: 1 })),
  ];
  const links: NavigationLink[] = [];
  for (const entry of entries) {
    if (entry.kind === 'link') links.push({ label: entry.label, url: entry.url });
    else if (entry.kind === 'page') {
      const page = pages.find((p) => p.slug === entry.slug);
      if (page) links.push({ label: page.title, url: page.url });
      else diagnostics.push({ file: settings.file ?? 'site.json', line: entry.line, severity: 'warning', rule: 'settings-value', message: `navigation names "page:${entry.slug}", but there is no page content/pages/${entry.slug}.md; the link is left out` });
    } else links.push({ label: translate(locale, `nav.${entry.kind}`), url: builtIn[entry.kind] });
  }
  return links;
}

/** Newest first; undated last; ties keep feed order (file, then line). */
function newestFirst(a: SiteArticle, b: SiteArticle): number {
  if (a.published !== b.published) {
    if (a.published === null) return 1;
    if (b.published === null) return -1;
    return a.published < b.published ? 1 : -1;
  }
  // The same day: a story with a known time is newer than one without, later times first.
  const at = a.publishedAt ?? '', bt = b.publishedAt ?? '';
  if (at !== bt) return at < bt ? 1 : -1;
  if (a.source.file !== b.source.file) return a.source.file < b.source.file ? -1 : 1;
  return a.source.line - b.source.line;
}

/** `previous` is the older neighbour, `next` the newer: one pass, no search. */
function linkNeighbours(articles: SiteArticle[]): void {
  const links: ArticleLink[] = articles.map((a) => ({ url: a.url, headline: a.headline, lang: a.lang }));
  for (let i = 0; i < articles.length; i++) {
    const article = articles[i]!;
    article.previous = links[i + 1] ?? null;
    article.next = links[i - 1] ?? null;
  }
}

/** Months newest first, each with its days; articles arrive sorted. */
function buildArchive(articles: readonly SiteArticle[]): ArchiveMonth[] {
  const months: ArchiveMonth[] = [];
  let month: ArchiveMonth | undefined;
  for (const article of articles) {
    const key = article.published ? article.published.slice(0, 7) : 'undated';
    if (month?.key !== key) {
      month = { key, url: archiveMonthUrl(key), days: [], count: 0, newerUrl: null, olderUrl: null };
      months.push(month);
    }
    let day = month.days[month.days.length - 1];
    if (!day || day.date !== article.published) {
      day = { date: article.published, articles: [] };
      month.days.push(day);
    }
    day.articles.push({ url: article.url, headline: article.headline, lang: article.lang });
    month.count++;
  }
  months.forEach((m, i) => {
    m.newerUrl = months[i - 1]?.url ?? null;
    m.olderUrl = months[i + 1]?.url ?? null;
  });
  return months;
}

/**
 * The home pages: the newest stories first, `HOME_PAGE_SIZE` a page, at most
 * `LATEST_PAGES` of them (src/routes.ts); one empty page for an empty site.
 * The last links on to the archive when older stories are left.
 *
 * The editor's choices come first: the lead (the newest story marked
 * `lead: true`, else the newest story), then the pinned stories, newest
 * first; then everything else, newest first. Each story is listed once.
 */
function buildHomePages(all: SiteArticle[]): HomePage[] {
  const lead = all.find((a) => a.lead) ?? null;
  const pinned = all.filter((a) => a.pinned && a !== lead);
  const chosen = new Set<SiteArticle>([...(lead ? [lead] : []), ...pinned]);
  const articles = chosen.size ? [...chosen, ...all.filter((a) => !chosen.has(a))] : all;
  const count = homePageCount(articles.length);
  return Array.from({ length: count }, (_, n) => ({
    url: homeUrl(n),
    number: n + 1,
    count,
    stories: articles.slice(n * HOME_PAGE_SIZE, (n + 1) * HOME_PAGE_SIZE),
    previous: n > 0 ? homeUrl(n - 1) : null,
    next: n + 1 < count ? homeUrl(n + 1) : null,
    archive: n + 1 === count && articles.length > count * HOME_PAGE_SIZE ? ARCHIVE_URL : null,
  }));
}
