/**
 * The words of each search bundle, for a search that stays right when the
 * index is split. Pagefind answers a word no page of a bundle has with the
 * longest prefix of it the bundle does have (*war* for *warns*), so a
 * bundle without the word would add near-matches that one index over the
 * whole site would never show. The vocabulary index
 * (`pagefind/vocabulary/`) holds one record per bundle, all the words of
 * its pages, with the bundle's name as a filter: the search page asks it
 * first which bundles have the words (Pagefind's own stemming and prefix
 * rules apply, and it falls back only when no bundle has them, as one
 * index would), then searches only those bundles.
 */
import { outputPathOf } from '../routes.ts';

/**
 * Every word of `texts`, lowercased, once, sorted, joined by spaces: each
 * whitespace-separated token with its edge punctuation off, its pieces
 * between other punctuation, and those pieces joined (`covid-19` gives
 * `covid-19`, `covid`, `19` and `covid19`), so that whatever way Pagefind
 * cuts a token, its words are here.
 *
 * @example
 * vocabularyOf(['Talks resume in Kyiv.', 'U.S. talks']) // => 'in kyiv resume s talks u u.s us'
 */
export function vocabularyOf(texts: Iterable<string>): string {
  const words = new Set<string>();
  // A bundle's text repeats its tokens many times over; each distinct one is
  // cut into words once (tests/discovery/search-index.test.ts holds this to
  // the version that cuts every token).
  const seen = new Set<string>();
  for (const text of texts) {
    for (const token of text.toLowerCase().split(WHITE_SPACE)) {
      if (seen.has(token)) continue;
      seen.add(token);
      const trimmed = token.replace(EDGE_PUNCTUATION, '');
      if (!trimmed) continue;
      words.add(trimmed);
      const pieces = trimmed.split(INNER_PUNCTUATION).filter(Boolean);
      if (pieces.length > 1) {
        for (const piece of pieces) words.add(piece);
        words.add(pieces.join(''));
      }
    }
  }
  return [...words].sort().join(' ');
}

const WHITE_SPACE = /\s+/u;
const EDGE_PUNCTUATION = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;
const INNER_PUNCTUATION = /[^\p{L}\p{N}]+/u;

/** What of an article the search index reads: the headline, the text, an editor's note. */
export interface IndexedArticle {
  url: string;
  headline: string;
  body: readonly { display: string }[];
  noteHtml: string | null;
}

/**
 * Each bundle's words, from the articles whose pages it holds.
 *
 * @example
 * writeSearchIndex('_site', { vocabulary: { words: bundleWords(site.articles), language: 'en' } });
 */
export function bundleWords(articles: readonly IndexedArticle[]): (bundle: { pages: readonly string[] }) => string {
  const byPage = new Map(articles.map((a) => [outputPathOf(a.url), a]));
  return (bundle) => vocabularyOf(bundle.pages.flatMap((page) => {
    const article = byPage.get(page);
    if (!article) return [];
    const note = article.noteHtml ? [article.noteHtml.replace(/<[^>]*>/g, ' ')] : [];
    return [article.headline, ...article.body.map((b) => b.display), ...note];
  }));
}
