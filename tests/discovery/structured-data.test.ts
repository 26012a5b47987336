import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { newsArticleJsonLd, scriptSafeJson } from '../../src/discovery/structured-data.ts';
import { article, SITE } from './helpers.ts';

const XSS = 'Leak </script><script>alert(1)</script> & <!-- more';

describe('newsArticleJsonLd', () => {
  it('carries the fields Google News reads', () => {
    const withPhoto = article('a', {
      byline: 'Jane Roe',
      images: [{ caption: 'A street', credit: 'AFP', picture: { src: '/img/a-800.jpg', width: 800, height: 533 } }],
    });
    const ld = newsArticleJsonLd(withPhoto, SITE, [{ slug: 'iran', name: 'Iran', country: 'IR', kind: 'place' }]);
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Headline a',
      datePublished: '2026-02-08T00:00:00+03:00',
      dateModified: '2026-02-08T00:00:00+03:00',
      image: [{ '@type': 'ImageObject', url: 'https://news.example/img/a-800.jpg', width: 800, height: 533 }],
      author: [{ '@type': 'Person', name: 'Jane Roe' }],
      publisher: { name: 'The Test Gazette', logo: { '@type': 'ImageObject', url: 'https://news.example/logo.png' } },
      inLanguage: 'en',
      mainEntityOfPage: { '@type': 'WebPage', '@id': 'https://news.example/a/' },
      about: [{ '@type': 'Thing', name: 'Iran' }],
    });
  });

  it('names the publisher as author without a byline and omits missing photos and dates', () => {
    const ld = newsArticleJsonLd(article('b', { published: null, lang: 'ar' }), SITE);
    expect(ld.author).toEqual([ld.publisher]);
    expect(ld).not.toHaveProperty('image');
    expect(ld).not.toHaveProperty('datePublished');
    expect(ld.inLanguage).toBe('ar');
  });
});

describe('scriptSafeJson', () => {
  it('escapes <, > and & so the JSON cannot end its script element', () => {
    const json = scriptSafeJson(newsArticleJsonLd(article('x', { headline: XSS }), SITE));
    expect(json).not.toMatch(/[<>&]/);
    expect(JSON.parse(json).headline).toBe(XSS);
    const { document } = parseHTML(
      `<!doctype html><html><head><script type="application/ld+json">${json}</script></head><body></body></html>`,
    );
    const scripts = document.querySelectorAll('script');
    expect(scripts.length).toBe(1);
    expect(JSON.parse(scripts[0]?.textContent ?? '').headline).toBe(XSS);
  });

  it('escapes the line separators old JavaScript parsers reject', () => {
    expect(scriptSafeJson('a\u2028b\u2029')).toBe('"a\\u2028b\\u2029"');
  });
});
