/**
 * XML 1.0 forbids most control characters even when escaped; a scraped feed
 * can carry them. Templates escape `& < > " '`; this removes what no escaping
 * can make legal (and lone surrogates).
 *
 * @example
 * xmlText('A\u0000B') // => 'AB'
 */
export function xmlText(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
}
