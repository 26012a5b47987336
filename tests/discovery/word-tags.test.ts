/**
 * The shipped word lists (src/discovery/word-tags.json) are what the
 * installed compromise's lexicon gives, whole; and each question asked of
 * a word answers as compromise's tags say.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { shippedWordTags, WORD_TAGS_FILE, wordTags, wordTagListsOf } from '../../src/discovery/word-tags.ts';
import { compromiseLexicon, compromiseWordTagLists, wordTagsJson } from './word-tags-source.ts';

describe('word tags', () => {
  it('ships the lists of the installed compromise (npm run word-tags writes them)', () => {
    expect(readFileSync(WORD_TAGS_FILE, 'utf8')).toBe(wordTagsJson(compromiseWordTagLists()));
  });

  it('answers for every word as its tags in compromise do', () => {
    const { lexicon } = compromiseLexicon();
    const tags = shippedWordTags();
    let checked = 0;
    for (const [word, value] of Object.entries(lexicon)) {
      if (/\s/.test(word)) continue;
      const list: readonly string[] = typeof value === 'string' ? [value] : value;
      // Capitalised, as entities.ts asks (the lists are lower case), where that lower-cases back ('µg' does not).
      const capitalised = word.charAt(0).toUpperCase() + word.slice(1);
      const asked = capitalised.toLowerCase() === word ? capitalised : word;
      const answers = [tags.isGivenName(asked), tags.isFamilyName(asked), tags.isKnownOrganisation(asked), tags.isKnownPlace(asked), tags.hasOtherTag(asked), tags.isKnown(asked)];
      const expected = [
        list.some((t) => t === 'FirstName' || t === 'MaleName' || t === 'FemaleName'),
        list.includes('LastName'),
        list.includes('Organization'),
        list.some((t) => t === 'City' || t === 'Country' || t === 'Place' || t === 'Region'),
        list.some((t) => t !== 'LastName'),
        list.length > 0,
      ];
      if (JSON.stringify(answers) !== JSON.stringify(expected)) expect({ word, answers }).toEqual({ word, answers: expected });
      checked++;
    }
    expect(checked).toBeGreaterThan(20_000);
    expect(tags.isKnown('Zzyzxqv')).toBe(false);
  });

  it('leaves phrases out and keeps a word in one of the exclusive lists', () => {
    const lists = wordTagListsOf({ anna: ['FemaleName', 'LastName'], 'new york': 'City', run: 'Infinitive', smith: 'LastName', un: ['Organization', 'Acronym'] }, 'test');
    expect(lists).toEqual({ source: 'test', given: ['anna'], family: ['anna', 'smith'], organisation: ['un'], place: [], other: ['run'] });
    const tags = wordTags(lists);
    expect([tags.hasOtherTag('Smith'), tags.isKnown('Smith'), tags.hasOtherTag('Anna'), tags.isKnown('New')]).toEqual([false, true, true, false]);
  });
});
