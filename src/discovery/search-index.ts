/**
 * The Pagefind search index: an I/O edge run by `broadsheet build` after
 * Eleventy has written the site. Pagefind reads the built HTML (article
 * bodies are marked `data-pagefind-body`, headlines weighted) and writes
 * `pagefind/` beside it: the index and the UI the /search/ page loads, so
 * search works offline on the built site with no server code.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';

export interface SearchIndexResult {
  /** Pages in the index (the article pages), summed over its languages. */
  pages: number;
}

/**
 * Indexes `outputDir` and writes `outputDir/pagefind/`.
 *
 * @example
 * const { pages } = await writeSearchIndex('_site'); // pages === number of articles
 */
export async function writeSearchIndex(outputDir: string): Promise<SearchIndexResult> {
  const { index, errors } = await pagefind.createIndex({});
  try {
    if (!index) throw new Error(`pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: outputDir });
    if (added.errors.length) throw new Error(`pagefind could not index ${outputDir}: ${added.errors.join('; ')}`);
    const outputPath = join(outputDir, 'pagefind');
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new Error(`pagefind could not write its index: ${written.errors.join('; ')}`);
    // `page_count` from addDirectory counts every HTML file seen; the entry
    // file counts what the index holds.
    const entry = JSON.parse(await readFile(join(outputPath, 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    return { pages: Object.values(entry.languages).reduce((sum, l) => sum + l.page_count, 0) };
  } finally {
    await pagefind.close();
  }
}
