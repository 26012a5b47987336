/**
 * A language tag from content must be valid BCP 47, else a positioned
 * diagnostic and the site's default: control characters and quotes once
 * made feed.xml and news-sitemap.xml ill-formed.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalLanguageTag } from '../../src/language-tag.ts';
import { parseFeed } from '../../src/parser/index.ts';
import { parseSiteSettings } from '../../src/site/settings.ts';
import { buildFixture, makeContent } from '../site/helpers.ts';

const HOSTILE = 'en\u0001"<x>&';

describe('language tags', () => {
  it.each([
    ['en', 'en'],
    ['pt-br', 'pt-BR'],
    ['ar-EG', 'ar-EG'],
    [HOSTILE, null],
    ['en_US', null],
    ['', null],
  ])('%j → %j', (text, expected) => expect(canonicalLanguageTag(text)).toBe(expected));

  it('refuses a bad tag in feed front matter at its line, and keeps the site default', () => {
    const { articles, diagnostics } = parseFeed({ file: 'f.txt', text: `---\nsource: Wire\nlanguage: ${JSON.stringify(HOSTILE)}\n---\nHead\n\nTT\n\nHead\n\nBody.\n` });
    expect(articles[0]!.lang).toBeNull();
    expect(diagnostics).toEqual([expect.objectContaining({ line: 3, rule: 'front-matter', message: expect.stringContaining('BCP 47') })]);
  });

  it('refuses a bad tag in site.json', () => {
    const { settings, diagnostics } = parseSiteSettings(JSON.stringify({ title: 'T', language: HOSTILE }), 'site.json');
    expect(settings.language).toBe('en');
    expect(diagnostics).toEqual([expect.objectContaining({ severity: 'error', message: expect.stringContaining('BCP 47') })]);
  });

  it('builds well-formed feeds and news sitemap from a feed with a hostile language', { timeout: 60_000 }, async () => {
    const seed = await readFile(join(import.meta.dirname, '..', '..', 'content', 'feeds', '000_c9096681fbbcbff7.txt'), 'utf8');
    const content = await makeContent({ 'feeds/000_c9096681fbbcbff7.txt': `---\nlanguage: ${JSON.stringify(HOSTILE)}\n---\n${seed}` }, false);
    const site = await buildFixture(content);
    try {
      expect(site.diagnostics).toContainEqual(expect.objectContaining({ line: 2, rule: 'front-matter', message: expect.stringContaining('BCP 47') }));
      for (const file of ['feed.xml', 'news-sitemap.xml']) {
        const xml = await readFile(join(site.output, file), 'utf8');
        expect(xml).toContain('<?xml');
        expect(xml).not.toMatch(/[\u0001]|"<x>/);
      }
    } finally {
      await site.cleanup();
    }
  });
});
