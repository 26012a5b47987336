/** The word lists as the installed compromise gives them, for the test and `npm run word-tags`. */
import { createRequire } from 'node:module';
import { wordTagListsOf, type Lexicon, type WordTagLists } from '../../src/discovery/word-tags.ts';

export function compromiseWordTagLists(): WordTagLists {
  const require = createRequire(import.meta.url);
  const compromise = require('compromise') as { version: string; model(): { one: { lexicon: Lexicon } } };
  return wordTagListsOf(compromise.model().one.lexicon, `compromise ${compromise.version}, its lexicon (MIT licence): npm run word-tags`);
}

/** The file's text: one list per line, so that a diff after an upgrade is readable by list. */
export function wordTagsJson(lists: WordTagLists): string {
  const entries = Object.entries(lists).map(([key, value]) => `  ${JSON.stringify(key)}: ${JSON.stringify(value)}`);
  return `{\n${entries.join(',\n')}\n}\n`;
}
