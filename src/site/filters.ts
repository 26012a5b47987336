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
 * A date, or a date-time (`2026-02-08T14:30`, with or without an offset),
 * as readers write it, with the time of day only when one is given:
 * `8 February 2026` or `8 February 2026 at 14:30`. A date-time with an
 * offset is shown in `timeZone`.
 *
 * @example
 * readableWhen('2026-02-08T14:30', 'Europe/London', 'en-GB') // => '8 February 2026 at 14:30'
 */
export function readableWhen(value: string, timeZone: string, locale: string): string {
  if (!value.includes('T')) return readableDate(value, timeZone, locale);
  const time = DateTime.fromISO(value, { zone: timeZone, locale });
  return time.isValid ? time.toLocaleString({ ...DateTime.DATE_FULL, hour: 'numeric', minute: '2-digit' }) : value;
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
 * Registers the filters: `readableDate`, `readableWhen` and `monthName`.
 */
export function filtersPlugin(eleventyConfig: UserConfig): void {
  // Formatting builds an Intl formatter each time (~0.3 ms); a site has few
  // distinct dates and many pages printing them, so each result is kept.
  eleventyConfig.addFilter('readableDate', memoise(readableDate));
  eleventyConfig.addFilter('monthName', memoise(monthName));
  eleventyConfig.addFilter('readableWhen', memoise(readableWhen));
}
