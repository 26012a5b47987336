/**
 * The shipped seed's topic pages: people and organisations as well as
 * countries, each listing the articles that name them, with a description,
 * their own feeds, and the topics index grouped by kind.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildFixture, makeContent, type FixtureSite } from '../site/helpers.ts';

let site: FixtureSite;
beforeAll(async () => {
  site = await buildFixture(await makeContent());
});
afterAll(() => site?.cleanup());

const storiesOn = async (slug: string) =>
  [...(await site.page(`/topics/${slug}/`)).querySelectorAll('.card__headline a')].map((a) => a.getAttribute('href'));
/** The topic names the index lists under one kind's heading. */
const namesOfKind = (index: Document, kind: string) =>
  [...index.querySelectorAll('section.topic-group')].filter((s) => s.getAttribute('aria-labelledby') === `topics-${kind}`).flatMap((s) => [...s.querySelectorAll('a')].map((a) => a.textContent));
const SUMMIT = '/2025/09/04/26-nations-vow-to-give-ukraine-postwar-security-guarantees-macron-says/';

describe('the seed site', () => {
  it('builds with no diagnostics', () => {
    expect(site.diagnostics).toEqual([]);
  });

  it('has topic pages for Putin, Trump, Macron, Zelenskiy and NATO, each listing the article that names them', async () => {
    for (const slug of ['vladimir-putin', 'donald-trump', 'emmanuel-macron', 'volodymyr-zelenskiy', 'nato']) {
      expect(await storiesOn(slug), slug).toEqual([SUMMIT]);
    }
    const doc = await site.page('/topics/vladimir-putin/');
    expect(doc.querySelector('h1')!.textContent).toBe('Vladimir Putin');
    // The article links to them among its topics.
    const topics = [...(await site.page(SUMMIT)).querySelectorAll('.story__topics a')].map((a) => a.textContent);
    expect(topics).toEqual(expect.arrayContaining(['Vladimir Putin', 'Donald Trump', 'Emmanuel Macron', 'Volodymyr Zelenskiy', 'NATO']));
  });

  it('files the FSB under the name the article spells out, and the GRU and Xinhua as organisations', async () => {
    expect(await storiesOn('federal-security-service')).toEqual(['/2026/02/08/russia-man-suspected-of-shooting-top-general-detained-in-dubai/']);
    const index = await site.page('/topics/');
    const organisations = namesOfKind(index, 'organisation');
    expect(organisations).toEqual(expect.arrayContaining(['Federal Security Service', 'GRU', 'NATO', 'Xinhua']));
  });

  it('has no topic page for a non-entity', async () => {
    const index = await site.page('/topics/');
    const names = [...index.querySelectorAll('.topic-list a')].map((a) => a.textContent!);
    for (const wrong of ['Sunday', 'President', 'Photo', 'Putin', 'Trump', 'Gulf', 'State', 'White House', 'Elysee Palace', 'Reuters']) expect(names, wrong).not.toContain(wrong);
  });

  it('groups the topics index by kind: people, organisations, places', async () => {
    const index = await site.page('/topics/');
    expect([...index.querySelectorAll('.topic-group h2')].map((h) => h.textContent)).toEqual(expect.arrayContaining(['People', 'Organisations', 'Places']));
    const people = namesOfKind(index, 'person');
    expect(people).toEqual(expect.arrayContaining(['Vladimir Putin', 'Steve Witkoff', 'Abbas Araghchi']));
    expect(people).not.toContain('Iran');
  });

  it('gives topic pages a description and their own Atom and JSON feeds, linked from the page', async () => {
    const nato = await site.page('/topics/nato/');
    expect(nato.querySelector('.topic-description')!.textContent).toMatch(/^The North Atlantic Treaty Organization/);
    const iran = await site.page('/topics/iran/');
    expect(iran.querySelector('.topic-description')!.textContent).toBe('A country in Southern Asia. Capital: Tehran.');
    expect(iran.querySelector('link[rel=alternate][type="application/atom+xml"][href="/topics/iran/feed.xml"]')).not.toBeNull();
    expect(iran.querySelector('.topic-feeds a[href="/topics/iran/feed.json"]')).not.toBeNull();
    const atom = await readFile(join(site.output, 'topics/iran/feed.xml'), 'utf8');
    expect(atom).toContain('<title>The Broadsheet: Iran</title>');
    expect(atom).toContain('/2026/02/08/iran-warns-will-not-give-up-enrichment-despite-us-war-threat/');
    const json = JSON.parse(await readFile(join(site.output, 'topics/nato/feed.json'), 'utf8')) as { title: string; authors: { name: string }[]; items: { url: string; content_text?: string }[] };
    expect(json.title).toBe('The Broadsheet: NATO');
    // Titled after the topic, written by the site.
    expect(json.authors.map((a) => a.name)).toEqual(['The Broadsheet']);
    expect(atom).toMatch(/<\/updated>\s*<author><name>The Broadsheet<\/name><\/author>/);
    expect(json.items.map((i) => new URL(i.url).pathname)).toEqual([SUMMIT]);
    expect(json.items[0]!.content_text).toBeTruthy();
  });

  it('relates stories through the richer topics: the two that name Steve Witkoff', async () => {
    const iran = await site.page('/2026/02/08/iran-warns-will-not-give-up-enrichment-despite-us-war-threat/');
    expect([...iran.querySelectorAll('.related a')].map((a) => a.getAttribute('href'))).toContain(SUMMIT);
  });
});
