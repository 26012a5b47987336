/**
 * What `entities.ts` asks of a word: is it a given name, a family name, a
 * known organisation, a place, or known to the dictionary at all. The
 * answers come from `compromise`'s lexicon (its word list, MIT licence),
 * reduced to these five lists and shipped as `word-tags.json`: loading
 * compromise itself, to read its list, was a large part of every build
 * that had a new article to read, and the reduced lists load in a small
 * fraction of that (docs/performance.md has the figures).
 *
 * `tests/discovery/word-tags.test.ts` derives the lists from the installed
 * compromise and compares them with the shipped file, whole; after an
 * upgrade of compromise, `npm run word-tags` writes the file again.
 */
import { readFileSync } from 'node:fs';

/** compromise's lexicon: a lower-case word or phrase → its tag or tags. */
export type Lexicon = Readonly<Record<string, string | readonly string[]>>;

/** The shipped file: sorted lists of lower-case words. */
export interface WordTagLists {
  source: string;
  /** Tagged FirstName, MaleName or FemaleName. */
  given: string[];
  /** Tagged LastName. */
  family: string[];
  /** Tagged Organization. */
  organisation: string[];
  /** Tagged City, Country, Place or Region. */
  place: string[];
  /** Words with some other tag than LastName that are in none of the lists above. */
  other: string[];
}

const GIVEN = new Set(['FirstName', 'MaleName', 'FemaleName']);
const PLACE = new Set(['City', 'Country', 'Place', 'Region']);

/**
 * Reduces a lexicon to the lists. Phrases (keys with a space) are left out:
 * `entities.ts` looks up single words only.
 *
 * @example
 * wordTagListsOf({ anna: 'FemaleName', smith: 'LastName', 'new york': 'City' }, 'test').given // => ['anna']
 */
export function wordTagListsOf(lexicon: Lexicon, source: string): WordTagLists {
  const lists: WordTagLists = { source, given: [], family: [], organisation: [], place: [], other: [] };
  for (const word of Object.keys(lexicon).sort()) {
    if (/\s/.test(word)) continue;
    const value = lexicon[word]!;
    const tags: readonly string[] = typeof value === 'string' ? [value] : value;
    const given = tags.some((t) => GIVEN.has(t));
    const organisation = tags.includes('Organization');
    const place = tags.some((t) => PLACE.has(t));
    if (given) lists.given.push(word);
    if (tags.includes('LastName')) lists.family.push(word);
    if (organisation) lists.organisation.push(word);
    if (place) lists.place.push(word);
    if (!given && !organisation && !place && tags.some((t) => t !== 'LastName')) lists.other.push(word);
  }
  return lists;
}

/** The questions asked of a word (lower-cased first). */
export interface WordTags {
  isGivenName(word: string): boolean;
  isFamilyName(word: string): boolean;
  isKnownOrganisation(word: string): boolean;
  isKnownPlace(word: string): boolean;
  /** Has a tag other than LastName (a given name, a verb, a city…). */
  hasOtherTag(word: string): boolean;
  /** Has any tag. */
  isKnown(word: string): boolean;
}

/** The shipped file, next to this module. */
export const WORD_TAGS_FILE = new URL('./word-tags.json', import.meta.url);

/**
 * @example
 * wordTags(wordTagListsOf({ anna: 'FemaleName' }, 'test')).isGivenName('Anna') // => true
 */
export function wordTags(lists: WordTagLists): WordTags {
  const given = new Set(lists.given);
  const family = new Set(lists.family);
  const organisation = new Set(lists.organisation);
  const place = new Set(lists.place);
  const other = new Set(lists.other);
  const hasOtherTag = (w: string) => given.has(w) || organisation.has(w) || place.has(w) || other.has(w);
  return {
    isGivenName: (word) => given.has(word.toLowerCase()),
    isFamilyName: (word) => family.has(word.toLowerCase()),
    isKnownOrganisation: (word) => organisation.has(word.toLowerCase()),
    isKnownPlace: (word) => place.has(word.toLowerCase()),
    hasOtherTag: (word) => hasOtherTag(word.toLowerCase()),
    isKnown: (word) => {
      const w = word.toLowerCase();
      return family.has(w) || hasOtherTag(w);
    },
  };
}

let shipped: WordTags | null = null;

/** The shipped lists, read on first use: a build whose articles' names are all kept from the last one never reads them. */
export function shippedWordTags(): WordTags {
  shipped ??= wordTags(JSON.parse(readFileSync(WORD_TAGS_FILE, 'utf8')) as WordTagLists);
  return shipped;
}
