/**
 * Publication dates as the machine-readable outputs need them: a point in
 * time in the article's (or the site's) zone, never the build machine's.
 */
import { DateTime } from 'luxon';
import { memoise } from '../memoise.ts';

/**
 * Reads `YYYY-MM-DD` (the start of that day) or an ISO date-time in `zone`.
 * Returns null for a missing or invalid date instead of throwing.
 *
 * @example
 * publicationTime('2026-02-08', 'Europe/Moscow')?.toISO() // => '2026-02-08T00:00:00.000+03:00'
 */
export function publicationTime(published: string | null | undefined, zone: string): DateTime | null {
  if (!published) return null;
  const time = DateTime.fromISO(published, { zone, setZone: false });
  return time.isValid ? time : null;
}

/** Reads a publication date in a zone, as `publicationTime` does. */
export type TimeReader = (published: string | null | undefined, zone: string) => DateTime | null;

/**
 * A `publicationTime` that remembers what it has read. An archive has many
 * articles per day and luxon's zone arithmetic is the costly part, so one
 * build reads each (date, zone) pair once. Make one per build.
 *
 * @example
 * const read = cachedTimeReader();
 * read('2026-02-08', 'UTC') === read('2026-02-08', 'UTC') // => true
 */
export function cachedTimeReader(): TimeReader {
  const read = memoise(publicationTime);
  return (published, zone) => (published ? read(published, zone) : null);
}

/** What the instants of an article are read from. */
interface Dated {
  published: string | null;
  publishedAt?: string | null;
  updated?: string | null;
  timeZone?: string | null;
}

/**
 * When an article was published: its date-time when an editor gave one,
 * else the start of its day, in its zone.
 *
 * @example
 * publishedTime({ published: '2026-02-08', publishedAt: '2026-02-08T14:30' }, 'UTC')?.hour // => 14
 */
export function publishedTime(article: Dated, siteZone: string, readTime: TimeReader = publicationTime): DateTime | null {
  return readTime(article.publishedAt ?? article.published, article.timeZone ?? siteZone);
}

/**
 * When an article last changed: its `updated:` when that is later than
 * publication, else its publication.
 *
 * @example
 * modifiedTime({ published: '2026-02-08', updated: '2026-02-09T10:00' }, 'UTC')?.day // => 9
 */
export function modifiedTime(article: Dated, siteZone: string, readTime: TimeReader = publicationTime): DateTime | null {
  const published = publishedTime(article, siteZone, readTime);
  const updated = readTime(article.updated, article.timeZone ?? siteZone);
  return updated && (!published || updated > published) ? updated : published;
}

/**
 * W3C / RFC 3339 form with the zone's offset and no milliseconds, as sitemaps,
 * JSON-LD, Open Graph and JSON Feed want it.
 *
 * @example
 * w3cDateTime(publicationTime('2026-02-08', 'UTC')!) // => '2026-02-08T00:00:00Z'
 */
export function w3cDateTime(time: DateTime): string {
  return time.toISO({ suppressMilliseconds: true, includeOffset: true }) as string;
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * RFC 822 form (with a four-digit year) in the time's own zone, as RSS's
 * `pubDate` wants it, the offset as `+HHMM`. The same text as
 * `@11ty/eleventy-plugin-rss`'s `dateToRfc822` (the reference in
 * tests/discovery/feeds.test.ts), which builds an `Intl.DateTimeFormat` on
 * every call, and as luxon's `toRFC2822()`, which goes through its token
 * formatter: topic feeds print thousands of dates a build, and both cost
 * many times this (docs/performance.md).
 *
 * @example
 * rfc822DateTime(publicationTime('2026-02-08', 'Asia/Kolkata')!) // => 'Sun, 08 Feb 2026 00:00:00 +0530'
 */
export function rfc822DateTime(time: DateTime): string {
  const offset = Math.round(time.offset);
  const zone = `${offset < 0 ? '-' : '+'}${pad2(Math.floor(Math.abs(offset) / 60))}${pad2(Math.abs(offset) % 60)}`;
  return `${WEEKDAYS[time.weekday - 1]}, ${pad2(time.day)} ${MONTHS[time.month - 1]} ${time.year} ${pad2(time.hour)}:${pad2(time.minute)}:${pad2(time.second)} ${zone}`;
}

/**
 * The articles that have a valid date, each with its instant, newest first.
 * Undated articles are left out: a dated list (a feed, the news sitemap)
 * cannot place them.
 *
 * @example
 * datedArticles([{ published: null }, { published: '2026-02-08' }], 'UTC').length // => 1
 */
export function datedArticles<T extends Dated>(
  articles: readonly T[],
  siteZone: string,
  readTime: TimeReader = publicationTime,
): { article: T; time: DateTime }[] {
  return articles
    .flatMap((article) => {
      const time = publishedTime(article, siteZone, readTime);
      return time ? [{ article, time }] : [];
    })
    .sort((a, b) => b.time.toMillis() - a.time.toMillis());
}
