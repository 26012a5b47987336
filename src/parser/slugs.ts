import { createRequire } from 'node:module';
import type { transliterate as Transliterate } from 'transliteration';
/** Longest slug kept; longer ones are cut at a word boundary. */
const MAX_SLUG = 80;

const NON_ASCII = /[^\u0000-\u007F]/;
/** An apostrophe inside a word ("Parliament's", "don’t"): dropped, so it does not split the word. */
const APOSTROPHE = /(?<=\p{L})['’ʼ](?=\p{L})/gu;
/**
 * `transliteration` drops Arabic's long vowels and hamza seats (انفجار →
 * "nfjr"); these give the romanisation readers expect (→ "anfjar").
 */
const ARABIC_VOWELS: Readonly<Record<string, string>> = {
  'ا': 'a', 'أ': 'a', 'إ': 'i', 'آ': 'a', 'ة': 'a', 'ى': 'a', 'ؤ': 'u', 'ئ': 'i', 'ء': '', 'ع': 'a',
};

/**
 * `transliteration`, loaded on first use: its tables cost every process
 * that imports the parser a noticeable start (docs/performance.md), and
 * only headlines in other scripts need them.
 */
let transliterator: { transliterate: typeof Transliterate } | null = null;
const transliterate = (text: string, options: Parameters<typeof Transliterate>[1]): string =>
  (transliterator ??= createRequire(import.meta.url)('transliteration') as { transliterate: typeof Transliterate }).transliterate(text, options);

/** Scripts without Latin letters (Arabic, Cyrillic, Greek, CJK…) are transliterated. */
const NON_LATIN_LETTER = /(?![\p{Script=Latin}])\p{L}/u;

/**
 * Makes a URL-safe slug (`a-z`, `0-9` and `-`) from a headline. Latin
 * accents are folded ("Café" → "cafe"). A headline with no Latin letters or
 * digits (Arabic, Chinese…) is transliterated to Latin letters; one that
 * still gives no usable slug gets `article-` and a short stable hash of the
 * headline, so the slug is never empty and never changes between builds.
 * Apostrophes inside words are dropped ("Parliament's" → `parliaments`).
 *
 * @example
 * slugify('26 Nations Vow to Give Ukraine Postwar Security Guarantees, Macron Says')
 * // => '26-nations-vow-to-give-ukraine-postwar-security-guarantees-macron-says'
 * slugify("Parliament's Vote") // => 'parliaments-vote'
 * slugify('انفجار في مصنع') // => 'anfjar-fy-msna'
 */
export function slugify(headline: string): string {
  const words = headline.replace(APOSTROPHE, '');
  let folded = NON_ASCII.test(words) ? foldNonAscii(words) : foldAscii(words);
  // A headline mostly in another script: its words in Latin letters
  // (`transliteration`), so the slug stays readable. ASCII slugs, not IRIs:
  // see docs/feed-format.md, "Slugs".
  if (NON_LATIN_LETTER.test(words) && folded.replace(/[^a-z]/g, '').length * 2 < letterCount(words)) {
    const latin = foldNonAscii(transliterate(words, { replace: ARABIC_VOWELS }));
    if (latin.replace(/-/g, '').length >= 3) folded = latin;
  }
  if (folded === '') return `article-${hash(headline)}`;
  if (folded.length <= MAX_SLUG) return folded;
  const cut = folded.slice(0, MAX_SLUG + 1);
  const boundary = cut.lastIndexOf('-');
  return boundary > 0 ? cut.slice(0, boundary) : folded.slice(0, MAX_SLUG);
}

function letterCount(text: string): number {
  return text.replace(/[^\p{L}]/gu, '').length;
}

/**
 * Accents folded (NFKD, then marks dropped), lower case, runs of anything
 * else one `-`, none at the ends. Exported as the reference `foldAscii` is
 * tested against.
 */
export function foldNonAscii(headline: string): string {
  return headline
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ß]/gu, 'ss')
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-|-$/gu, '');
}

/**
 * `foldNonAscii` for an ASCII headline, where folding accents and `ß`
 * change nothing: lower case, the runs, and the ends cut by character code
 * instead of a regex pass.
 */
function foldAscii(headline: string): string {
  const dashed = headline.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const start = dashed.charCodeAt(0) === 0x2d ? 1 : 0;
  const end = dashed.length > start && dashed.charCodeAt(dashed.length - 1) === 0x2d ? dashed.length - 1 : dashed.length;
  return start === 0 && end === dashed.length ? dashed : dashed.slice(start, end);
}

/**
 * Gives each slug a numeric suffix when an earlier one already took it
 * (`x`, `x-2`, `x-3`), in input order, so the result is deterministic.
 *
 * @example
 * uniqueSlugs(['a', 'a', 'a-2']) // => ['a', 'a-2', 'a-2-2']
 */
export function uniqueSlugs(slugs: readonly string[]): string[] {
  const taken = new Set<string>();
  // Where each base slug's suffix search resumes: many equal headlines stay linear.
  const nextSuffix = new Map<string, number>();
  return slugs.map((slug) => {
    let n = nextSuffix.get(slug) ?? 1;
    let candidate = n === 1 ? slug : `${slug}-${n}`;
    while (taken.has(candidate)) candidate = `${slug}-${++n}`;
    nextSuffix.set(slug, n + 1);
    taken.add(candidate);
    return candidate;
  });
}

/** FNV-1a, 32 bits: small, stable across runs and platforms. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (const char of text) {
    h ^= char.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
