/**
 * Editing slips and scrape variants applied to generated feeds: whatever the
 * damage, the parser finds the same articles (headline, photos, body) as in
 * the clean feed, never merges two, accounts for every line, and names the
 * damaged place in a warning exactly where the damage is one that an editor
 * should hear about.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type GeneratedArticle, generateArticles } from '../../bench/generate.ts';
import { parseFeed } from '../../src/parser/index.ts';
import { unaccountedLines } from './accounting.ts';

/** Damage to one article of a feed, and what the parser must say about it. */
const DAMAGES = [
  'none',
  'delete-marker',
  'no-blank-lines-around-marker',
  'edit-first-headline',
  'edit-second-headline',
  'edit-caption-copy',
  'captions-once',
  'no-blank-before-next-headline',
  'repeated-paragraph',
  'no-second-copy',
] as const;
type Damage = (typeof DAMAGES)[number];

/** The rule of the warning each damage must raise, or null for a harmless variant. */
const RULE: Record<Damage, string | null> = {
  none: null,
  'delete-marker': 'missing-marker',
  'no-blank-lines-around-marker': null,
  'edit-first-headline': 'headline-mismatch',
  'edit-second-headline': 'headline-mismatch',
  'edit-caption-copy': 'caption-mismatch',
  'captions-once': null,
  'no-blank-before-next-headline': null,
  'repeated-paragraph': null,
  'no-second-copy': 'missing-header-copy',
};

/** A headline with one word changed, as an editor fixing a typo would. */
function editHeadline(headline: string): string {
  const words = headline.split(' ');
  const k = words.findIndex((w) => /^[A-Z][a-z]{3,}$/.test(w));
  words[k < 0 ? 0 : k] = k < 0 ? `${words[0]}s` : `${words[k]!.slice(0, -1)}x`;
  return words.join(' ');
}

interface Expected {
  headline: string;
  images: { caption: string; credit: string | null; date: string | null }[];
  body: { type: string; text: string }[];
}

/**
 * Renders the articles in the scrape's format with `damage` applied to the
 * article at `target`; returns the text, the expected records and the line
 * at which the damage's warning must stand.
 */
function render(articles: readonly GeneratedArticle[], target: number, damage: Damage, editAt: number) {
  const lines: string[] = [];
  const expected: Expected[] = [];
  let warnLine = 0;
  articles.forEach((a, k) => {
    const hit = k === target ? damage : 'none';
    const expect: Expected = { headline: a.headline, images: a.images.map(({ caption, credit, date }) => ({ caption, credit, date })), body: a.body.map(({ type, text }) => ({ type, text })) };
    const copies = hit === 'captions-once' ? 1 : 2;
    const captions = (copy: number) =>
      a.images.flatMap((image, i) =>
        Array.from({ length: copies }, (_, c) => {
          const edited = hit === 'edit-caption-copy' && i === 0 && copy * copies + c === editAt % (2 * copies);
          return edited ? `${image.raw.slice(0, 4)}${image.raw.slice(4, 5) === 'x' ? 'y' : 'x'}${image.raw.slice(5)}` : image.raw;
        }),
      );
    const first = hit === 'edit-first-headline' ? editHeadline(a.headline) : a.headline;
    const second = hit === 'edit-second-headline' ? editHeadline(a.headline) : a.headline;
    if (hit === 'edit-second-headline') expect.headline = second;
    const tight = hit === 'no-blank-lines-around-marker';
    const start = lines.length;
    lines.push(first, '', ...captions(0));
    if (hit === 'no-second-copy') {
      warnLine = start + 1;
      lines.push('');
    } else {
      if (hit !== 'delete-marker') lines.push('TT');
      if (!tight) lines.push('');
      if (hit === 'delete-marker') warnLine = lines.length + 1;
      if (hit === 'edit-first-headline' || hit === 'edit-second-headline') warnLine = start + 1;
      lines.push(second, '', ...captions(1));
      if (!tight) lines.push('');
    }
    if (hit === 'edit-caption-copy') {
      const copy = editAt % (2 * copies);
      warnLine = start + 3 + (copy < copies ? copy : 2 * a.images.length + 4 + (copy - copies));
    }
    const body = a.body.map((b) => b.text);
    if (hit === 'repeated-paragraph') {
      const p = body.findIndex((text, i) => i > 0 && a.body[i]!.type === 'paragraph');
      const repeat = body[Math.max(p, 0)]!;
      body.push(repeat);
      expect.body.push({ type: 'paragraph', text: repeat });
    }
    for (const text of body) lines.push(text, '');
    lines.pop();
    if (k < articles.length - 1 && !(k + 1 === target && damage === 'no-blank-before-next-headline')) lines.push('', '', '');
    expected.push(expect);
  });
  return { text: lines.join('\n') + '\n', expected, warnLine };
}

const simplify = (r: ReturnType<typeof parseFeed>) =>
  r.articles.map((a) => ({ headline: a.headline, images: a.images.map(({ caption, credit, date }) => ({ caption, credit, date })), body: a.body.map(({ type, text }) => ({ type, text })) }));

/** Whether a damage applies to an article: some need photos, or a body to repeat. */
function applies(damage: Damage, a: GeneratedArticle, target: number): boolean {
  if (damage === 'edit-caption-copy' || damage === 'no-second-copy') return a.images.length > 0 && a.dir === 'ltr';
  if (damage === 'no-blank-before-next-headline') return target > 0;
  if (damage === 'edit-first-headline' || damage === 'edit-second-headline') return a.dir === 'ltr';
  return true;
}

describe('damaged feeds', () => {
  const cases = fc.record({
    seed: fc.integer({ min: 1, max: 1_000_000 }),
    count: fc.integer({ min: 1, max: 6 }),
    target: fc.nat(),
    damage: fc.constantFrom(...DAMAGES),
    editAt: fc.nat(),
  });

  it('gives the clean feed’s articles, accounts for every line, and warns where an editor must act', () => {
    fc.assert(
      fc.property(cases, ({ seed, count, target: t, damage, editAt }) => {
        const articles = generateArticles({ articles: count, seed });
        const target = t % count;
        fc.pre(applies(damage, articles[target]!, target));
        const { text, expected, warnLine } = render(articles, target, damage, editAt);
        const result = parseFeed({ file: 'damaged.txt', text });
        expect(simplify(result)).toEqual(expected);
        expect(unaccountedLines(text, result)).toEqual([]);
        const rule = RULE[damage];
        expect(result.diagnostics.map((d) => [d.rule, d.line])).toEqual(rule === null ? [] : [[rule, warnLine]]);
      }),
      { numRuns: 600 },
    );
  });

  it('survives several damages in one feed, with clean articles between them', () => {
    const several = fc.record({ seed: fc.integer({ min: 1, max: 1_000_000 }), damages: fc.array(fc.constantFrom(...DAMAGES), { minLength: 2, maxLength: 4 }), editAt: fc.nat() });
    fc.assert(
      fc.property(several, ({ seed, damages, editAt }) => {
        // Every second article is damaged: a clean one between each two.
        const articles = generateArticles({ articles: damages.length * 2 + 1, seed });
        let text = '';
        const expected: Expected[] = [];
        const rules: string[] = [];
        for (let k = 0; k < articles.length; k++) {
          const damage = k % 2 === 1 ? damages[(k - 1) / 2]! : 'none';
          const usable = applies(damage, articles[k]!, k) && damage !== 'no-blank-before-next-headline' ? damage : 'none';
          const part = render([articles[k]!], 0, usable, editAt);
          text += part.text + '\n\n';
          expected.push(...part.expected);
          if (RULE[usable]) rules.push(RULE[usable]!);
        }
        const result = parseFeed({ file: 'damaged.txt', text });
        expect(simplify(result)).toEqual(expected);
        expect(unaccountedLines(text, result)).toEqual([]);
        expect(result.diagnostics.map((d) => d.rule)).toEqual(rules);
      }),
      { numRuns: 150 },
    );
  });
});
