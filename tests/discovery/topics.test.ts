import { describe, expect, it } from 'vitest';
import { buildGazetteer } from '../../src/discovery/place-names.ts';
import { articleTopics, findPlaceMentions, indexTopics, slugifyTopic } from '../../src/discovery/topics.ts';
import { article, seedArticles } from './helpers.ts';

const gazetteer = buildGazetteer();
const countries = (text: string) => findPlaceMentions(text, gazetteer).map((m) => m.country);

describe('findPlaceMentions', () => {
  it.each([
    ['names, demonyms and capitals', 'Russian troops left Moscow; Iranian envoys flew to Tehran.', ['RU', 'RU', 'IR', 'IR']],
    ['possessives and hyphenated compounds', "Ukraine's allies and the Russia-Ukraine talks", ['UA', 'RU', 'UA']],
    ['the longest alias wins', 'Papua New Guinea and South Sudan, not Guinea or Sudan', ['PG', 'SS', 'GN', 'SD']],
    ['phrases that only contain a country', 'Inner Mongolia borders the Indian Ocean? Latin American leaders', []],
    ['acronyms are case-sensitive', 'US officials told us; the UAE and the UK agreed', ['US', 'AE', 'GB']],
    ['no acronyms in ALL-CAPS text', 'LET US TALK ABOUT IRAN', ['IR']],
    ['two-letter codes are ordinary words', 'IT is IN the news', []],
    ['lower-case words are not names', 'fine china and a roast turkey', []],
    ['official names and common English names', "the People's Republic of China, Turkey and Britain", ['CN', 'TR', 'GB']],
    ['the sovereign state wins a shared demonym', 'American voters', ['US']],
    ['Arabic and Persian names, with joined prepositions', 'إيران تحذر الولايات المتحدة وروسيا وللصين؛ ایران', ['IR', 'US', 'RU', 'CN', 'IR']],
    ['Arabic words that only look like names', 'دعم مالي من عمان', []],
    ['plural demonyms and dotted abbreviations', 'Iranians and Iraqis met U.S. and U.K. envoys; Saudis too', ['IR', 'IQ', 'US', 'GB', 'SA']],
  ])('%s', (_name, text, expected) => {
    expect(countries(text)).toEqual(expected);
  });
});

describe('articleTopics', () => {
  it('needs corroboration for names that are also given names', () => {
    const jordan = article('j', { headline: 'Michael Jordan retires', body: [] });
    expect(articleTopics(jordan, gazetteer)).toEqual([]);
    const amman = article('a', { headline: 'Jordan votes', body: [{ type: 'paragraph', text: 'Polls closed in Amman.', line: 2 }] });
    expect(articleTopics(amman, gazetteer).map((t) => t.name)).toEqual(['Jordan']);
  });

  it('keeps a country mentioned in the headline and drops passing mentions', () => {
    const a = article('x', {
      headline: 'Peru elects a president',
      body: [
        { type: 'paragraph', text: 'Voters in Lima chose a new leader.', line: 2 },
        { type: 'paragraph', text: 'A Chilean observer attended.', line: 3 },
      ],
    });
    expect(articleTopics(a, gazetteer).map((t) => t.slug)).toEqual(['peru']);
  });

  it('puts editor topics first, resolves country names, and removes with a leading -', () => {
    const a = article('x', {
      headline: 'Iran and Iraq talk energy',
      topics: ['Energy', 'russian federation', '-Iraq', 'energy'],
    });
    expect(articleTopics(a, gazetteer)).toEqual([
      { slug: 'energy', name: 'Energy', country: null, kind: 'subject' },
      { slug: 'russia', name: 'Russia', country: 'RU', kind: 'place' },
      { slug: 'iran', name: 'Iran', country: 'IR', kind: 'place' },
    ]);
  });
});

describe('indexTopics on the seed feed', () => {
  const articles = seedArticles();
  const index = indexTopics(articles, gazetteer);
  const slugOf = (word: string) => articles.find((a) => a.headline.includes(word))?.slug;

  it.each([
    ['ukraine', ['Ukraine', 'Russia:']],
    ['russia', ['Ukraine', 'Russia:']],
    ['china', ['Ukraine', 'China']],
    ['iran', ['Iran']],
  ])('files the right articles under %s', (topic, headlineWords) => {
    expect(index.articlesByTopic.get(topic)).toEqual(headlineWords.map(slugOf));
  });

  it('gives every seed article a topic and orders topics by article count', () => {
    for (const a of articles) expect(index.topicsByArticle.get(a.slug)?.length).toBeGreaterThan(0);
    const counts = index.topics.map((t) => index.articlesByTopic.get(t.slug)?.length ?? 0);
    expect(counts).toEqual([...counts].sort((x, y) => y - x));
  });
});

it.each([
  ['Türkiye', 'turkiye'],
  ['Côte d’Ivoire', 'cote-d-ivoire'],
  ['العراق', 'العراق'],
  ['!!!', 'topic'],
])('slugifyTopic(%s)', (name, slug) => expect(slugifyTopic(name)).toBe(slug));
