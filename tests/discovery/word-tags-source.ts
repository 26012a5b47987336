/** The word lists as the installed compromise gives them, for the test and `npm run word-tags`. */
import { createRequire } from 'node:module';
import { wordTagListsOf, type Lexicon, type WordTagLists } from '../../src/discovery/word-tags.ts';

/** The installed compromise: its version and its lexicon. */
export function compromiseLexicon(): { version: string; lexicon: Lexicon } {
  const compromise = createRequire(import.meta.url)('compromise') as { version: string; model(): { one: { lexicon: Lexicon } } };
  return { version: compromise.version, lexicon: compromise.model().one.lexicon };
}

export function compromiseWordTagLists(): WordTagLists {
  const { version, lexicon } = compromiseLexicon();
  return wordTagListsOf(lexicon, `compromise ${version}, its lexicon (MIT licence): npm run word-tags`);
}

/** The file's text: one list per line, so that a diff after an upgrade is readable by list. */
export function wordTagsJson(lists: WordTagLists): string {
  const entries = Object.entries(lists).map(([key, value]) => `  ${JSON.stringify(key)}: ${JSON.stringify(value)}`);
  return `{\n${entries.join(',\n')}\n}\n`;
}
