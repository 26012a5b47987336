/**
 * An article's identity across builds: what stays the same when an editor
 * corrects its headline (which changes its slug and so its URL), so the old
 * URL can redirect to the new one. See docs/publishing.md, "Corrected
 * headlines and retractions".
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { SiteArticle } from '../types.ts';

/**
 * A stable id from the feed file's name, the captions and the opening
 * paragraph — not the headline, the slug or the date, which an editor
 * corrects. Articles whose ids coincide (the same file, captions and lede)
 * get no redirects: nothing tells them apart.
 *
 * @example
 * articleIdentity(article) // => '3f2a9c0d5e1b7a48'
 */
export function articleIdentity(article: Pick<SiteArticle, 'source' | 'images' | 'body'>): string {
  const lede = article.body.find((b) => b.type === 'paragraph')?.text ?? '';
  const parts = [basename(article.source.file), ...article.images.map((i) => i.caption), lede];
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 16);
}
