/** Text helpers shared by the site model and discovery. */

/**
 * Shortens text at a word boundary to at most `max` characters, counted in
 * code points and including the ellipsis it adds when it cut anything. The
 * one shortener for summaries and meta descriptions: counting code points,
 * it never leaves half a surrogate pair.
 *
 * @example
 * shortenText('one two three', 8) // => 'one two…'
 */
export function shortenText(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  const chars = Array.from(clean);
  if (chars.length <= max) return clean;
  const cut = chars.slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/u, '')}…`;
}

/**
 * Code-unit order, as `Array.prototype.sort` without a comparer: the same
 * on every machine and locale, for orders that must not vary.
 *
 * @example
 * ['b', 'B', 'a'].sort(compareText) // => ['B', 'a', 'b']
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
