import type { ArticleDraft, ArticleRecord, Diagnostic, FeedLines, FeedMeta } from '../types.ts';
import { countWords, toBodyBlocks } from './body-blocks.ts';
import { parseCaption } from './parse-caption.ts';
import { inferPublishedDate } from './published-date.ts';
import { slugify } from './slugs.ts';
import { detectDirection } from './text-direction.ts';

export interface BuildResult {
  articles: ArticleRecord[];
  diagnostics: Diagnostic[];
}

/**
 * Turns one file's article drafts into records: captions split into text,
 * credit and date; body lines into paragraphs and subheads; the publication
 * date from front matter or inferred; direction, slug and word count. Slugs
 * are unique per headline only here; `parseFeeds` makes them unique overall.
 *
 * @example
 * const lines = normaliseLines(text);
 * const { drafts } = splitArticles(lines, 'a.txt');
 * buildRecords(drafts, lines, meta, 'a.txt').articles[0].images[0].credit // => 'EPA'
 */
export function buildRecords(drafts: readonly ArticleDraft[], lines: FeedLines, meta: FeedMeta, file: string): BuildResult {
  const diagnostics: Diagnostic[] = [];
  const articles = drafts.map((draft): ArticleRecord => {
    const images = draft.captions.map((c) => parseCaption(c.text, c.line));
    const body = toBodyBlocks(lines.texts, draft.body);
    const headline = draft.headline.text;
    if (draft.truncated !== null) {
      diagnostics.push({
        severity: 'warning',
        file,
        line: draft.headline.line,
        endLine: draft.endLine,
        message: `article "${headline}" looks truncated (${draft.truncated}); kept with ${body.length === 0 ? 'an empty body' : 'the body it has'}`,
        rule: 'truncated-article',
      });
    }
    const lede = body.find((b) => b.type === 'paragraph')?.text;
    return {
      slug: slugify(headline),
      headline,
      images,
      body,
      published: meta.published ?? inferPublishedDate(lede, images.map((i) => i.date)),
      source: { file, line: draft.headline.line, endLine: draft.endLine },
      dir: mayHoldRtl(draft, lines.maybeRtl) ? detectDirection([headline, ...body.map((b) => b.text)]) : 'ltr',
      lang: meta.lang,
      sourceName: meta.sourceName,
      timeZone: meta.timeZone,
      wordCount: countWords(body),
    };
  });
  return { articles, diagnostics };
}

/**
 * Whether the headline or a body line may hold a right-to-left letter, by
 * the flags the line stage set. With none, `detectDirection` would answer
 * 'ltr' after testing every text again, so it is not called.
 */
function mayHoldRtl(draft: ArticleDraft, maybeRtl: Uint8Array): boolean {
  if (maybeRtl[draft.headline.line - 1] === 1) return true;
  for (let k = 0; k < draft.body.length; k++) if (maybeRtl[draft.body[k]!] === 1) return true;
  return false;
}
