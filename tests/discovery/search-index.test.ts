import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { planBundles, splitEvenly } from '../../src/discovery/search-index.ts';

const sizes = (groups: unknown[][]) => groups.map((g) => g.length);

describe('splitEvenly', () => {
  it.each([
    [10_001, 5000, [3334, 3334, 3333]],
    [10_000, 5000, [5000, 5000]],
    [5000, 5000, [5000]],
    [5, 1, [1, 1, 1, 1, 1]],
    [7, 3, [3, 2, 2]],
    [0, 5000, [0]],
  ])('%i items by at most %i → %j', (count, size, expected) => {
    const items = Array.from({ length: count }, (_, i) => i);
    const groups = splitEvenly(items, size);
    expect(sizes(groups)).toEqual(expected);
    // Consecutive and complete: the groups put back together are the items.
    expect(groups.flat()).toEqual(items);
  });

  it.each([0, -1, 2.5, Number.NaN])('rejects %s pages per bundle', (size) => {
    expect(() => splitEvenly([1, 2], size)).toThrow(RangeError);
  });
});

describe('planBundles', () => {
  const page = (month: string, n: number) => `${month.replace('-', '/')}/${String((n % 28) + 1).padStart(2, '0')}/story-${n}/index.html`;
  const pages = (counts: Record<string, number>) => Object.entries(counts).flatMap(([month, count]) => Array.from({ length: count }, (_, i) => page(month, i)));

  it('packs whole months, oldest first, up to the bundle size, and splits the newest two by days into small bundles', () => {
    const counts = { '2026-01': 3, '2026-02': 2, '2026-03': 4, '2026-04': 1 };
    const plan = planBundles(pages(counts), 8);
    expect(plan.map((b) => [b.dir, b.pages.length])).toEqual([
      ['pagefind', 5],
      ['pagefind/part-2026-03', 2],
      ['pagefind/part-2026-03-03', 2],
      ['pagefind/part-2026-04', 1],
    ]);
    expect(plan.flatMap((b) => b.pages)).toEqual(pages(counts).sort());
  });

  it('splits an older month larger than a bundle by days, on its own, and puts undated pages last, unpacked', () => {
    const plan = planBundles([...pages({ '2026-01': 7, '2026-03': 1, '2026-04': 1 }), 'articles/a/index.html', 'articles/b/index.html'], 4);
    expect(plan.map((b) => [b.dir, b.pages.length])).toEqual([
      ['pagefind', 4],
      ['pagefind/part-2026-01-05', 3],
      ['pagefind/part-2026-03', 1],
      ['pagefind/part-2026-04', 1],
      ['pagefind/part-undated', 2],
    ]);
  });

  it('puts undated pages in a power-of-two number of bundles by their group, so a new group changes one', () => {
    const undated = (group: string, n: number) => Array.from({ length: n }, (_, i) => `articles/${group}-${i}/index.html`);
    const groupOf = (page: string) => page.split('/')[1]!.split('-')[0]!;
    const before = planBundles([...undated('f1', 4), ...undated('f2', 4), ...undated('f3', 4)], 5, groupOf);
    expect(before.map((b) => b.dir)).toEqual(expect.arrayContaining([expect.stringMatching(/^pagefind(\/part-undated-\d-of-4)?$/)]));
    expect(before.flatMap((b) => b.pages).sort()).toEqual([...undated('f1', 4), ...undated('f2', 4), ...undated('f3', 4)].sort());
    const after = planBundles([...undated('f1', 4), ...undated('f2', 4), ...undated('f3', 4), ...undated('f4', 2)], 5, groupOf);
    const changed = after.filter((b) => JSON.stringify(before.find((o) => o.dir === b.dir)?.pages) !== JSON.stringify(b.pages));
    expect(changed).toHaveLength(1);
  });

  it("orders an undated bundle's pages by group, then path, so a group's pages are together", () => {
    // Paths whose order interleaves the groups: a new file's stories would land between older ones.
    const pagesOf = { f1: ['articles/b/index.html', 'articles/d/index.html'], f2: ['articles/a/index.html', 'articles/e/index.html'], f3: ['articles/c/index.html'] };
    const groupOf = (page: string) => Object.entries(pagesOf).find(([, list]) => list.includes(page))![0];
    const all = Object.values(pagesOf).flat();
    const plan = planBundles([...all, ...pages({ '2026-01': 3 })], 2, groupOf);
    const undated = plan.filter((b) => b.pages.some((p) => p.startsWith('articles/')));
    for (const bundle of undated) {
      const groups = bundle.pages.map(groupOf);
      expect(groups).toEqual([...groups].sort());
      for (const group of new Set(groups)) expect(bundle.pages.filter((p) => groupOf(p) === group)).toEqual(pagesOf[group as keyof typeof pagesOf]);
    }
    expect(undated.flatMap((b) => b.pages).sort()).toEqual([...all].sort());
    // One bucket (every undated page in one bundle): the groups in order.
    expect(planBundles([...all, ...pages({ '2026-01': 8 })], 10, groupOf).find((b) => b.dir.endsWith('undated'))?.pages).toEqual(Object.values(pagesOf).flat());
  });

  it('keeps every bundle but the last when the newest day gains pages (a day of news re-indexes one bundle)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 2, max: 12 }), (counts, added, size) => {
        const months = Object.fromEntries(counts.map((c, i) => [`2025-${String(i + 1).padStart(2, '0')}`, c]));
        const before = planBundles(pages(months), size);
        const last = `2025-${String(counts.length).padStart(2, '0')}`;
        const after = planBundles(pages({ ...months, [last]: months[last]! + added }), size);
        // Every bundle before the one holding the newest month's pages is unchanged.
        const touched = before.findIndex((b) => b.pages.some((p) => p.startsWith(last.replace('-', '/'))));
        expect(after.slice(0, touched)).toEqual(before.slice(0, touched));
      }),
      { numRuns: 300 },
    );
  });
});

describe('the search vocabulary', () => {
  it('holds every word of the texts once, lowercased, with the pieces of punctuated tokens and those pieces joined', async () => {
    const { vocabularyOf } = await import('../../src/discovery/search-vocabulary.ts');
    expect(vocabularyOf(['Talks resume in Kyiv.', 'U.S. talks', '“Covid-19” rules'])).toBe('19 covid covid-19 covid19 in kyiv resume rules s talks u u.s us');
    expect(vocabularyOf(['«Привет», — сказал он.'])).toBe('он привет сказал');
    expect(vocabularyOf([' ', '—'])).toBe('');
  });

  it('cuts each distinct token once and gives what cutting every token gives', async () => {
    const { vocabularyOf } = await import('../../src/discovery/search-vocabulary.ts');
    // The plain version: every token of every text cut into its words.
    const everyToken = (texts: string[]) => {
      const words = new Set<string>();
      for (const text of texts) {
        for (const token of text.toLowerCase().split(/\s+/u)) {
          const trimmed = token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
          if (!trimmed) continue;
          words.add(trimmed);
          const pieces = trimmed.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
          if (pieces.length > 1) {
            for (const piece of pieces) words.add(piece);
            words.add(pieces.join(''));
          }
        }
      }
      return [...words].sort().join(' ');
    };
    // Few characters, so that tokens repeat within and across texts.
    const char = fc.constantFrom(...'aAzΣσςİДдك19.,-\'“”«»— \t\n\u00a0\u2009');
    fc.assert(
      fc.property(fc.array(fc.string({ unit: char, maxLength: 40 }), { maxLength: 8 }), (texts) => {
        expect(vocabularyOf(texts)).toBe(everyToken(texts));
      }),
      { numRuns: 500 },
    );
  });
});
