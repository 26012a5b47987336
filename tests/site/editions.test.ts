/**
 * Editions and editor control: the Arabic edition fixture
 * (tests/fixtures-edition-ar/) prints no English interface string, and the
 * front page, navigation, logo and `updated:` do what site.json and the
 * overrides say, with positioned diagnostics for what they get wrong.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cp, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ENGLISH, type Message } from '../../src/site/locale.ts';
import { buildFixture, makeContent, type FixtureSite } from './helpers.ts';
import { generateFeed } from '../../bench/generate.ts';

const EDITION_AR = join(import.meta.dirname, '..', 'fixtures-edition-ar');

/** The literal pieces of an English message, between its placeholders, that could only come from the interface. */
function englishFragments(message: Message): string[] {
  const texts = typeof message === 'string' ? [message] : Object.values(message);
  return texts.flatMap((text) => (text ?? '').split(/\{\w+\}/)).map((piece) => piece.trim()).filter((piece) => /[A-Za-z]{3}/.test(piece));
}

/** What a page shows or says of itself, but for text in another language than the site's (an English story). */
function interfaceText(doc: Document, siteLanguage: string): string {
  for (const foreign of doc.querySelectorAll(`[lang]:not([lang="${siteLanguage}"]):not(html)`)) foreign.remove();
  const attributes = [...doc.querySelectorAll('[aria-label], [alt], [title], [data-unavailable], meta[name=description], meta[property="og:locale"]')].flatMap((element) =>
    ['aria-label', 'alt', 'title', 'data-unavailable', 'content'].map((name) => element.getAttribute(name) ?? ''),
  );
  return [doc.title, doc.body?.textContent ?? '', ...attributes].join('\n');
}

describe('the Arabic edition', () => {
  let site: FixtureSite;
  beforeAll(async () => {
    const content = await makeContent({}, false);
    await cp(EDITION_AR, content, { recursive: true });
    site = await buildFixture(content);
  });
  afterAll(() => site?.cleanup());

  const pagesToCheck = async () => {
    const articles = (await readFile(join(site.output, 'sitemap.xml'), 'utf8')).match(/<loc>[^<]+<\/loc>/g) ?? [];
    const paths = articles.map((loc) => new URL(loc.slice(5, -6)).pathname);
    return [...new Set([...paths, '/404.html'])];
  };

  it('builds with no diagnostics', () => {
    expect(site.diagnostics).toEqual([]);
  });

  it('prints no English interface string on any page', async () => {
    const fragments = [...new Set(Object.values(ENGLISH).flatMap(englishFragments))];
    expect(fragments.length).toBeGreaterThan(40);
    const paths = await pagesToCheck();
    expect(paths.length).toBeGreaterThan(15);
    // Story text in the page's <title> and description is content, not interface: taken out first.
    const content: string[] = [];
    for (const path of paths.filter((p) => /^\/\d{4}\//.test(p))) {
      const doc = await site.page(path);
      content.push(doc.querySelector('h1')!.textContent!, doc.querySelector('meta[name=description]')!.getAttribute('content')!);
    }
    const found: string[] = [];
    for (const path of paths) {
      let text = interfaceText(await site.page(path), 'ar');
      for (const piece of content) text = text.split(piece).join('');
      for (const fragment of fragments) if (text.includes(fragment)) found.push(`${path}: "${fragment}"`);
    }
    expect(found).toEqual([]);
  });

  it('sets the page direction from the site language and each story\'s own on its text only', async () => {
    const home = await site.page('/');
    expect(home.documentElement.getAttribute('lang')).toBe('ar');
    expect(home.documentElement.getAttribute('dir')).toBe('rtl');
    const english = [...home.querySelectorAll('article.card[lang="en"]')];
    expect(english.length).toBe(1);
    expect(english[0]!.getAttribute('dir')).toBe('ltr');
    // The story's date and reading time are the site's words, in its direction.
    const meta = english[0]!.querySelector('.meta')!;
    expect([meta.getAttribute('lang'), meta.getAttribute('dir')]).toEqual(['ar', 'rtl']);
    expect(meta.textContent).toMatch(/فبراير/);
  });

  it('counts in Arabic plural forms', async () => {
    const archive = await site.page('/archive/');
    const counts = [...archive.querySelectorAll('.archive-months__count')].map((c) => c.textContent);
    expect(counts).toEqual(['11 خبرًا']);
    const topics = await site.page('/topics/');
    expect([...topics.querySelectorAll('.topic-list .meta')].map((m) => m.textContent)).toEqual(expect.arrayContaining(['خبران']));
  });
});

describe('editor control of the front page, navigation, logo and updates', () => {
  let site: FixtureSite;
  /** The section the front page shows last when the editor orders none: the editor moves it first. */
  let lastSection: string;
  const OLD = 'russia-man-suspected-of-shooting-top-general-detained-in-dubai';
  const feed = generateFeed({ articles: 30, seed: 3, startDate: '2026-03-01', articlesPerDay: 4 });
  beforeAll(async () => {
    const plain = await buildFixture(await makeContent({ 'feeds/generated.txt': feed }));
    const names = [...(await plain.page('/')).querySelectorAll('section.stories--topic h2')].map((h) => h.textContent!);
    await plain.cleanup();
    expect(names.length).toBeGreaterThan(2);
    lastSection = names[names.length - 1]!;
    const settings = JSON.parse(await readFile(join(import.meta.dirname, '..', '..', 'content', 'site.json'), 'utf8')) as Record<string, unknown>;
    const content = await makeContent({
      'feeds/generated.txt': feed,
      [`articles/${OLD}.md`]: '---\nlead: true\nupdated: 2026-03-09T10:30\n---\n',
      'articles/factory-explosion-kills-8-in-northern-china.md': '---\npinned: true\npublished: 2026-02-08T07:15\n---\n',
      'logo.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>',
      'site.json': JSON.stringify({ ...settings, logo: 'logo.svg', navigation: ['topics', 'home', 'page:about', { label: 'Weather', url: '/topics/weather/' }], frontPage: { sections: [lastSection], sectionSize: 3 } }, null, 2),
    });
    site = await buildFixture(content);
  });
  afterAll(() => site?.cleanup());

  it('builds with no diagnostics', () => {
    expect(site.diagnostics).toEqual([]);
  });

  it('leads with the story an editor marked, though 30 newer ones exist, then the pinned story', async () => {
    const home = await site.page('/');
    expect(home.querySelector('.lead__headline a')!.getAttribute('href')).toBe(`/2026/02/08/${OLD}/`);
    expect(home.querySelector('.top-stories .card a')!.getAttribute('href')).toBe('/2026/02/08/factory-explosion-kills-8-in-northern-china/');
    // Each story once on the page.
    const hrefs = [...home.querySelectorAll('main article a[href^="/20"]')].map((a) => a.getAttribute('href'));
    expect(new Set(hrefs).size).toBe(hrefs.length);
  });

  it('orders sections as the editor listed them, at most sectionSize stories each', async () => {
    const home = await site.page('/');
    const sections = [...home.querySelectorAll('section.stories--topic')];
    expect(sections.length).toBeGreaterThan(1);
    expect(sections[0]!.querySelector('h2')!.textContent).toBe(lastSection);
    for (const section of sections) expect(section.querySelectorAll('.card').length).toBeLessThanOrEqual(3);
  });

  it('shows the update and the time of day on the page and in every machine-readable output', async () => {
    const page = await site.page(`/2026/02/08/${OLD}/`);
    const updated = page.querySelector('.story__updated')!;
    expect(updated.textContent).toBe('Updated March 9, 2026 at 10:30 AM');
    expect(updated.querySelector('time')!.getAttribute('datetime')).toBe('2026-03-09T10:30');
    const jsonLd = JSON.parse(page.querySelector('script[type="application/ld+json"]')!.textContent!) as Record<string, string>;
    expect([jsonLd.datePublished, jsonLd.dateModified]).toEqual(['2026-02-08T00:00:00+00:00', '2026-03-09T10:30:00+00:00']);
    const atom = await readFile(join(site.output, 'feed.xml'), 'utf8');
    const entry = atom.split('<entry>').find((e) => e.includes(OLD))!;
    expect(entry).toContain('<updated>2026-03-09T10:30:00+00:00</updated>');
    const json = JSON.parse(await readFile(join(site.output, 'feed.json'), 'utf8')) as { items: { url: string; date_modified?: string }[] };
    expect(json.items.find((i) => i.url.includes(OLD))!.date_modified).toBe('2026-03-09T10:30:00+00:00');
    const sitemap = await readFile(join(site.output, 'sitemap.xml'), 'utf8');
    expect(sitemap).toContain(`${OLD}/</loc><lastmod>2026-03-09T10:30:00+00:00</lastmod>`);
    // A publication time of day is shown and read in the site's zone (Europe/London, GMT in February), in
    // the site language's style ("en": American).
    const timed = await site.page('/2026/02/08/factory-explosion-kills-8-in-northern-china/');
    expect(timed.querySelector('.story__meta time')!.textContent).toBe('February 8, 2026 at 7:15 AM');
    expect(timed.querySelector('.story__meta time')!.getAttribute('datetime')).toBe('2026-02-08T07:15:00+00:00');
  });

  it('prints the navigation in the editor\'s order and the logo in the masthead', async () => {
    const home = await site.page('/');
    expect([...home.querySelectorAll('.masthead__nav a')].map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['Topics', '/topics/'], ['Latest', '/'], ['About', '/about/'], ['Weather', '/topics/weather/'],
    ]);
    const logo = home.querySelector('.masthead__logo')!;
    expect(logo.getAttribute('src')).toBe('/logo.svg');
    expect(logo.getAttribute('alt')).toBe('');
    await expect(readFile(join(site.output, 'logo.svg'), 'utf8')).resolves.toContain('<svg');
    // The footer lists the feeds and the site's pages.
    expect([...home.querySelectorAll('.site-footer a')].map((a) => a.getAttribute('href'))).toEqual(expect.arrayContaining(['/about/', '/feed.xml', '/rss.xml', '/feed.json']));
  });
});

describe('editor mistakes are diagnostics on their lines', () => {
  it('reports a missing logo, an unknown page, an unknown section and a bad lead, and still builds', async () => {
    const content = await makeContent({
      'site.json': '{\n  "title": "T",\n  "logo": "missing.png",\n  "navigation": [\n    "home",\n    "page:nope"\n  ],\n  "frontPage": { "sections": ["Atlantis"] }\n}\n',
      'articles/factory-explosion-kills-8-in-northern-china.md': '---\nlead: yes please\nupdated: 2026-02-30\n---\n',
    });
    const site = await buildFixture(content);
    try {
      const brief = site.diagnostics.map((d) => `${d.file.slice(content.length + 1)}:${d.line}: ${d.severity}: ${d.message}`);
      expect(brief).toEqual(expect.arrayContaining([
        expect.stringMatching(/^site\.json:3: error: "logo" names missing\.png, which cannot be read/),
        expect.stringMatching(/^site\.json:6: warning: navigation names "page:nope"/),
        expect.stringMatching(/^site\.json:8: warning: .*"Atlantis"/),
        expect.stringMatching(/^articles\/factory-explosion-kills-8-in-northern-china\.md:2: error: "lead" must be true or false/),
        expect.stringMatching(/^articles\/factory-explosion-kills-8-in-northern-china\.md:3: error: "updated" must be a date/),
      ]));
      const home = await site.page('/');
      expect(home.querySelector('.masthead__logo')).toBeNull();
      expect([...home.querySelectorAll('.masthead__nav a')].map((a) => a.textContent)).toEqual(['Latest']);
    } finally {
      await site.cleanup();
    }
  });
});

describe('body text', () => {
  it('links bare http(s) addresses and no other scheme, and sets typographic quotes', async () => {
    const feed = [
      'Links In The Body', '', 'TT', '', 'Links In The Body', '',
      'Read "the report" at https://example.org/report?id=1 -- or www.example.com, javascript:alert(1) and ftp://example.org/x.', '',
      'Nothing here\'s a link.', '',
    ].join('\n');
    const site = await buildFixture(await makeContent({ 'feeds/links.txt': feed }, false));
    try {
      const page = await site.page('/articles/links-in-the-body/');
      const links = [...page.querySelectorAll('.story__body a')].map((a) => a.getAttribute('href'));
      expect(links).toEqual(['https://example.org/report?id=1']);
      expect(page.querySelector('.story__body p')!.textContent).toBe('Read “the report” at https://example.org/report?id=1 — or www.example.com, javascript:alert(1) and ftp://example.org/x.');
      expect(page.querySelectorAll('.story__body p')[1]!.textContent).toBe('Nothing here’s a link.');
    } finally {
      await site.cleanup();
    }
  });
});
