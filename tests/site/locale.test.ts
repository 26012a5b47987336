import { describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENGLISH, formatNumber, loadLocale, parseLocale, shippedLocale, translate, type Message } from '../../src/site/locale.ts';
import { parseSiteSettings } from '../../src/site/settings.ts';

const placeholdersOf = (message: Message) =>
  [...new Set((typeof message === 'string' ? [message] : Object.values(message)).flatMap((t) => [...(t ?? '').matchAll(/\{(\w+)\}/g)].map((m) => m[1])))].sort();

describe('the shipped locales', () => {
  it('Arabic has every English message, with the same placeholders, and no English word', async () => {
    const arabic = JSON.parse(await readFile(join(import.meta.dirname, '../../src/locales/ar.json'), 'utf8')) as Record<string, Message>;
    expect(Object.keys(arabic).sort()).toEqual(Object.keys(ENGLISH).sort());
    for (const [key, message] of Object.entries(arabic)) {
      // `{count}` may be spelled out in a form ("دقيقتين" for two).
      expect(placeholdersOf(message).filter((p) => p !== 'count'), key).toEqual(placeholdersOf(ENGLISH[key]!).filter((p) => p !== 'count'));
      expect(JSON.stringify(message), key).not.toEqual(JSON.stringify(ENGLISH[key]));
    }
    expect(parseLocale(JSON.stringify(arabic), 'ar.json').diagnostics).toEqual([]);
  });
});

describe('translate', () => {
  it('fills placeholders and picks CLDR plural forms', () => {
    const en = shippedLocale('en');
    const ar = shippedLocale('ar');
    expect(translate(en, 'archive.count', { count: 1 })).toBe('1 story');
    expect(translate(en, 'archive.count', { count: 12 })).toBe('12 stories');
    expect([0, 1, 2, 3, 11, 100].map((count) => translate(ar, 'archive.count', { count }))).toEqual(['لا أخبار', 'خبر واحد', 'خبران', '3 أخبار', '11 خبرًا', '100 خبر']);
    expect(translate(en, 'story.byline', { name: 'Jane Doe' })).toBe('By Jane Doe');
    expect(() => translate(en, 'no.such.key')).toThrow(/no interface message "no.such.key"/);
  });

  it('prints numbers with the locale\'s digits', () => {
    expect(formatNumber(1234, 'en')).toBe('1,234');
    expect(formatNumber(12, 'ar-EG')).toBe('١٢');
  });
});

describe('parseLocale', () => {
  it('reports unknown keys, bad messages and unknown placeholders on their lines, and keeps the rest', () => {
    const text = '{\n  "nav.home": "Accueil",\n  "nav.hom": "typo",\n  "nav.archive": 3,\n  "story.byline": "Par {author}",\n  "archive.count": { "one": "{count} article" }\n}';
    const { messages, diagnostics } = parseLocale(text, 'fr.json');
    expect(messages).toEqual({ 'nav.home': 'Accueil' });
    expect(diagnostics.map((d) => [d.line, d.severity])).toEqual([[3, 'warning'], [4, 'error'], [5, 'error'], [6, 'error']]);
    expect(diagnostics[2]!.message).toMatch(/\{author\}, which the page does not give \(it gives \{name\}\)/);
  });

  it('reports invalid JSON with its line', () => {
    const { diagnostics } = parseLocale('{\n  "nav.home": "A",\n  oops\n}', 'fr.json');
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ line: 3, severity: 'error', rule: 'locale-syntax' });
  });
});

describe('loadLocale', () => {
  const withContent = async (files: Record<string, string>, run: (dir: string) => Promise<void>) => {
    const dir = await mkdtemp(join(tmpdir(), 'broadsheet-locale-'));
    try {
      await mkdir(join(dir, 'locales'));
      for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
      await run(dir);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };

  it('uses the shipped words of a tag\'s language (en-GB → en, ar-EG → ar) without a warning', async () => {
    await withContent({}, async (dir) => {
      expect((await loadLocale(dir, 'en-GB')).diagnostics).toEqual([]);
      const arabic = await loadLocale(dir, 'ar-EG');
      expect(arabic.diagnostics).toEqual([]);
      expect(arabic.locale).toMatchObject({ tag: 'ar-EG', dir: 'rtl' });
      expect(translate(arabic.locale, 'nav.archive')).toBe('الأرشيف');
    });
  });

  it('lays an editor\'s file over the shipped words, and English fills the rest with a warning naming what is missing', async () => {
    await withContent({ 'locales/fr.json': '{ "nav.home": "À la une" }', 'locales/ar.json': '{ "nav.home": "الرئيسية" }' }, async (dir) => {
      const french = await loadLocale(dir, 'fr');
      expect(translate(french.locale, 'nav.home')).toBe('À la une');
      expect(translate(french.locale, 'nav.archive')).toBe('Archive');
      expect(french.diagnostics).toHaveLength(1);
      expect(french.diagnostics[0]).toMatchObject({ file: join(dir, 'locales/fr.json'), line: 1, severity: 'warning', rule: 'locale-missing' });
      expect(french.diagnostics[0]!.message).toMatch(/lacks \d+ messages \(skipLink, nav\.label/);
      const arabic = await loadLocale(dir, 'ar');
      expect(translate(arabic.locale, 'nav.home')).toBe('الرئيسية');
      expect(translate(arabic.locale, 'nav.archive')).toBe('الأرشيف');
      expect(arabic.diagnostics).toEqual([]);
    });
  });

  it('warns when a language has no words at all, and shows English', async () => {
    await withContent({}, async (dir) => {
      const { locale, diagnostics } = await loadLocale(dir, 'de');
      expect(translate(locale, 'nav.archive')).toBe('Archive');
      expect(diagnostics.map((d) => d.message)).toEqual([expect.stringMatching(/no interface strings for "de"; add content\/locales\/de\.json/)]);
    });
  });
});

describe('site.json: navigation, logo and front page', () => {
  it('reads them', () => {
    const text = JSON.stringify({ logo: '/brand/logo.svg', navigation: ['home', 'page:about', { label: 'Weather', url: '/topics/weather/' }], frontPage: { sections: ['Iran'], sectionSize: 6 } }, null, 2);
    const { settings, diagnostics } = parseSiteSettings(text, 'site.json');
    expect(diagnostics).toEqual([]);
    expect(settings.logo).toBe('brand/logo.svg');
    expect(settings.navigation?.map((e) => e.kind)).toEqual(['home', 'page', 'link']);
    expect(settings.frontPage).toMatchObject({ sections: ['Iran'], sectionSize: 6 });
  });

  it('reports bad entries on their lines', () => {
    const text = '{\n  "logo": "img/logo.png",\n  "navigation": [\n    "home",\n    "weather"\n  ],\n  "frontPage": { "sectionSize": 40 }\n}';
    const { diagnostics } = parseSiteSettings(text, 'site.json');
    expect(diagnostics.map((d) => [d.line, d.message.slice(0, 40)])).toEqual([
      [2, '"logo" must not be written where Broadsh'],
      [5, 'unknown navigation entry "weather": use '],
      [7, '"frontPage.sectionSize" must be a whole '],
    ]);
  });
});
