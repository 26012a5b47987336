/**
 * The site the quality gates check: the shipped `content/` plus the larger
 * fixture in `tests/fixtures-site/`, built once by the real `broadsheet build`
 * into a temporary folder, and its pages sorted into page types.
 */
import { spawn } from 'node:child_process';
import { cp, readdir, readFile, rm } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { makeContentFolder } from './content-folder.ts';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url)).replace(/\/$/, '');
const FIXTURE_FEEDS = join(PROJECT_ROOT, 'tests/fixtures-site/feeds');
/** The Arabic edition: a whole content folder of its own (tests/fixtures-edition-ar/). */
const EDITION_AR = join(PROJECT_ROOT, 'tests/fixtures-edition-ar');

/** Which site the gates check: the English (shipped content plus the fixture feeds) or the Arabic edition. */
export type Edition = 'en' | 'ar';

export interface BuiltSite {
  /** The temporary folder holding `content/` and `site/`. */
  root: string;
  siteDir: string;
  /** Site-relative paths of every HTML file, sorted (`index.html`, `about/index.html`…). */
  htmlFiles: string[];
  /** The build's stderr: diagnostics and the summary line. */
  log: string;
  remove(): Promise<void>;
}

/**
 * Copies `content/` and the fixture feeds into a temporary folder and runs
 * `broadsheet build` on them. Throws with the build's output when it fails.
 *
 * @example
 * const site = await buildFixtureSite();
 * site.htmlFiles; // ['2025/09/04/…/index.html', …, 'index.html', 'page/2/index.html']
 */
export async function buildFixtureSite(edition: Edition = 'en'): Promise<BuiltSite> {
  const { root, content: contentDir } = edition === 'en'
    ? await makeContentFolder({ prefix: 'broadsheet-e2e-', feedFolders: [FIXTURE_FEEDS], extra: await fixturePhotos(PHOTOS.en) })
    : await makeContentFolder({ prefix: 'broadsheet-e2e-ar-', withSeed: false, extra: await fixturePhotos(PHOTOS.ar) });
  if (edition === 'ar') await cp(EDITION_AR, contentDir, { recursive: true });
  const siteDir = join(root, 'site');
  const { code, output } = await new Promise<{ code: number | null; output: string }>((done, fail) => {
    const child = spawn(process.execPath, ['bin/broadsheet.js', 'build', '--content', contentDir, '--output', siteDir], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, GITHUB_ACTIONS: 'false' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let text = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
    child.once('error', fail);
    child.once('close', (exitCode) => done({ code: exitCode, output: text }));
  });
  const remove = () => rm(root, { recursive: true, force: true });
  if (code !== 0) {
    await remove();
    throw new Error(`broadsheet build exited with ${code}:\n${output}`);
  }
  const entries = await readdir(siteDir, { recursive: true, withFileTypes: true });
  const htmlFiles = entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => relative(siteDir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
  return { root, siteDir, htmlFiles, log: output, remove };
}

/**
 * Photo files for a few stories, so photos on article pages, cards and
 * related stories go through the gates: plain colours made by sharp at
 * test time rather than binary files in the repository.
 */
const PHOTOS: Record<Edition, [slug: string, colour: string, width: number, height: number][]> = {
  en: [
    ['scientists-unveil-tariff-cuts-in-doha', '#5b6e7a', 1200, 800],
    ['lebanon-tech-giants-unveil-port-expansion', '#7a5b4f', 1000, 750],
    ['heatwave-kills-27-in-southern-spain', '#8a7a3f', 1600, 900],
  ],
  ar: [
    ['alaraq-yaln-ntaij-awlya-lihsa-alskan', '#4f6a5b', 1200, 800],
    ['msr-tftth-mhta-jdyda-lthlya-almyah-ala-albhr-alahmr', '#6a5b7a', 1200, 675],
  ],
};

async function fixturePhotos(photos: (typeof PHOTOS)[Edition]): Promise<Record<string, Buffer>> {
  const { default: sharp } = await import('sharp');
  const files: Record<string, Buffer> = {};
  for (const [slug, background, width, height] of photos) {
    files[`images/${slug}.jpg`] = await sharp({ create: { width, height, channels: 3, background } }).jpeg().toBuffer();
  }
  return files;
}

/**
 * Page types by output path, most specific first. A page no pattern names
 * (an editor's page such as `about/`) is a `page`; each of those is checked
 * on its own since they share nothing but the layout.
 */
const PAGE_TYPES: readonly [type: string, pattern: RegExp][] = [
  ['home', /^index\.html$/],
  ['home, later page', /^page\/\d+\/index\.html$/],
  ['article', /^\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/],
  ['article, undated', /^articles\/[^/]+\/index\.html$/],
  ['archive', /^archive\/index\.html$/],
  ['archive, month', /^archive\/\d{4}\/\d{2}\/index\.html$/],
  ['archive, undated', /^archive\/undated\/index\.html$/],
  ['topics', /^topics\/index\.html$/],
  ['topic', /^topics\/[^/]+\/index\.html$/],
  ['search', /^search\/index\.html$/],
  ['404', /^404\.html$/],
];

/** The page type of a site-relative HTML path. */
function pageTypeOf(file: string): string {
  return PAGE_TYPES.find(([, pattern]) => pattern.test(file))?.[0] ?? 'page';
}

/** The URL path a static host serves an HTML file at (`a/index.html` → `/a/`). */
export function urlPathOf(file: string): string {
  return `/${file.replace(/(^|\/)index\.html$/, '$1')}`;
}

/** The site's configured base URL, which canonical and `og:` URLs use. */
export async function siteBaseUrl(contentDir = join(PROJECT_ROOT, 'content')): Promise<string> {
  const settings = JSON.parse(await readFile(join(contentDir, 'site.json'), 'utf8')) as { url?: string };
  if (!settings.url) throw new Error('content/site.json has no url');
  return settings.url;
}

/** A built HTML page: its site-relative path, page type and markup. */
export interface SitePage {
  file: string;
  type: string;
  html: string;
}

/** Every HTML page of a built site, read and typed. */
export async function readSitePages(site: BuiltSite): Promise<SitePage[]> {
  return Promise.all(
    site.htmlFiles.map(async (file) => ({ file, type: pageTypeOf(file), html: await readFile(join(site.siteDir, file), 'utf8') })),
  );
}

/**
 * The pages the browser gates run on in every view: the article pages the
 * fixture exists to stress (two captions without photos, a photo, Arabic, a long compound word and
 * URL), then one page of each type not yet covered. Editor pages share only
 * the layout, so each is its own. A stress page the build did not produce
 * is named `(no … page was built)` so the suite can fail on it.
 *
 * @example
 * chooseRepresentatives(pages); // [{ name: 'article, two captions without photos', file: '2026/01/06/…/index.html' }, …]
 */
export function chooseRepresentatives(pages: readonly SitePage[]): { name: string; file: string }[] {
  const chosen = new Map<string, string>();
  const articles = pages.filter(({ type }) => type.startsWith('article'));
  const find = (name: string, test: (document: Document, file: string) => boolean) => {
    const match = articles.find(({ html, file }) => test(parseHTML(html).document as unknown as Document, file));
    chosen.set(name, match?.file ?? `(no ${name} page was built)`);
  };
  // Captions without a photo file: listed after the text, which must still open on the first screen.
  find('article, two captions without photos', (document) => document.querySelectorAll('.story__captions li').length >= 2);
  find('article, with a photo', (document) => document.querySelector('main figure img') !== null);
  find('article, Arabic', (document) => document.querySelector('[dir="rtl"] h1') !== null);
  find('article, long words and a URL', (_, file) => file.includes('rindfleisch'));
  const taken = new Set(chosen.values());
  for (const { file, type } of pages) {
    const name = type === 'page' ? `page ${urlPathOf(file)}` : type;
    if (!chosen.has(name) && !taken.has(file)) chosen.set(name, file);
  }
  return [...chosen].map(([name, file]) => ({ name, file }));
}
