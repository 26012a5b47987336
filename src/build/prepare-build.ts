/**
 * Everything a build knows before Eleventy renders a page: the content
 * folder read and parsed, the site model, discovery (topics, related
 * stories, feeds, sitemaps) and the page plan. Made once per build (once
 * per rebuild under `serve`) and handed to Eleventy as plugin options.
 */
import { buildDiscovery, type DiscoveryData } from '../discovery/index.ts';
import { buildGazetteer, type Gazetteer } from '../discovery/place-names.ts';
import type { EntityMention } from '../discovery/entities.ts';
import type { BuildMemo } from '../memoise.ts';
import { cachedTimeReader, type TimeReader } from '../discovery/publication-date.ts';
import { sortDiagnostics } from '../diagnostics.ts';
import { loadSite } from '../site/load-site.ts';
import type { ArticleMemo } from '../site/model.ts';
import { createMarkdown } from '../site/markdown.ts';
import type { Diagnostic, SiteData } from '../types.ts';
import { readdir } from 'node:fs/promises';
import { planPages, type PagePlan } from './page-plan.ts';
import { templateFingerprints, type TemplateFingerprints } from './page-fingerprints.ts';
import type { ParseCache } from './parse-cache.ts';
import { TEMPLATES_DIR, type TemplateCache } from './render-pages.ts';

export interface BuildInputs {
  /** The content folder: `feeds/`, `articles/`, `images/`, `pages/`, `site.json`. */
  contentDir: string;
  /** Where the site is written (photos are encoded straight into its `img/`). */
  outputDir: string;
  /** `--now`: the news sitemap's "now"; default the newest publication date. */
  now?: string | null;
}

/** One build's data, complete before rendering starts. Frozen: Eleventy shares frozen data with every template instead of copying it. */
export interface PreparedBuild {
  inputs: BuildInputs;
  /** The templates' `broadsheet` global data. */
  site: SiteData;
  /** The templates' `discovery` global data. */
  discovery: DiscoveryData;
  /** Reads publication dates, cached per (day, zone); the page filters share it with discovery. */
  readTime: TimeReader;
  /** Every file the build will write, before a page is rendered. */
  plan: PagePlan;
  /** The templates' fingerprints, as the plan's page fingerprints were made with them. */
  templates: TemplateFingerprints;
  /** Content problems, sorted by file and line. */
  diagnostics: Diagnostic[];
}

/**
 * What may be reused across builds: the place-name dataset, parse results
 * of unchanged feeds, what discovery and search found in unchanged articles
 * and bundles (kept in memory by the dev server, in the cache folder by
 * `broadsheet build`: src/build/memo-cache.ts), and (in the dev server,
 * which builds many times in one process) unchanged articles.
 */
export interface BuildReuse {
  gazetteer?: Gazetteer;
  parseCache?: ParseCache | null;
  scores?: BuildMemo<Map<string, number>>;
  /** People and organisations of unchanged articles, by revision. */
  entities?: BuildMemo<EntityMention[]>;
  articles?: ArticleMemo;
  /** Article identities (src/build/article-identity.ts), by feed file and revision. */
  identities?: BuildMemo<string>;
  /** Search bundles' words for the vocabulary index, by bundle fingerprint (src/build/search-update.ts). */
  words?: BuildMemo<string>;
  /** Nunjucks' compiled templates (src/build/render-pages.ts), kept by the dev server from one rebuild to the next. */
  templates?: TemplateCache;
}

/**
 * content folder ─loadSite─▶ records + site model ─buildDiscovery─▶ topics,
 * feeds, sitemaps ─planPages─▶ the page plan.
 *
 * @example
 * const build = await prepareBuild({ contentDir: 'content', outputDir: '_site' });
 * build.plan.files.map((f) => f.path) // => ['index.html', '2026/02/08/…/index.html', …]
 */
export async function prepareBuild(inputs: BuildInputs, reuse: BuildReuse = {}): Promise<PreparedBuild> {
  const { site, diagnostics } = await loadSite({ contentDir: inputs.contentDir, outputDir: inputs.outputDir, markdown: createMarkdown(), parseCache: reuse.parseCache ?? null, ...(reuse.articles ? { articleMemo: reuse.articles } : {}) });
  // luxon's zone arithmetic is the costly part of reading dates: one cache per build.
  const readTime = cachedTimeReader();
  reuse.scores?.nextBuild();
  reuse.entities?.nextBuild();
  reuse.words?.nextBuild();
  const discovery = buildDiscovery(site, {
    now: inputs.now ?? null,
    gazetteer: reuse.gazetteer ?? buildGazetteer(),
    readTime,
    ...(reuse.scores ? { scores: reuse.scores } : {}),
    ...(reuse.entities ? { entities: reuse.entities } : {}),
  });
  diagnostics.push(...unknownSections(site, discovery));
  const templates = templateFingerprints(TEMPLATES_DIR);
  return {
    inputs,
    site: Object.freeze(site),
    discovery: Object.freeze(discovery),
    readTime,
    plan: planPages(site, discovery, await listPublicFiles(), templates),
    templates,
    diagnostics: sortDiagnostics(diagnostics),
  };
}

/** A front-page section `site.json` names that is no topic: a warning on its line (the section may come back with tomorrow's news). */
function unknownSections(site: SiteData, discovery: DiscoveryData): Diagnostic[] {
  const front = site.settings.frontPage;
  if (!front) return [];
  const names = new Set(discovery.topicIndex.topics.map((t) => t.name.toLocaleLowerCase('en')));
  return front.sections.flatMap((name, i) =>
    names.has(name.toLocaleLowerCase('en'))
      ? []
      : [{ file: site.settings.file ?? 'site.json', line: front.sectionLines[i] ?? 1, severity: 'warning' as const, rule: 'settings-value', message: `frontPage.sections names "${name}", which is no topic of this site; it gets a section once stories are filed under it` }],
  );
}

/** The folder of files copied as they are to the site root (CSS, scripts, favicon), in the project folder. */
export const PUBLIC_DIR = 'public';

/** Files under `public/`, as sorted paths with `/` separators. */
async function listPublicFiles(): Promise<string[]> {
  const entries = await readdir(PUBLIC_DIR, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => `${e.parentPath.slice(PUBLIC_DIR.length + 1)}/${e.name}`.replace(/^\//, '').split('\\').join('/'))
    .sort();
}
