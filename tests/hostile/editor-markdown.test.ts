/**
 * Editor Markdown (override notes, pages) is sanitised with an allow-list:
 * no script, event handler, frame or javascript:/data: address survives,
 * what Markdown itself writes does, and each removal is reported.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { createMarkdown } from '../../src/site/markdown.ts';
import { parseOverride } from '../../src/site/overrides.ts';
import { parsePage } from '../../src/site/pages.ts';

const ATTACKS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(2)>',
  '<iframe src="javascript:alert(3)"></iframe>',
  '[x](javascript:alert(4))',
  '[y](JaVaScRiPt:alert(5)) <a href="data:text/html,<script>alert(6)</script>">d</a>',
  '<svg><script>alert(7)</script></svg> <form action="javascript:alert(8)"><button>b</button></form>',
  '<a href="&#106;avascript:alert(9)">e</a> <style>*{display:none}</style>',
].join('\n\n');

/** Anything in the HTML that could run: script elements, on* attributes, script or data addresses, frames. */
function runnable(html: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const found: string[] = [];
  for (const el of document.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    if (['script', 'iframe', 'object', 'embed', 'style', 'form', 'svg'].includes(tag)) found.push(`<${tag}>`);
    for (const { name, value } of Array.from(el.attributes as ArrayLike<{ name: string; value: string }>)) {
      if (name.startsWith('on')) found.push(`${tag}[${name}]`);
      if (/^\s*(javascript|data|vbscript):/i.test(value.replace(/[\u0000-\u0020]/g, ''))) found.push(`${tag}[${name}=${value}]`);
    }
  }
  return found;
}

describe('editor Markdown', () => {
  it('keeps nothing runnable in an override note, and says what it removed', () => {
    // The check itself can fail: marked alone lets the attacks through.
    expect(runnable(createMarkdown().parse(ATTACKS, { async: false })).length).toBeGreaterThanOrEqual(8);
    const { override, diagnostics } = parseOverride(`---\ndek: Fine\n---\n${ATTACKS}\n`, 'content/articles/x.md', 'x', createMarkdown());
    expect(runnable(override!.noteHtml!)).toEqual([]);
    expect(diagnostics).toEqual([expect.objectContaining({ severity: 'warning', rule: 'unsafe-html', line: 4, message: expect.stringContaining('<script>') })]);
    for (const what of ['the onerror attribute of <img>', '<iframe>', 'a javascript: address in <a>', 'a data: address in <a>', '<style>']) expect(diagnostics[0]!.message).toContain(what);
  });

  it('keeps nothing runnable in a page either', () => {
    const { page, diagnostics } = parsePage(`---\ntitle: About\n---\n${ATTACKS}\n`, 'content/pages/about.md', 'about', createMarkdown());
    expect(runnable(page!.html)).toEqual([]);
    expect(diagnostics.map((d) => d.rule)).toEqual(['unsafe-html']);
  });

  it('keeps what Markdown writes, and reports nothing for it', () => {
    const text = '## Correction\n\n*Corrected* on 9 February: [the ruling](https://court.example/r?a=1&b=2), [about](/about/), <mailto:desk@news.example>.\n\n- [x] done\n\n| a | b |\n|:-|-:|\n| 1 | 2 |\n\n> quoted `code`\n\n![map](/images/map.png "Map")\n';
    const { page, diagnostics } = parsePage(`---\ntitle: About\n---\n${text}`, 'content/pages/about.md', 'about', createMarkdown());
    expect(diagnostics).toEqual([]);
    const { document } = parseHTML(`<!doctype html><html><body>${page!.html}</body></html>`);
    expect([...document.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['https://court.example/r?a=1&b=2', '/about/', 'mailto:desk@news.example']);
    expect(document.querySelector('img')?.getAttribute('src')).toBe('/images/map.png');
    expect(['h2', 'em', 'ul', 'input', 'table', 'th', 'blockquote', 'code'].filter((t) => !document.querySelector(t))).toEqual([]);
  });
});
