/**
 * What a newsroom fears most, built twice into the same folder: an article
 * removed from the feed (a retraction) is gone from every page, feed,
 * sitemap and the search index; an article whose headline was corrected in
 * both copies keeps its old URL as a redirect; a file put into the output
 * by hand survives. Runs `broadsheet build` as CI would, with a cache folder.
 */
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from '../../src/cli/build.ts';
import { makeContentFolder } from '../support/content-folder.ts';

const CHINA = 'Factory Explosion Kills 8 in Northern China';
const IRAN = 'Iran Warns Will Not Give Up Enrichment Despite US War Threat';
const IRAN_FIXED = 'Iran Vows to Keep Enriching Uranium Despite US War Threat';
const OLD_IRAN_URL = '/2026/02/08/iran-warns-will-not-give-up-enrichment-despite-us-war-threat/';
const NEW_IRAN_URL = '/2026/02/08/iran-vows-to-keep-enriching-uranium-despite-us-war-threat/';
const CHINA_URL = '/2026/02/08/factory-explosion-kills-8-in-northern-china/';

let root: string;
let content: string;
let output: string;
let cache: string;
const build = () => runBuild(['--content', content, '--output', output, '--cache', cache]);
const feedFile = () => join(content, 'feeds', '000_c9096681fbbcbff7.txt');

/** Every file of the output, with the search index's compressed fragments and metadata decompressed. */
async function allText(): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (const entry of await readdir(output, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    let bytes = await readFile(path);
    if (/\.pf_(fragment|meta|index)$/.test(entry.name)) bytes = gunzipSync(bytes);
    texts.set(path.slice(output.length + 1), bytes.toString('utf8'));
  }
  return texts;
}

beforeAll(async () => {
  ({ root, content } = await makeContentFolder({ prefix: 'broadsheet-retraction-' }));
  output = join(root, '_site');
  cache = join(root, 'cache');
  expect(await build()).toBe(0);
  await writeFile(join(output, 'CNAME'), 'news.example\n');
  const before = await allText();
  // The check below can fail: before the retraction, the search index names the article too.
  expect([...before].some(([path, text]) => path.startsWith('pagefind/') && text.includes(CHINA))).toBe(true);
  // Retract the China article; correct the Iran headline in both copies.
  const lines = (await readFile(feedFile(), 'utf8')).split('\n');
  const from = lines.indexOf(CHINA);
  const to = lines.indexOf(IRAN);
  const edited = [...lines.slice(0, from), ...lines.slice(to)].map((l) => (l === IRAN ? IRAN_FIXED : l));
  await writeFile(feedFile(), edited.join('\n'));
  expect(await build()).toBe(0);
}, 120_000);
afterAll(() => rm(root, { recursive: true, force: true }));

describe('a rebuild after a retraction and a corrected headline', () => {
  it('leaves no trace of the retracted article: pages, feeds, sitemaps, search', async () => {
    expect(await stat(join(output, CHINA_URL)).catch(() => null)).toBeNull();
    const mentions = [...(await allText())].filter(([, text]) => text.includes(CHINA) || text.includes(CHINA_URL)).map(([path]) => path);
    expect(mentions).toEqual([]);
  });

  it('redirects the corrected article’s old URL to the new one, and lists only the new one', async () => {
    const redirect = await readFile(join(output, OLD_IRAN_URL, 'index.html'), 'utf8');
    expect(redirect).toContain(`<meta http-equiv="refresh" content="0; url=${NEW_IRAN_URL}">`);
    expect(redirect).toContain(`<link rel="canonical" href="https://broadsheet.example${NEW_IRAN_URL}">`);
    expect(redirect).toContain('<meta name="robots" content="noindex">');
    expect(redirect).toContain(`<a href="${NEW_IRAN_URL}">${IRAN_FIXED}</a>`);
    expect(await readFile(join(output, NEW_IRAN_URL, 'index.html'), 'utf8')).toContain(IRAN_FIXED);
    for (const file of ['sitemap.xml', 'news-sitemap.xml', 'feed.xml', 'rss.xml', 'feed.json']) {
      const text = await readFile(join(output, file), 'utf8');
      expect(text, file).toContain(NEW_IRAN_URL);
      expect(text, file).not.toContain(OLD_IRAN_URL);
    }
  });

  it('keeps a file put into the output folder by hand', async () => {
    expect(await readFile(join(output, 'CNAME'), 'utf8')).toBe('news.example\n');
  });

  it('keeps the redirect through later builds, and writes the same bytes again', async () => {
    const before = await allText();
    expect(await build()).toBe(0);
    expect(await allText()).toEqual(before);
  });
});
