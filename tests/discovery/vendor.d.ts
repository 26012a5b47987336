// @11ty/eleventy-plugin-rss ships no types; the part the tests use, as the
// reference for src/discovery/publication-date.ts rfc822DateTime.
declare module '@11ty/eleventy-plugin-rss' {
  /** RFC 822 date (RSS `pubDate`) of `value` in `timeZone`, e.g. `Sun, 08 Feb 2026 00:00:00 +0300`. */
  export function dateToRfc822(value: Date | string | number, timeZone?: string): string;
}
