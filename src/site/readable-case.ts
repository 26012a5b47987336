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
  const tally = (text: string, index: number, word: string, key: string) => {
    if (index === 0 || SENTENCE_END.test(text.slice(Math.max(0, index - 3), index))) return;
    const forms = counts.get(key) ?? new Map<string, number>();
    forms.set(word, (forms.get(word) ?? 0) + 1);
    counts.set(key, forms);
  };
  const lengths = wanted ? new Set(Array.from(wanted, (w) => w.length)) : null;
  for (const text of paragraphs) {
    if (wanted && lengths && !NON_ASCII.test(text)) {
      learnAsciiWords(text, wanted, lengths, tally);
      continue;
    }
    for (const match of text.matchAll(WORD)) {
      const key = match[0].toLowerCase();
      if (wanted && !wanted.has(key)) continue;
      tally(text, match.index, match[0], key);
    }
  }
  return usualForms(counts);
}

/**
 * Each word's most counted form (the first seen on a tie), from counts of
 * its forms keyed by the word in lower case.
 *
 * @example
 * usualForms(new Map([['nato', new Map([['NATO', 3], ['Nato', 1]])]])).get('nato') // => 'NATO'
 */
export function usualForms(counts: ReadonlyMap<string, ReadonlyMap<string, number>>): CasingDictionary {
  const dictionary: CasingDictionary = new Map();
  for (const [key, forms] of counts) {
    let best = key;
    let bestCount = 0;
    for (const [form, count] of forms) if (count > bestCount) [best, bestCount] = [form, count];
    dictionary.set(key, best);
  }
  return dictionary;
}

const NON_ASCII = /[^\u0000-\u007F]/;

/**
 * `WORD`'s matches in ASCII text, found by a character scan, passed to
 * `count` only when wanted. In ASCII, `WORD` is a letter followed by
 * letters, digits, `'` and `-`; a word whose length no wanted word has is
 * skipped before it is sliced and lower-cased, which is most of them. The
 * site model's largest cost at 10,000 articles was the regex version.
 */
function learnAsciiWords(
  text: string,
  wanted: ReadonlySet<string>,
  lengths: ReadonlySet<number>,
  count: (text: string, index: number, word: string, key: string) => void,
): void {
  let i = 0;
  while (i < text.length) {
    if (!isAsciiLetter(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i++;
    while (i < text.length && isAsciiWordPart(text.charCodeAt(i))) i++;
    if (!lengths.has(i - start)) continue;
    const word = text.slice(start, i);
    const key = word.toLowerCase();
    if (wanted.has(key)) count(text, start, word, key);
  }
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}

function isAsciiWordPart(c: number): boolean {
  return isAsciiLetter(c) || (c >= 0x30 && c <= 0x39) || c === 0x27 || c === 0x2d;
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
