import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linkRuns, smartText, smartTextReference } from '../../src/site/typography.ts';

const PIECES = ['a', 'Z', 'é', 'ب', '7', ' ', "'", '"', '`', '-', '--', '.', '...', ',', '<', '&', '\\', '&quot;', '<b>', 'it', "n't", 'said'];
const text = fc.oneof(
  fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((parts) => parts.join('')),
  fc.string({ maxLength: 30 }),
);

describe('smartText', () => {
  it('gives what SmartyPants gives on every text: its fast paths change nothing', () => {
    fc.assert(fc.property(text, (t) => smartText(t) === smartTextReference(t)), { numRuns: 5000 });
  });

  it('sets quotes, apostrophes, dashes and ellipses', () => {
    expect(smartText('"It\'s over," she said -- \'for now\'...')).toBe('“It’s over,” she said — ‘for now’…');
    expect(smartText("Parliament's vote")).toBe('Parliament’s vote');
  });

  it('keeps feed text as text: tags, entities and backslashes are not read as HTML or escapes', () => {
    const out = smartText('<b>"bold"</b> &quot;x&quot; \\"y\\" & <i>');
    // Only quote marks change; the rest, character for character, and no entity appears.
    expect(out.replace(/[“”]/g, '"')).toBe('<b>"bold"</b> &quot;x&quot; \\"y\\" & <i>');
    expect(out).not.toMatch(/&#/);
  });
});

describe('linkRuns', () => {
  it('links http(s) addresses written out, and nothing else', () => {
    expect(linkRuns('See https://example.org/a?b=1, http://x.example/ and www.example.com.')).toEqual([
      { text: 'See ' },
      { text: 'https://example.org/a?b=1', href: 'https://example.org/a?b=1' },
      { text: ', ' },
      { text: 'http://x.example/', href: 'http://x.example/' },
      { text: ' and www.example.com.' },
    ]);
    for (const t of ['javascript:alert(1)', 'ftp://example.org/x', 'mailto:a@example.org', '//example.org/x', 'a@example.org', 'data:text/html,<b>']) {
      expect(linkRuns(t), t).toEqual([{ text: t }]);
    }
  });

  it('gives back every character: the runs join to the text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 40 }).map((s) => `${s} https://e.example/${s.replace(/\s/g, '')} ${s}`), (t) => linkRuns(t).map((r) => r.text).join('') === t));
  });
});
