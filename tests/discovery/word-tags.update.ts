/**
 * Writes src/discovery/word-tags.json from the installed compromise:
 * `npm run word-tags`, after upgrading compromise (word-tags.test.ts fails
 * until then).
 */
import { writeFileSync } from 'node:fs';
import { WORD_TAGS_FILE } from '../../src/discovery/word-tags.ts';
import { compromiseWordTagLists, wordTagsJson } from './word-tags-source.ts';

writeFileSync(WORD_TAGS_FILE, wordTagsJson(compromiseWordTagLists()));
process.stdout.write(`wrote ${WORD_TAGS_FILE.pathname}\n`);
