/**
 * Subheads arrive in capitals (`MONTHS OF TALKS`). Shown that way they shout,
 * and screen readers may spell them out letter by letter, so the site shows
 * them in sentence case. Which words keep capitals is learned from the
 * article itself: a word written `NATO` or `Ukraine` in its paragraphs keeps
 * that form; every other word is lower-cased. The record keeps the original.
 */

const WORD = /\p{L}[\p{L}\p{M}\p{N}'’-]*/gu;
const SENTENCE_END = /[.!?:"“”‘'(\[—–-]\s*$/u;

/** How an article writes each word it uses, keyed by the word in lower case. */
export type CasingDictionary = Map<string, string>;

/**
 * Learns each word's usual form from paragraphs, skipping sentence starts
 * (where any word is capitalised). With `wanted` (lower-case words, e.g. the
 * subheads' from `wordsOf`), only those words are learned: the dictionary
 * is only ever asked about subhead words, and counting every word of every
 * paragraph was the site model's largest cost at 10,000 articles.
 *
 * @example
 * learnCasing(['Talks with NATO and the US in Paris.']).get('nato') // => 'NATO'
 * learnCasing(['Talks with NATO in Paris.'], wordsOf(['NATO TALKS'])).has('paris') // => false
 */
export function learnCasing(paragraphs: readonly string[], wanted?: ReadonlySet<string>): CasingDictionary {
  const counts = new Map<string, Map<string, number>>();
  for (const text of paragraphs) {
    for (const match of text.matchAll(WORD)) {
      const key = match[0].toLowerCase();
      if (wanted && !wanted.has(key)) continue;
      const before = text.slice(Math.max(0, match.index - 3), match.index);
      if (match.index === 0 || SENTENCE_END.test(before)) continue;
      const forms = counts.get(key) ?? new Map<string, number>();
      forms.set(match[0], (forms.get(match[0]) ?? 0) + 1);
      counts.set(key, forms);
    }
  }
  const dictionary: CasingDictionary = new Map();
  for (const [key, forms] of counts) {
    let best = key;
    let bestCount = 0;
    for (const [form, count] of forms) if (count > bestCount) [best, bestCount] = [form, count];
    dictionary.set(key, best);
  }
  return dictionary;
}

/**
 * The distinct words of some texts, lower-cased, as `toReadableCase` looks them up.
 *
 * @example
 * wordsOf(['MONTHS OF TALKS']) // => Set { 'months', 'of', 'talks' }
 */
export function wordsOf(texts: readonly string[]): Set<string> {
  const words = new Set<string>();
  for (const text of texts) for (const match of text.matchAll(WORD)) words.add(match[0].toLowerCase());
  return words;
}

/**
 * Rewrites an all-capitals subhead in sentence case; other text is returned
 * unchanged (a subhead in a caseless script, or one already in mixed case).
 *
 * @example
 * toReadableCase("'VERY SPECIFIC SUBSTANCE'", new Map()) // => "'Very specific substance'"
 * toReadableCase('TALKS WITH NATO', new Map([['nato', 'NATO']])) // => 'Talks with NATO'
 */
export function toReadableCase(text: string, casing: CasingDictionary): string {
  if (text !== text.toUpperCase() || text === text.toLowerCase()) return text;
  let first = true;
  return text.replace(WORD, (word) => {
    const lower = word.toLowerCase();
    let form = casing.get(lower) ?? lower;
    if (first) form = form.charAt(0).toUpperCase() + form.slice(1);
    first = false;
    return form;
  });
}
