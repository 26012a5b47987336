/**
 * People and organisations as topics, measured: 21 hand-labelled articles
 * (tests/discovery/fixtures/entities/<name>/input.txt → expected.json: the
 * people and organisations a reader would say each names), and the rules
 * that merge and resolve names across articles.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findEntities } from '../../src/discovery/entities.ts';
import { entityTopicsOf, type EntityArticle } from '../../src/discovery/entity-topics.ts';
import { buildGazetteer } from '../../src/discovery/place-names.ts';

const gazetteer = buildGazetteer();
const FIXTURES = join(import.meta.dirname, 'fixtures', 'entities');

const articleOf = (slug: string, text: string): EntityArticle => {
  const [headline = '', ...paragraphs] = text.trimEnd().split('\n');
  return { slug, headline, body: paragraphs.map((p) => ({ type: 'paragraph', text: p })) };
};

describe('precision and recall on the labelled articles', () => {
  const cases = readdirSync(FIXTURES).sort().map((name) => ({
    name,
    article: articleOf(name, readFileSync(join(FIXTURES, name, 'input.txt'), 'utf8')),
    expected: JSON.parse(readFileSync(join(FIXTURES, name, 'expected.json'), 'utf8')) as { people: string[]; organisations: string[] },
  }));

  it('finds the people and organisations of 21 articles with precision at least 0.9', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
    let truePositives = 0, predicted = 0, expectedCount = 0;
    const lines: string[] = [];
    for (const { name, article, expected } of cases) {
      // Each article alone, every entity kept: the finder's own output, not the archive's threshold.
      const found = entityTopicsOf([article], gazetteer, { settings: { minArticles: 1 } }).byArticle.get(name) ?? [];
      const got = new Set(found.map((e) => `${e.kind}:${e.name}`));
      const want = new Set([...expected.people.map((p) => `person:${p}`), ...expected.organisations.map((o) => `organisation:${o}`)]);
      const hits = [...got].filter((g) => want.has(g)).length;
      truePositives += hits;
      predicted += got.size;
      expectedCount += want.size;
      const wrong = [...got].filter((g) => !want.has(g));
      const missed = [...want].filter((w) => !got.has(w));
      if (wrong.length || missed.length) lines.push(`  ${name}: wrong ${JSON.stringify(wrong)}, missed ${JSON.stringify(missed)}`);
    }
    const precision = truePositives / predicted;
    const recall = truePositives / expectedCount;
    process.stdout.write(`entities on ${cases.length} labelled articles: precision ${precision.toFixed(3)} (${truePositives}/${predicted}), recall ${recall.toFixed(3)} (${truePositives}/${expectedCount})\n${lines.join('\n')}\n`);
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(recall).toBeGreaterThanOrEqual(0.75);
  });
});

describe('findEntities', () => {
  it('takes titles and possessives off, and reads acronyms as organisations', () => {
    const found = findEntities(["Russian President Vladimir Putin's envoy met NATO Secretary General Mark Rutte on Sunday."], gazetteer);
    expect(found.map((e) => [e.name, e.kind])).toEqual(expect.arrayContaining([['Vladimir Putin', 'person'], ['NATO', 'organisation'], ['Mark Rutte', 'person']]));
    expect(found.map((e) => e.name)).not.toContain('Sunday');
  });

  it('finds no entity in place names, weekdays, titles alone or capitalised sentence openings', () => {
    const found = findEntities(['The President said on Sunday that Photo staff in Paris and Moscow were safe. Authorities in Kenya agreed. On Monday the Minister spoke.'], gazetteer);
    expect(found).toEqual([]);
  });
});

describe('entityTopicsOf', () => {
  const a = articleOf('a', 'Headline\nUkrainian President Volodymyr Zelenskiy met Donald Trump. Zelenskiy said talks went well.');
  const b = articleOf('b', 'Headline\nPresident Volodymyr Zelensky spoke in Kyiv on Friday.');
  const c = articleOf('c', 'Headline\nTrump said on Monday the talks would go on, Reuters reported.');

  it('merges spellings of one name and resolves family names to the full name', () => {
    const { byArticle } = entityTopicsOf([a, b, c], gazetteer);
    expect(byArticle.get('a')?.map((e) => e.name)).toEqual(['Volodymyr Zelenskiy', 'Donald Trump']);
    expect(byArticle.get('b')?.map((e) => e.name)).toEqual(['Volodymyr Zelenskiy']);
    // "Trump" alone is the archive's one Trump; Reuters is named by one article: below the default of two.
    expect(byArticle.get('c')?.map((e) => e.name)).toEqual(['Donald Trump']);
    const one = entityTopicsOf([a, b, c], gazetteer, { settings: { minArticles: 1 } }).byArticle;
    expect(one.get('c')?.map((e) => e.name).sort()).toEqual(['Donald Trump', 'Reuters']);
  });

  it('applies the editor\'s aliases, suppressions and added topics', () => {
    const { byArticle } = entityTopicsOf([a, b, c], gazetteer, {
      settings: {
        minArticles: 1,
        topics: {
          'Volodymyr Zelensky': { aliases: ['Volodymyr Zelenskiy'] },
          'Donald Trump': { suppress: true },
          'Peace talks': { kind: 'organisation', aliases: ['talks'] },
        },
      },
    });
    expect(byArticle.get('a')?.map((e) => e.name)).toEqual(['Volodymyr Zelensky', 'Peace talks']);
    expect(byArticle.get('c')?.map((e) => e.name)).toEqual(['Peace talks', 'Reuters']);
  });
});

describe('fast paths', () => {
  it('startsCapitalised agrees with the Unicode rule on every word', async () => {
    const fc = (await import('fast-check')).default;
    const { startsCapitalised, startsCapitalisedReference } = await import('../../src/discovery/entities.ts');
    fc.assert(fc.property(fc.string({ maxLength: 6 }), (w) => startsCapitalised(w) === startsCapitalisedReference(w)), { numRuns: 5000 });
    for (const w of ['Élysée', 'élysée', 'Ω', 'ω', 'ب', '1st', '', '"Quote']) expect(startsCapitalised(w)).toBe(startsCapitalisedReference(w));
  });

  it('wordsOf splits every text as the Unicode tokenizer does', async () => {
    const fc = (await import('fast-check')).default;
    const { wordsOf, wordsOfReference } = await import('../../src/discovery/entities.ts');
    const pieces = fc.constantFrom('A', 'z', 'NATO', "O'Neil", 'U.S.', 'AT&T', '&', ' ', '-', '.', ',', '(', ')', '"', '7', '1,000', '\t', "'", 'é', '’', 'Ω');
    const text = fc.oneof(fc.array(pieces, { maxLength: 25 }).map((p) => p.join('')), fc.string({ unit: 'binary-ascii', maxLength: 30 }), fc.string({ maxLength: 30 }));
    fc.assert(fc.property(text, (t) => JSON.stringify(wordsOf(t)) === JSON.stringify(wordsOfReference(t))), { numRuns: 5000 });
  });
});
