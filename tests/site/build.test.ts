/**
 * The whole build through Eleventy's programmatic API, once, on the shipped
 * content plus fixtures (an Arabic feed, an override, a photo), asserting on
 * the HTML through linkedom.
 */
import { smartText } from '../../src/site/typography.ts';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateFeed } from '../../bench/generate.ts';
import { loadFeeds, listFeedFiles } from '../../src/feeds/read-feeds.ts';
import { prepareBuild } from '../../src/build/prepare-build.ts';
import { buildSite } from '../../src/build/run-build.ts';
import type { ArticleRecord } from '../../src/types.ts';
import { buildFixture, fixtureFiles, makeContent, SEED_CONTENT, type FixtureSite } from './helpers.ts';

const IRAN = 'iran-warns-will-not-give-up-enrichment-despite-us-war-threat';
const CHINA = 'factory-explosion-kills-8-in-northern-china';
const UKRAINE = '26-nations-vow-to-give-ukraine-postwar-security-guarantees-macron-says';

let site: FixtureSite;
let seed: ArticleRecord[];

beforeAll(async () => {
  seed = (await loadFeeds((await listFeedFiles(join(SEED_CONTENT, 'feeds'))).files)).articles;
  const photo = await sharp({ create: { width: 800, height: 500, channels: 3, background: '#7a6a55' } }).jpeg().toBuffer();
  const content = await makeContent({
    ...(await fixtureFiles('feeds/arabic.txt', `articles/${IRAN}.md`)),
    [`images/${CHINA}.jpg`]: photo,
    // Twenty older articles, so the home page runs to a second page.
    'feeds/generated.txt': generateFeed({ articles: 20, startDate: '2024-03-01', articlesPerDay: 3 }),
  });
  site = await buildFixture(content);
});
afterAll(() => site?.cleanup());

const urlOf = (record: ArticleRecord) => `/${record.published!.replaceAll('-', '/')}/${record.slug}/`;
const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;

it('builds without diagnostics', () => {
  expect(site.diagnostics).toEqual([]);
});

describe('article pages from the seed feed', () => {
  it('exist at date-based permalinks, one per parsed article', async () => {
    expect(seed).toHaveLength(4);
    for (const record of seed) await expect(site.page(urlOf(record))).resolves.toBeTruthy();
  });

  it('show the headline once, in the only h1, and the caption and credit once each, with no TT line', async () => {
    for (const record of seed) {
      const doc = await site.page(urlOf(record));
      const text = doc.querySelector('main')!.textContent!;
      const h1s = doc.querySelectorAll('h1');
      expect(h1s).toHaveLength(1);
      // Printed with typographic quotes and dashes (src/site/typography.ts).
      const headline = smartText(record.headline);
      expect(h1s[0]!.textContent).toBe(headline);
      expect(count(text, headline)).toBe(1);
      const [image] = record.images;
      const caption = smartText(image!.caption);
      expect(count(text, caption)).toBe(1);
      expect(count(text, image!.credit!)).toBe(1);
      // A photo file makes a figure at the top; a caption alone is listed after the text.
      const where = record.slug === CHINA ? 'figcaption' : '.story__captions li';
      expect(doc.querySelector(`${where} .figure__caption`)!.textContent).toBe(caption);
      expect(doc.querySelector(`${where} .figure__credit`)!.textContent).toBe(image!.credit);
      expect([...doc.querySelectorAll('main p, main h2')].map((e) => e.textContent!.trim())).not.toContain('TT');
    }
  });

  it('label the publication date in a <time> whose datetime is the parser\'s date', async () => {
    for (const record of seed) {
      const doc = await site.page(urlOf(record));
      const time = doc.querySelector('.story__meta time')!;
      expect(time.getAttribute('datetime')).toBe(record.published);
      expect(time.parentElement!.textContent).toMatch(/^Published \w+ \d{1,2}, \d{4}$/);
    }
  });

  it('render the first article\'s two subheads as h2 in a readable case', async () => {
    const doc = await site.page(`/2025/09/04/${UKRAINE}/`);
    expect([...doc.querySelectorAll('.story__body h2')].map((h) => h.textContent)).toEqual(['‘Very specific substance’', 'Months of talks']);
  });

  it('render every body paragraph, in order', async () => {
    const record = seed.find((r) => r.slug === CHINA)!;
    const doc = await site.page(urlOf(record));
    const paragraphs = [...doc.querySelectorAll('.story__body p')].map((p) => p.textContent);
    expect(paragraphs).toEqual(record.body.filter((b) => b.type === 'paragraph').map((b) => smartText(b.text)));
  });

  it('link previous (older) and next (newer) stories', async () => {
    const doc = await site.page(`/2026/02/08/${IRAN}/`);
    expect(doc.querySelector('a[rel=prev]')!.getAttribute('href')).toBe(`/2025/09/04/${UKRAINE}/`);
    expect(doc.querySelector('a[rel=next]')!.getAttribute('href')).toBe(`/2026/02/08/${CHINA}/`);
  });

  it('show reading time', async () => {
    const doc = await site.page(`/2025/09/04/${UKRAINE}/`);
    expect(doc.querySelector('.story__meta')!.textContent).toContain('3 min read');
  });
});

describe('editorial content', () => {
  it('applies an override: dek, byline and the Markdown note', async () => {
    const doc = await site.page(`/2026/02/08/${IRAN}/`);
    expect(doc.querySelector('.story__dek')!.textContent).toMatch(/^Tehran’s foreign minister says/);
    expect(doc.querySelector('.story__byline')!.textContent).toBe('By Desk Editor');
    const note = doc.querySelector('aside.editors-note')!;
    expect(note.querySelector('em')!.textContent).toBe("foreign minister's");
    expect(note.querySelector('a')!.getAttribute('href')).toBe('/about/');
  });

  it('renders the about page from content/pages', async () => {
    const doc = await site.page('/about/');
    expect(doc.querySelector('h1')!.textContent).toBe('About');
    expect(doc.querySelector('.prose h2')!.textContent).toBe('How this site is made');
    expect(doc.querySelector('.masthead__nav a[aria-current=page]')!.textContent).toBe('About');
  });
});

describe('photos', () => {
  it('render responsive AVIF/WebP/JPEG with size, alt text from the caption and eager loading at the top', async () => {
    const doc = await site.page(`/2026/02/08/${CHINA}/`);
    const picture = doc.querySelector('figure picture')!;
    expect([...picture.querySelectorAll('source')].map((s) => s.getAttribute('type'))).toEqual(['image/avif', 'image/webp']);
    const img = picture.querySelector('img')!;
    const record = seed.find((r) => r.slug === CHINA)!;
    expect(img.getAttribute('alt')).toBe(record.images[0]!.caption);
    expect(img.getAttribute('width')).toBe('800');
    expect(img.getAttribute('height')).toBe('500');
    expect(img.getAttribute('loading')).toBeNull();
    for (const url of [img.getAttribute('src')!, ...(img.getAttribute('srcset')!.split(', ').map((s) => s.split(' ')[0]!))]) {
      await expect(readFile(join(site.output, url))).resolves.toBeTruthy();
    }
  });

  it('list captions whose photo has no file after the text, with no figure and no <img>', async () => {
    const doc = await site.page(`/2026/02/08/${IRAN}/`);
    expect(doc.querySelectorAll('figure, img, picture')).toHaveLength(0);
    const captions = doc.querySelector('.story__captions')!;
    expect(captions.querySelector('h2')!.textContent).toBe('Photo captions');
    expect(captions.querySelectorAll('li').length).toBeGreaterThan(0);
    // After the body: the opening paragraph comes first.
    expect(doc.querySelector('.story__body')!.compareDocumentPosition(captions) & 4).toBe(4);
  });
});

describe('right-to-left articles', () => {
  it('carry lang and dir="rtl" and live at a stable undated path', async () => {
    const doc = await site.page('/articles/iyran-thdhr-mn-altsayd-fy-alkhlyj/');
    const article = doc.querySelector('article.story')!;
    expect(article.getAttribute('dir')).toBe('rtl');
    expect(article.getAttribute('lang')).toBe('ar');
    expect(doc.querySelector('h1')!.textContent).toBe('إيران تحذر من التصعيد في الخليج');
    expect(doc.querySelector('.story__meta')!.getAttribute('lang')).toBe('en');
  });
});

describe('home, archive and 404', () => {
  it('leads with the newest story, then 19 more; later pages newest first, undated last', async () => {
    const [first, second] = [await site.page('/'), await site.page('/page/2/')];
    expect(first.querySelectorAll('h1')).toHaveLength(1);
    const lead = first.querySelector('.lead')!;
    expect(lead.querySelector('a')!.getAttribute('href')).toBe('/2026/02/08/russia-man-suspected-of-shooting-top-general-detained-in-dubai/');
    // The lead has no photo file: no figure, and no caption box in its place.
    expect(lead.querySelector('figure')).toBeNull();
    expect(second.querySelector('.lead')).toBeNull();
    const hrefs = (doc: Document | Element) => [...doc.querySelectorAll('.card__headline a')].map((a) => a.getAttribute('href')!);
    const [onFirst, onSecond] = [hrefs(first), hrefs(second)];
    expect(onFirst).toHaveLength(19);
    expect(new Set(onFirst).size).toBe(19);
    expect(onSecond).toHaveLength(5);
    // The four top stories beside the lead are the next newest.
    const model = [...first.querySelectorAll('.top-stories .card__headline a')].map((a) => a.getAttribute('href')!);
    expect(model).toHaveLength(4);
    // Topic sections: two to four stories each, ordered by their newest story.
    const sections = [...first.querySelectorAll('section.stories--topic')];
    expect(sections.length).toBeGreaterThan(0);
    for (const section of sections) expect(hrefs(section).length).toBeGreaterThanOrEqual(2), expect(hrefs(section).length).toBeLessThanOrEqual(4);
    const dateOf = (href: string) => (href.startsWith('/articles/') ? '0000/00/00' : href.slice(1, 11));
    const newestOf = (section: Element) => hrefs(section).map(dateOf).sort().reverse()[0]!;
    expect(sections.map(newestOf)).toEqual(sections.map(newestOf).sort().reverse());
    const oldestOnFirst = onFirst.map(dateOf).sort()[0]!;
    expect(onSecond.every((href) => dateOf(href) <= oldestOnFirst)).toBe(true);
    expect(onSecond.map(dateOf)).toEqual(onSecond.map(dateOf).sort().reverse());
  });

  it('links the home pages to each other', async () => {
    const [first, second] = [await site.page('/'), await site.page('/page/2/')];
    expect(first.querySelector('.pager a[rel=next]')!.getAttribute('href')).toBe('/page/2/');
    expect(first.querySelector('.pager a[rel=prev]')).toBeNull();
    expect(second.querySelector('.pager a[rel=prev]')!.getAttribute('href')).toBe('/');
    expect(second.querySelector('h1')!.textContent).toBe('Latest stories, page 2 of 2');
  });

  it('archives by month, with an index of months', async () => {
    const index = await site.page('/archive/');
    expect([...index.querySelectorAll('.archive-months a')].map((a) => [a.getAttribute('href'), a.textContent])).toEqual([
      ['/archive/2026/02/', 'February 2026'], ['/archive/2025/09/', 'September 2025'], ['/archive/2024/03/', 'March 2024'],
      ['/archive/undated/', 'Undated stories'],
    ]);
    const month = await site.page('/archive/2026/02/');
    expect(month.querySelector('h2 time')!.getAttribute('datetime')).toBe('2026-02-08');
    expect(month.querySelectorAll('.archive-day li')).toHaveLength(3);
  });

  it('has a 404 page', async () => {
    const doc = await site.page('/404.html');
    expect(doc.querySelector('h1')!.textContent).toBe('Page not found');
  });

  it('links the stylesheets and favicon it ships, and no script at all', async () => {
    const doc = await site.page('/');
    for (const link of doc.querySelectorAll('link[rel=stylesheet], link[rel=icon]')) {
      await expect(readFile(join(site.output, link.getAttribute('href')!))).resolves.toBeTruthy();
    }
    expect(doc.querySelectorAll('script:not([type="application/ld+json"])')).toHaveLength(0);
  });
});

it('is deterministic: a second build of the same content is byte-identical', async () => {
  // The same content again, in another folder: paths must not leak into the output.
  const copy = await buildFixture(await makeContent({
    ...(await fixtureFiles('feeds/arabic.txt', `articles/${IRAN}.md`)),
    [`images/${CHINA}.jpg`]: await readFile(join(site.content, 'images', `${CHINA}.jpg`)),
    'feeds/generated.txt': await readFile(join(site.content, 'feeds', 'generated.txt')),
  }));
  try {
    const files = await listFiles(site.output);
    expect(await listFiles(copy.output)).toEqual(files);
    for (const file of files) {
      expect(await readFile(join(copy.output, file)), file).toEqual(await readFile(join(site.output, file)));
    }
  } finally {
    await copy.cleanup();
  }
});

it('writes the same site, byte for byte, when its articles are written over several Eleventy runs', async () => {
  // buildSite splits big sites into runs of ARTICLES_PER_RUN article pages
  // (10,000); here runs of 7 make this site's 25 articles take four.
  const batched = join(site.root, '_site-batched');
  const { diagnostics } = await buildSite({ contentDir: site.content, outputDir: batched, articlesPerRun: 7, search: false });
  expect(diagnostics).toEqual(site.diagnostics);
  const files = await listFiles(site.output);
  expect(files.filter((f) => f.endsWith('.html')).length).toBeGreaterThan(25);
  expect(await listFiles(batched)).toEqual(files);
  for (const file of files) {
    expect(await readFile(join(batched, file)), file).toEqual(await readFile(join(site.output, file)));
  }
});

it('writes exactly the files of its page plan, computed before rendering', async () => {
  const build = await prepareBuild({ contentDir: site.content, outputDir: site.output });
  const planned = build.plan.files.map((f) => f.path).sort();
  expect(new Set(planned).size).toBe(planned.length);
  expect(planned.filter((p) => p.startsWith('img/')).length).toBeGreaterThan(0);
  expect(planned).toEqual(await listFiles(site.output));
});

it('refuses a batch size that is not a positive integer', async () => {
  await expect(buildSite({ contentDir: site.content, outputDir: join(site.root, '_never'), articlesPerRun: 0, search: false })).rejects.toThrow(/positive integer/);
});

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dir.length + 1)).sort();
}
