/**
 * A whole build, as one chain of named stages — the page a newcomer reads
 * to follow the content folder to the written files:
 *
 *   prepareBuild   content/ → feed records → site model → discovery → page plan
 *   renderPages    the plan's pages, feeds and sitemaps → the output folder (Eleventy)
 *   writeSearchIndex  the article pages → pagefind/ (Pagefind)
 *
 * `broadsheet build` runs it once; `broadsheet serve` runs the same stages
 * on every rebuild (src/cli/serve-worker.ts).
 */
import type { Diagnostic } from '../types.ts';
import { writeSearchIndex, type SearchIndexResult } from '../discovery/search-index.ts';
import { prepareBuild, type BuildInputs } from './prepare-build.ts';
import { renderPages } from './render-pages.ts';

export interface BuildSiteOptions extends BuildInputs {
  /** Called with the build's diagnostics, sorted, as soon as the content is read (before rendering). */
  onDiagnostics?: (diagnostics: Diagnostic[]) => void;
  /** Index the site for search (default true). */
  search?: boolean;
  /** Article pages per Eleventy run (see ARTICLES_PER_RUN). */
  articlesPerRun?: number;
}

export interface BuildSiteResult {
  diagnostics: Diagnostic[];
  /** The search index written, or null without search. */
  search: SearchIndexResult | null;
}

/**
 * Builds the site. Content problems are diagnostics; a template error or an
 * unwritable folder throws.
 *
 * @example
 * const { diagnostics } = await buildSite({ contentDir: 'content', outputDir: '_site' });
 */
export async function buildSite(options: BuildSiteOptions): Promise<BuildSiteResult> {
  const build = await prepareBuild(options);
  options.onDiagnostics?.(build.diagnostics);
  await renderPages(build, options);
  const search = options.search === false ? null : await writeSearchIndex(options.outputDir);
  return { diagnostics: build.diagnostics, search };
}
