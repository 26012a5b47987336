/** Small per-article facts shown next to the headline and in lists. */

/** Adult silent-reading speed for non-fiction, words per minute. */
const WORDS_PER_MINUTE = 230;

/**
 * Whole minutes to read an article, at least one.
 *
 * @example
 * readingMinutes(700) // => 3
 */
export function readingMinutes(wordCount: number): number {
  return Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE));
}

const SCRIPT_LANGUAGES: [RegExp, string][] = [
  [/[\u0590-\u05FF]/u, 'he'],
  [/[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF]/u, 'ar'],
];

/**
 * A language guess for right-to-left text whose feed did not name one, so
 * the page's `lang` is not left claiming the site's (left-to-right) language.
 *
 * @example
 * guessRtlLanguage('إيران تحذر') // => 'ar'
 */
export function guessRtlLanguage(text: string): string | null {
  for (const [script, language] of SCRIPT_LANGUAGES) if (script.test(text)) return language;
  return null;
}

/**
 * The writing direction of a language, from the runtime's locale data.
 *
 * @example
 * languageDirection('ar-EG') // => 'rtl'
 * languageDirection('en') // => 'ltr'
 */
export function languageDirection(tag: string): 'ltr' | 'rtl' {
  try {
    const info = (new Intl.Locale(tag) as Intl.Locale & { textInfo?: { direction?: string } }).textInfo;
    return info?.direction === 'rtl' ? 'rtl' : 'ltr';
  } catch {
    return 'ltr';
  }
}
