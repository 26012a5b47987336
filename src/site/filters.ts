/**
 * Template filters, registered as one Eleventy plugin. Dates are formatted
 * with luxon in the article's own time zone and the page's language, so the
 * same content always prints the same text (no build clock, no host zone).
 */
import type { UserConfig } from '@11ty/eleventy';
import { DateTime } from 'luxon';
import { memoise } from '../memoise.ts';

/**
 * A `YYYY-MM-DD` date as readers write it, e.g. `8 February 2026` in British
 * English or `February 8, 2026` in American English.
 *
 * @example
 * readableDate('2026-02-08', 'Europe/London', 'en-GB') // => '8 February 2026'
 */
export function readableDate(date: string, timeZone: string, locale: string): string {
  const value = DateTime.fromISO(date, { zone: timeZone, locale });
  return value.isValid ? value.toLocaleString(DateTime.DATE_FULL) : date;
}

/**
 * An archive month key (`YYYY-MM`) as a heading, e.g. `February 2026`.
 *
 * @example
 * monthName('2026-02', 'en') // => 'February 2026'
 */
export function monthName(key: string, locale: string): string {
  const value = DateTime.fromFormat(key, 'yyyy-MM', { zone: 'UTC', locale });
  return value.isValid ? value.toLocaleString({ month: 'long', year: 'numeric' }) : key;
}

/**
 * A count with its noun.
 *
 * @example
 * pluralise(3, 'story', 'stories') // => '3 stories'
 */
export function pluralise(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}

/**
 * Registers the filters: `readableDate`, `monthName`, and `pluralise`.
 */
export function filtersPlugin(eleventyConfig: UserConfig): void {
  // Formatting builds an Intl formatter each time (~0.3 ms); a site has few
  // distinct dates and many pages printing them, so each result is kept.
  eleventyConfig.addFilter('readableDate', memoise(readableDate));
  eleventyConfig.addFilter('monthName', memoise(monthName));
  eleventyConfig.addFilter('pluralise', pluralise);
}
