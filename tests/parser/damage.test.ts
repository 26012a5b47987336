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

/** The slips an article can suffer, alone or together. */
interface Slip {
  deleteMarker?: boolean;
  tight?: boolean;
  editFirstHeadline?: boolean;
  editSecondHeadline?: boolean;
  editCaptionCopy?: boolean;
  captionsOnce?: boolean;
  noBlankBefore?: boolean;
  repeatedParagraph?: boolean;
  noSecondCopy?: boolean;
  /** A third copy after a `TT` of its own, its headline edited: the article takes it. */
  editedThirdCopy?: boolean;
  /** Copies given before the marked two with no marker of their own (1: three copies, 2: four). */
  unmarkedCopies?: number;
}

/** Each damage the property applies; the warnings it must raise follow from its slips (see `render`). */
const DAMAGES = {
  none: {},
  'delete-marker': { deleteMarker: true },
  'no-blank-lines-around-marker': { tight: true },
  'edit-first-headline': { editFirstHeadline: true },
  'edit-second-headline': { editSecondHeadline: true },
  'edit-caption-copy': { editCaptionCopy: true },
  'captions-once': { captionsOnce: true },
  'no-blank-before-next-headline': { noBlankBefore: true },
  'repeated-paragraph': { repeatedParagraph: true },
  'no-second-copy': { noSecondCopy: true },
  'delete-marker, captions once': { deleteMarker: true, captionsOnce: true },
  'delete-marker, caption copy edited': { deleteMarker: true, editCaptionCopy: true },
  'delete-marker, second headline edited': { deleteMarker: true, editSecondHeadline: true },
  'third copy, headline edited': { editedThirdCopy: true },
  'three copies, the first marker missing': { unmarkedCopies: 1 },
  'four copies, the first two markers missing': { unmarkedCopies: 2 },
} satisfies Record<string, Slip>;
type Damage = keyof typeof DAMAGES;
const DAMAGE_NAMES = Object.keys(DAMAGES) as Damage[];

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
 * article at `target`; returns the text, the expected records and the
 * warnings (rule and line) the damage must raise, in line order.
 */
function render(articles: readonly GeneratedArticle[], target: number, damage: Damage, editAt: number) {
  const lines: string[] = [];
  const expected: Expected[] = [];
  const warnings: [string, number][] = [];
  articles.forEach((a, k) => {
    const slip: Slip = k === target ? DAMAGES[damage] : {};
    const expect: Expected = { headline: a.headline, images: a.images.map(({ caption, credit, date }) => ({ caption, credit, date })), body: a.body.map(({ type, text }) => ({ type, text })) };
    const copies = slip.captionsOnce ? 1 : 2;
    // The one caption copy an edit changes: of the first photo, the editAt-th of its copies.
    const editedCopy = slip.editCaptionCopy ? editAt % (2 * copies) : -1;
    const pushCaptions = (copy: number) => {
      a.images.forEach((image, i) => {
        for (let c = 0; c < copies; c++) {
          const edited = i === 0 && copy * copies + c === editedCopy;
          if (edited) warnings.push(['caption-mismatch', lines.length + 1]);
          lines.push(edited ? `${image.raw.slice(0, 4)}${image.raw.slice(4, 5) === 'x' ? 'y' : 'x'}${image.raw.slice(5)}` : image.raw);
        }
      });
    };
    const first = slip.editFirstHeadline ? editHeadline(a.headline) : a.headline;
    const second = slip.editSecondHeadline ? editHeadline(a.headline) : a.headline;
    if (slip.editSecondHeadline) expect.headline = second;
    const start = lines.length;
    lines.push(first, '');
    pushCaptions(0);
    for (let copy = 0; copy < (slip.unmarkedCopies ?? 0); copy++) {
      lines.push('');
      // Named once, where the first marker is missing; a later unmarked copy is a repetition.
      if (copy === 0) warnings.push(['missing-marker', lines.length + 1]);
      lines.push(first, '');
      pushCaptions(0);
    }
    if (slip.noSecondCopy) {
      warnings.push(['missing-header-copy', start + 1]);
      lines.push('');
    } else {
      if (!slip.deleteMarker) lines.push('TT');
      if (!slip.tight) lines.push('');
      if (slip.deleteMarker) warnings.push(['missing-marker', lines.length + 1]);
      if (slip.editFirstHeadline || slip.editSecondHeadline) warnings.push(['headline-mismatch', start + 1]);
      lines.push(second, '');
      pushCaptions(1);
      if (!slip.tight) lines.push('');
      if (slip.editedThirdCopy) {
        const third = editHeadline(a.headline);
        expect.headline = third;
        warnings.push(['headline-mismatch', start + 1]);
        lines.push('TT', '', third, '');
        pushCaptions(1);
        lines.push('');
      }
    }
    const body = a.body.map((b) => b.text);
    if (slip.repeatedParagraph) {
      const p = body.findIndex((text, i) => i > 0 && a.body[i]!.type === 'paragraph');
      const repeat = body[Math.max(p, 0)]!;
      body.push(repeat);
      expect.body.push({ type: 'paragraph', text: repeat });
    }
    for (const text of body) lines.push(text, '');
    lines.pop();
    if (k < articles.length - 1 && !(k + 1 === target && (DAMAGES[damage] as Slip).noBlankBefore)) lines.push('', '', '');
    expected.push(expect);
  });
  warnings.sort((x, y) => x[1] - y[1]);
  return { text: lines.join('\n') + '\n', expected, warnings };
}

const simplify = (r: ReturnType<typeof parseFeed>) =>
  r.articles.map((a) => ({ headline: a.headline, images: a.images.map(({ caption, credit, date }) => ({ caption, credit, date })), body: a.body.map(({ type, text }) => ({ type, text })) }));

/** Whether a damage applies to an article: some need photos (and Latin text to edit). */
function applies(damage: Damage, a: GeneratedArticle, target: number): boolean {
  const slip: Slip = DAMAGES[damage];
  const needsPhotos = slip.editCaptionCopy || slip.noSecondCopy || slip.editedThirdCopy || (slip.deleteMarker && slip.editSecondHeadline);
  if (needsPhotos && a.images.length === 0) return false;
  if (slip.noBlankBefore && target === 0) return false;
  if ((slip.editCaptionCopy || slip.noSecondCopy || slip.editFirstHeadline || slip.editSecondHeadline || slip.editedThirdCopy) && a.dir !== 'ltr') return false;
  return true;
}

describe('damaged feeds', () => {
  const cases = fc.record({
    seed: fc.integer({ min: 1, max: 1_000_000 }),
    count: fc.integer({ min: 1, max: 6 }),
    target: fc.nat(),
    damage: fc.constantFrom(...DAMAGE_NAMES),
    editAt: fc.nat(),
  });

  it('gives the clean feed’s articles, accounts for every line, and warns where an editor must act', () => {
    fc.assert(
      fc.property(cases, ({ seed, count, target: t, damage, editAt }) => {
        const articles = generateArticles({ articles: count, seed });
        const target = t % count;
        fc.pre(applies(damage, articles[target]!, target));
        const { text, expected, warnings } = render(articles, target, damage, editAt);
        const result = parseFeed({ file: 'damaged.txt', text });
        expect(simplify(result)).toEqual(expected);
        expect(unaccountedLines(text, result)).toEqual([]);
        expect(result.diagnostics.map((d) => [d.rule, d.line])).toEqual(warnings);
      }),
      { numRuns: 600 },
    );
  });

  it('survives several damages in one feed, with clean articles between them', () => {
    const several = fc.record({ seed: fc.integer({ min: 1, max: 1_000_000 }), damages: fc.array(fc.constantFrom(...DAMAGE_NAMES), { minLength: 2, maxLength: 4 }), editAt: fc.nat() });
    fc.assert(
      fc.property(several, ({ seed, damages, editAt }) => {
        // Every second article is damaged: a clean one between each two.
        const articles = generateArticles({ articles: damages.length * 2 + 1, seed });
        let text = '';
        const expected: Expected[] = [];
        const rules: string[] = [];
        for (let k = 0; k < articles.length; k++) {
          const damage = k % 2 === 1 ? damages[(k - 1) / 2]! : 'none';
          const usable: Damage = applies(damage, articles[k]!, k) && damage !== 'no-blank-before-next-headline' ? damage : 'none';
          const part = render([articles[k]!], 0, usable, editAt);
          text += part.text + '\n\n';
          expected.push(...part.expected);
          for (const [rule] of part.warnings) rules.push(rule);
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

describe('a further header copy', () => {
  it('is not taken for one when only its headline is alike: two stories stay two', () => {
    const text = [
      'Live: Flood Waters Rise, Day 5', '', 'Rescuers in Porto Alegre, Brazil, May 5, 2024. REUTERS/Ana Lima', 'Rescuers in Porto Alegre, Brazil, May 5, 2024. REUTERS/Ana Lima', 'TT', '',
      'Live: Flood Waters Rise, Day 5', '', 'Rescuers in Porto Alegre, Brazil, May 5, 2024. REUTERS/Ana Lima', 'Rescuers in Porto Alegre, Brazil, May 5, 2024. REUTERS/Ana Lima', '',
      'TT', '', 'Live: Flood Waters Rise, Day 6', '', 'Water reached the second floor of houses in the city centre.', '',
    ].join('\n');
    const result = parseFeed({ file: 'a.txt', text });
    expect(result.articles.map((a) => a.headline)).toContain('Live: Flood Waters Rise, Day 5');
    expect(result.diagnostics.map((d) => d.rule)).not.toContain('headline-mismatch');
  });

  it('keeps in the body a paragraph after it that only resembles a caption (no credit)', () => {
    const caption = 'Rescuers wade through a flooded street in Porto Alegre, Brazil, May 5, 2024. REUTERS/Ana Lima';
    // Nearly the caption, and dated like one, but with no credit.
    const paragraph = 'Rescuers wade through a flooded street in Porto Alegre, Brazil, May 5, 2024.';
    const header = ['Flood Waters Rise in Southern Brazil', '', caption, caption];
    const text = [...header, 'TT', '', ...header, 'TT', '', ...header, '', paragraph, '', 'The river crested overnight.', ''].join('\n');
    const result = parseFeed({ file: 'a.txt', text });
    expect(result.articles.map((a) => a.body.map((b) => b.text))).toEqual([[paragraph, 'The river crested overnight.']]);
  });
});
