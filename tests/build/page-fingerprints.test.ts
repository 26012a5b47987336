/**
 * Page fingerprints: which pages a change reaches. A story's link (on its
 * neighbours' pages, in its month's archive) is fingerprinted by what it
 * prints: a change to the link reaches the pages linking to the story, and
 * a change to the story's text reaches only the pages that print the story.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDiscovery } from '../../src/discovery/index.ts';
import { pageFingerprints, templateFingerprints } from '../../src/build/page-fingerprints.ts';
import { buildSiteModel } from '../../src/site/model.ts';
import { DEFAULT_SETTINGS } from '../../src/site/settings.ts';
import type { ArticleRecord, EditorialOverride, SiteArticle } from '../../src/types.ts';

function record(slug: string, published: string, line: number): ArticleRecord {
  return {
    slug, headline: `Headline of ${slug}`, images: [], published, source: { file: 'f.txt', line }, dir: 'ltr', lang: null,
    sourceName: null, timeZone: null, wordCount: 200,
    body: [{ type: 'paragraph', text: `Lede of ${slug}.`, line: line + 2 }],
  };
}

const records = ['a', 'b', 'c', 'd', 'e'].map((slug, i) => record(slug, `2026-02-0${9 - i}`, i * 10 + 1));

function site(input: { records?: ArticleRecord[]; overrides?: EditorialOverride[]; language?: string } = {}) {
  const settings = { ...DEFAULT_SETTINGS, ...(input.language ? { language: input.language } : {}) };
  const overrides = new Map((input.overrides ?? []).map((o) => [o.slug, o]));
  return buildSiteModel({ records: input.records ?? records, settings, overrides }).site;
}

const bySlug = (articles: readonly SiteArticle[], slug: string) => articles.find((a) => a.slug === slug)!;
describe('pageFingerprints', () => {
  function fingerprints(s: ReturnType<typeof site>) {
    return pageFingerprints(s, buildDiscovery(s, { now: '2026-02-10' }), new Map([['article.njk', 't1'], ['archive-month.njk', 't2'], ['index.njk', 't3']])).pages;
  }
  const before = fingerprints(site());
  const urlIn = (s: ReturnType<typeof site>, slug: string) => bySlug(s.articles, slug).url;
  const french = records.map((r) => (r.slug === 'c' ? { ...r, lang: 'fr' } : r));

  // Each changes what c's link prints (address, headline or language), so the
  // pages linking to c change: its neighbours b and d, and its month.
  const linkChanges: [string, ReturnType<typeof site>, ReturnType<typeof site>][] = [
    ['a headline in the feed', site(), site({ records: records.map((r) => (r.slug === 'c' ? { ...r, headline: 'Another headline' } : r)) })],
    ['a headline set by an override', site(), site({ overrides: [{ slug: 'c', file: 'c.md', headline: 'Corrected', noteHtml: null }] })],
    ['a slug (the address)', site(), site({ records: records.map((r) => (r.slug === 'c' ? { ...r, slug: 'c-2' } : r)) })],
    ['the story language', site(), site({ records: french })],
    ['the site language, now the story language', site({ records: french }), site({ records: french, language: 'fr' })],
  ];
  it.each(linkChanges)('%s reaches the neighbours and the month', (_, from, to) => {
    const [a, b] = [fingerprints(from), fingerprints(to)];
    for (const slug of ['b', 'd']) expect(b.get(urlIn(to, slug)), slug).not.toBe(a.get(urlIn(from, slug)));
    expect(b.get('/archive/2026/02/')).not.toBe(a.get('/archive/2026/02/'));
  });

  it('a headline edit reaches the article and the home page, and no story two away', () => {
    const edited = site({ overrides: [{ slug: 'c', file: 'c.md', headline: 'Corrected', noteHtml: null }] });
    const after = fingerprints(edited);
    expect(after.get(urlIn(edited, 'c'))).not.toBe(before.get(urlIn(edited, 'c')));
    expect(after.get('/')).not.toBe(before.get('/'));
    for (const slug of ['a', 'e']) expect(after.get(urlIn(edited, slug)), slug).toBe(before.get(urlIn(edited, slug)));
  });

  it('a paragraph edit reaches the article and the home page, not its neighbours or its month', () => {
    const edited = site({ records: records.map((r) => (r.slug === 'c' ? { ...r, body: [{ type: 'paragraph', text: 'Another lede.', line: 23 }] } : r)) });
    const after = fingerprints(edited);
    expect(after.get(urlIn(edited, 'c'))).not.toBe(before.get(urlIn(edited, 'c')));
    expect(after.get('/')).not.toBe(before.get('/'));
    for (const slug of ['a', 'b', 'd', 'e']) expect(after.get(urlIn(edited, slug)), slug).toBe(before.get(urlIn(edited, slug)));
    expect(after.get('/archive/2026/02/')).toBe(before.get('/archive/2026/02/'));
  });

  it('the same data gives the same fingerprints', () => {
    expect(fingerprints(site())).toEqual(before);
  });
});

describe('templateFingerprints', () => {
  // A card is rendered by the `storyCard` global, not an include: the page
  // templates that call it depend on the card partial (and what it includes) all the same.
  const templates = (card: string, meta: string): Record<string, string> => ({
    'topics/topic.njk': '{%- extends "layouts/topic.njk" -%}',
    '_includes/layouts/topic.njk': '{% for story in stories %}{{ storyCard(story, 2) | safe }}{% endfor %}',
    'article.njk': '{%- extends "layouts/article.njk" -%}',
    '_includes/layouts/article.njk': '<h1>{{ article.headline }}</h1>',
    '_includes/partials/story-card.njk': `${card}{% include "partials/story-meta.njk" %}`,
    '_includes/partials/story-meta.njk': meta,
  });
  async function fingerprintsOf(files: Record<string, string>) {
    const dir = await mkdtemp(join(tmpdir(), 'broadsheet-templates-'));
    try {
      for (const [file, text] of Object.entries(files)) {
        await mkdir(dirname(join(dir, file)), { recursive: true });
        await writeFile(join(dir, file), text);
      }
      return templateFingerprints(dir);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  it.each([
    ['the card', templates('<article>', '<p>'), templates('<article class="x">', '<p>')],
    ['a partial the card includes', templates('<article>', '<p>'), templates('<article>', '<p class="meta">')],
  ])('an edit of %s reaches the templates calling storyCard, not the others', async (_, from, to) => {
    const [a, b] = [await fingerprintsOf(from), await fingerprintsOf(to)];
    expect(b.get('topics/topic.njk')).not.toBe(a.get('topics/topic.njk'));
    expect(b.get('article.njk')).toBe(a.get('article.njk'));
  });
});
