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
 * (where any word is capitalised).
 *
 * @example
 * learnCasing(['Talks with NATO and the US in Paris.']).get('nato') // => 'NATO'
 */
export function learnCasing(paragraphs: readonly string[]): CasingDictionary {
  const counts = new Map<string, Map<string, number>>();
  for (const text of paragraphs) {
    for (const match of text.matchAll(WORD)) {
      const before = text.slice(Math.max(0, match.index - 3), match.index);
      if (match.index === 0 || SENTENCE_END.test(before)) continue;
      const key = match[0].toLowerCase();
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
