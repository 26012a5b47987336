/** The site stage's pure modules, each alone, table-driven where it can be. */
import { describe, expect, it } from 'vitest';
import { findImageFiles } from '../../src/site/images.ts';
import { createMarkdown } from '../../src/site/markdown.ts';
import { buildSiteModel, permalinkFor } from '../../src/site/model.ts';
import { parseOverride } from '../../src/site/overrides.ts';
import { parsePage } from '../../src/site/pages.ts';
import { learnCasing, toReadableCase, wordsOf } from '../../src/site/readable-case.ts';
import { linkRuns, smartText } from '../../src/site/typography.ts';
import { readingMinutes } from '../../src/site/reading.ts';
import { DEFAULT_SETTINGS, parseSiteSettings } from '../../src/site/settings.ts';
import type { ArticleRecord } from '../../src/types.ts';

function record(slug: string, published: string | null, line: number, file = 'f.txt'): ArticleRecord {
  return {
    slug, headline: slug.toUpperCase(), images: [], published, source: { file, line }, dir: 'ltr', lang: null,
    sourceName: null, timeZone: null, wordCount: 460,
    body: [{ type: 'paragraph', text: `Lede of ${slug}.`, line: line + 2 }],
  };
}

describe('buildSiteModel', () => {
  const records = [record('old', '2025-01-02', 1), record('undated', null, 10), record('b', '2026-02-08', 20), record('a', '2026-02-08', 5, 'e.txt'), record('c', '2026-02-08', 30)];
  const { site } = buildSiteModel({ records, settings: DEFAULT_SETTINGS });

  it('sorts newest first, ties in feed order (file, line), undated last', () => {
    expect(site.articles.map((a) => a.slug)).toEqual(['a', 'b', 'c', 'old', 'undated']);
  });

  it('links each article to its older (previous) and newer (next) neighbour', () => {
    expect(site.articles.map((a) => [a.previous?.url ?? null, a.next?.url ?? null])).toEqual([
      ['/2026/02/08/b/', null],
      ['/2026/02/08/c/', '/2026/02/08/a/'],
      ['/2025/01/02/old/', '/2026/02/08/b/'],
      ['/articles/undated/', '/2026/02/08/c/'],
      [null, '/2025/01/02/old/'],
    ]);
  });

  it('groups the archive by month and day', () => {
    expect(site.archive.map((m) => [m.key, m.url, m.count, m.days.map((d) => d.date)])).toEqual([
      ['2026-02', '/archive/2026/02/', 3, ['2026-02-08']],
      ['2025-01', '/archive/2025/01/', 1, ['2025-01-02']],
      ['undated', '/archive/undated/', 1, [null]],
    ]);
  });

  it('computes reading time, summary and the zoned publication instant', () => {
    const [a] = site.articles;
    expect(a!.readingMinutes).toBe(2);
    expect(a!.summary).toBe('Lede of a.');
    expect(a!.publishedIso).toBe('2026-02-08T00:00:00Z');
    const london = buildSiteModel({ records: [record('x', '2026-07-01', 1)], settings: { ...DEFAULT_SETTINGS, timeZone: 'Europe/London' } });
    expect(london.site.articles[0]!.publishedIso).toBe('2026-07-01T00:00:00+01:00');
  });

  it('applies overrides and warns about one whose slug no feed has', () => {
    const overrides = new Map([
      ['old', { slug: 'old', file: 'content/articles/old.md', headline: 'Better', published: '2026-03-01', noteHtml: null }],
      ['gone', { slug: 'gone', file: 'content/articles/gone.md', noteHtml: null }],
    ]);
    const result = buildSiteModel({ records, settings: DEFAULT_SETTINGS, overrides });
    expect(result.site.articles[0]).toMatchObject({ slug: 'old', headline: 'Better', url: '/2026/03/01/old/' });
    expect(result.diagnostics).toEqual([expect.objectContaining({ file: 'content/articles/gone.md', line: 1, severity: 'warning' })]);
  });

  it('prints a body when it is read, as the plain functions print it: readable subheads, links cut out, typography', () => {
    const body: ArticleRecord['body'] = [
      { type: 'paragraph', text: 'Talks with NATO and the US went on -- "for now", see https://example.org/a?b=1.', line: 3 },
      { type: 'subhead', text: 'NATO AND THE US IN KYIV', line: 4 },
      { type: 'paragraph', text: "Officials in Kyiv said Ukraine's envoy would wait.", line: 5 },
    ];
    const article = buildSiteModel({ records: [{ ...record('s', null, 1), body }], settings: DEFAULT_SETTINGS }).site.articles[0]!;
    const casing = learnCasing([body[0]!.text, body[2]!.text], wordsOf([body[1]!.text]));
    const reference = body.map((b) => {
      if (b.type === 'subhead') return { display: smartText(toReadableCase(b.text, casing)), runs: undefined };
      const runs = linkRuns(b.text).map((run) => (run.href ? run : { text: smartText(run.text) }));
      return { display: runs.map((r) => r.text).join(''), runs: runs.length > 1 ? runs : undefined };
    });
    const printed = (a: typeof article) => a.body.map((b) => ({ display: b.display, runs: b.runs }));
    expect(printed(article)).toEqual(reference);
    expect(article.body[1]!.display).toBe('NATO and the US in Kyiv');
    expect(article.body[0]!.runs?.[1]).toEqual({ text: 'https://example.org/a?b=1', href: 'https://example.org/a?b=1' });
    expect(article.body[0]!.display).toContain('\u201cfor now\u201d');
    expect(printed({ ...article })).toEqual(reference);
    expect(article.body.map(({ type, text, line }) => ({ type, text, line }))).toEqual(body);
  });

  it('gives the site the direction of its language', () => {
    expect(site.dir).toBe('ltr');
    expect(buildSiteModel({ records: [], settings: { ...DEFAULT_SETTINGS, language: 'ar' } }).site.dir).toBe('rtl');
  });

  it('marks right-to-left text with a language when the feed gave none', () => {
    const rtl = { ...record('ar', null, 1), headline: 'إيران تحذر', dir: 'rtl' as const };
    expect(buildSiteModel({ records: [rtl], settings: DEFAULT_SETTINGS }).site.articles[0]).toMatchObject({ lang: 'ar', dir: 'rtl' });
  });
});

describe('permalinkFor', () => {
  it.each([
    ['s', '2026-02-08', '/2026/02/08/s/'],
    ['s', null, '/articles/s/'],
  ])('%s, %s → %s', (slug, date, url) => expect(permalinkFor(slug, date)).toBe(url));
});

describe('toReadableCase', () => {
  const casing = learnCasing(['Talks with NATO and the US went on.', 'Officials in Kyiv said Ukraine would wait.']);
  it.each([
    ["'VERY SPECIFIC SUBSTANCE'", "'Very specific substance'"],
    ['MONTHS OF TALKS', 'Months of talks'],
    ['NATO AND THE US IN KYIV', 'NATO and the US in Kyiv'],
    ['UKRAINE WAITS', 'Ukraine waits'],
    ['Already Mixed Case', 'Already Mixed Case'],
    ['إيران', 'إيران'],
    ['2026', '2026'],
  ])('%s → %s', (input, expected) => expect(toReadableCase(input, casing)).toBe(expected));
});

describe('reading helpers', () => {
  it.each([[0, 1], [114, 1], [345, 2], [700, 3]])('%i words → %i min', (words, minutes) => expect(readingMinutes(words)).toBe(minutes));
});

describe('parseSiteSettings', () => {
  it('reads valid settings and normalises the URL', () => {
    const { settings, diagnostics } = parseSiteSettings('{"title":"T","url":"https://n.example/","language":"pt-BR","timeZone":"America/Sao_Paulo","description":"D"}', 's.json');
    expect(diagnostics).toEqual([]);
    expect(settings).toMatchObject({ title: 'T', url: 'https://n.example', language: 'pt-BR', timeZone: 'America/Sao_Paulo', description: 'D', file: 's.json' });
    expect(settings.navigation).toBeUndefined();
  });

  it('reports bad values and unknown keys on their lines, keeping defaults', () => {
    const text = '{\n  "title": "T",\n  "url": "news.example",\n  "timeZone": "Mars/Olympus",\n  "colour": "red"\n}';
    const { settings, diagnostics } = parseSiteSettings(text, 'site.json');
    expect(diagnostics.map((d) => [d.line, d.severity])).toEqual([[3, 'error'], [4, 'error'], [5, 'warning']]);
    expect(diagnostics[0]!.message).toContain('absolute URL');
    expect(settings.url).toBe(DEFAULT_SETTINGS.url);
  });

  it('reports invalid JSON with a line', () => {
    const { diagnostics } = parseSiteSettings('{\n  "title": "T",\n  oops\n}', 'site.json');
    expect(diagnostics).toEqual([expect.objectContaining({ severity: 'error', line: 3 })]);
  });
});

describe('parseOverride', () => {
  const markdown = createMarkdown();
  it('reads every known key and renders the note', () => {
    const text = '---\nheadline: H\ndek: D\npublished: 2026-02-09\nbyline: B\ntopics: [Iran]\nimage: photo.webp\n---\nA *note*.\n';
    const { override, diagnostics } = parseOverride(text, 'x.md', 'x', markdown);
    expect(diagnostics).toEqual([]);
    expect(override).toMatchObject({ headline: 'H', dek: 'D', published: '2026-02-09', byline: 'B', topics: ['Iran'], image: 'photo.webp', noteHtml: '<p>A <em>note</em>.</p>\n' });
  });

  it.each([
    ['an unknown key', '---\ndek: D\nheadlin: H\n---\n', 3, 'unknown key "headlin"'],
    ['an impossible date', '---\npublished: 2026-02-30\n---\n', 2, '"published" must be a date'],
    ['a date in another format', '---\ndek: D\npublished: "8 Feb 2026"\n---\n', 3, '"published" must be a date'],
    ['topics that are not a list of text', '---\ntopics: [1, ""]\n---\n', 2, '"topics"'],
    ['an image that is not a photo file', '---\nimage: ../secret.txt\n---\n', 2, '"image"'],
    ['JavaScript front matter', '---js\n{ dek: process.exit(3) }\n---\n', 1, 'must be YAML'],
    ['malformed YAML', '---\nbyline: B\ndek: a: b\n---\n', 3, 'invalid front matter'],
  ])('reports %s on its line', (_name, text, line, message) => {
    const { diagnostics } = parseOverride(text, 'x.md', 'x', markdown);
    expect(diagnostics).toEqual([expect.objectContaining({ file: 'x.md', line, severity: 'error', message: expect.stringContaining(message) })]);
  });
});

describe('parsePage', () => {
  const markdown = createMarkdown();
  it('renders a page at /slug/', () => {
    const { page } = parsePage('---\ntitle: About\n---\n# Hi', 'about.md', 'about', markdown);
    expect(page).toMatchObject({ url: '/about/', title: 'About', html: '<h1>Hi</h1>\n' });
  });
  it.each([['archive'], ['Bad Name']])('refuses the page name %s', (slug) => {
    expect(parsePage('---\ntitle: T\n---\n', `${slug}.md`, slug, markdown).page).toBeNull();
  });
  it('needs a title', () => {
    expect(parsePage('no front matter', 'p.md', 'p', markdown).diagnostics[0]!.message).toContain('title');
  });
});

describe('findImageFiles', () => {
  it('finds a photo by slug, or the file an override names, and warns about a missing one on its line', () => {
    const overrides = new Map([
      ['b', { slug: 'b', file: 'content/articles/b.md', image: 'shared.webp', keyLines: { image: 3 }, noteHtml: null }],
      ['c', { slug: 'c', file: 'content/articles/c.md', image: 'missing.jpg', keyLines: { image: 4 }, noteHtml: null }],
    ]);
    const { files, diagnostics } = findImageFiles(['a.png', 'a.jpg', 'shared.webp', 'notes.txt'], ['a', 'b', 'c', 'd'], overrides);
    expect(Object.fromEntries(files)).toEqual({ a: 'a.jpg', b: 'shared.webp' });
    expect(diagnostics).toEqual([expect.objectContaining({ file: 'content/articles/c.md', line: 4, severity: 'warning' })]);
  });
});
