/**
 * The internal-link checker: every `href`, `src`, `srcset`, `poster` and form
 * `action` in a built site's HTML, and every `url()` in its CSS, that points
 * into the site must name a file in the output folder — and a `#fragment`
 * must name an element on the target page.
 */
import { readdir, readFile } from 'node:fs/promises';
import { existsSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parseHTML } from 'linkedom';

/** One URL found in a page, with where it came from. */
export interface Reference {
  /** `a[href]`, `img[srcset]`, `css url()`… */
  from: string;
  url: string;
}

export interface BrokenLink {
  /** The file holding the reference, relative to the site folder. */
  page: string;
  from: string;
  url: string;
  reason: string;
}

export interface LinkReport {
  pagesChecked: number;
  referencesChecked: number;
  broken: BrokenLink[];
}

export interface LinkCheckOptions {
  /**
   * Absolute URL prefixes that also mean "this site" — the configured base
   * URL used in canonical links and `og:image`, e.g. `https://news.example/`.
   */
  siteUrls?: readonly string[];
}

const URL_ATTRIBUTES: readonly [selector: string, attribute: string][] = [
  ['a[href], area[href], link[href]', 'href'],
  ['img[src], script[src], iframe[src], source[src], audio[src], video[src], track[src], embed[src], input[src]', 'src'],
  ['video[poster]', 'poster'],
  ['form[action]', 'action'],
  ['object[data]', 'data'],
  ['meta[property="og:image"], meta[name="twitter:image"], meta[property="og:url"]', 'content'],
];

/**
 * The URLs of a `srcset` value, without their width/density descriptors.
 *
 * @example
 * parseSrcset('/a-400.webp 400w, /a-800.webp 800w'); // → ['/a-400.webp', '/a-800.webp']
 */
export function parseSrcset(srcset: string): string[] {
  const urls: string[] = [];
  // Candidates are "URL [descriptor]" separated by commas; a URL itself may
  // contain commas, so take a whitespace-free run, then skip to the next comma.
  let rest = srcset;
  for (;;) {
    rest = rest.replace(/^[\s,]+/, '');
    if (rest === '') return urls;
    const url = /^\S+/.exec(rest)?.[0] ?? '';
    const trimmed = url.replace(/,+$/, '');
    urls.push(trimmed);
    rest = rest.slice(url.length);
    if (url.length === trimmed.length) {
      const comma = rest.indexOf(',');
      rest = comma === -1 ? '' : rest.slice(comma + 1);
    }
  }
}

/**
 * Every URL-bearing attribute of an HTML document.
 *
 * @example
 * collectHtmlReferences('<a href="/about/">About</a>'); // → [{ from: 'a[href]', url: '/about/' }]
 */
export function collectHtmlReferences(html: string): Reference[] {
  const { document } = parseHTML(html);
  const references: Reference[] = [];
  for (const [selector, attribute] of URL_ATTRIBUTES) {
    for (const element of document.querySelectorAll(selector)) {
      const url = element.getAttribute(attribute);
      if (url !== null) references.push({ from: `${element.localName}[${attribute}]`, url: url.trim() });
    }
  }
  for (const element of document.querySelectorAll('img[srcset], source[srcset]')) {
    for (const url of parseSrcset(element.getAttribute('srcset') ?? '')) {
      references.push({ from: `${element.localName}[srcset]`, url });
    }
  }
  return references;
}

/** The `url(…)` references of a stylesheet. */
export function collectCssReferences(css: string): Reference[] {
  const withoutComments = css.replace(/\/\*[\s\S]*?\*\//g, '');
  return [...withoutComments.matchAll(/url\(\s*(['"]?)([^'")]*)\1\s*\)/g)].map((match) => ({
    from: 'css url()',
    url: (match[2] ?? '').trim(),
  }));
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name)).sort();
}

/** The site file a path names, as a static host would serve it, or null. */
function fileForPath(siteDir: string, pathname: string): string | null {
  const candidate = join(siteDir, pathname);
  if (!candidate.startsWith(siteDir)) return null;
  if (pathname.endsWith('/')) return existsSync(join(candidate, 'index.html')) ? join(candidate, 'index.html') : null;
  if (!existsSync(candidate)) return null;
  if (statSync(candidate).isFile()) return candidate;
  return existsSync(join(candidate, 'index.html')) ? join(candidate, 'index.html') : null;
}

const LOCAL_ORIGIN = 'http://site.invalid';

/**
 * Checks every internal reference in the site folder.
 *
 * @example
 * const report = await checkInternalLinks('_site', { siteUrls: ['https://news.example/'] });
 * expect(report.broken).toEqual([]);
 */
export async function checkInternalLinks(siteDir: string, options: LinkCheckOptions = {}): Promise<LinkReport> {
  const files = await listFiles(siteDir);
  const idsByFile = new Map<string, Set<string>>();
  const htmlByFile = new Map<string, string>();
  for (const file of files.filter((f) => f.endsWith('.html'))) htmlByFile.set(file, await readFile(file, 'utf8'));

  function idsOf(file: string): Set<string> {
    let ids = idsByFile.get(file);
    if (!ids) {
      const { document } = parseHTML(htmlByFile.get(file) ?? '');
      ids = new Set([...document.querySelectorAll('[id], a[name]')].map((el) => el.getAttribute('id') ?? el.getAttribute('name') ?? ''));
      idsByFile.set(file, ids);
    }
    return ids;
  }

  const broken: BrokenLink[] = [];
  let referencesChecked = 0;
  let pagesChecked = 0;
  for (const file of files) {
    const isHtml = file.endsWith('.html');
    if (!isHtml && !file.endsWith('.css')) continue;
    if (isHtml) pagesChecked += 1;
    const pagePath = `/${relative(siteDir, file).split(sep).join('/')}`;
    const references = isHtml ? collectHtmlReferences(htmlByFile.get(file) ?? '') : collectCssReferences(await readFile(file, 'utf8'));
    for (const reference of references) {
      const target = resolveInternal(reference.url, pagePath, options.siteUrls ?? []);
      if (target === null) continue;
      referencesChecked += 1;
      const report = (reason: string) => broken.push({ page: pagePath.slice(1), ...reference, reason });
      let pathname: string;
      try {
        pathname = decodeURIComponent(target.pathname);
      } catch {
        report('undecodable path');
        continue;
      }
      const targetFile = fileForPath(siteDir, pathname);
      if (targetFile === null) {
        report(`no file for ${pathname}`);
        continue;
      }
      const fragment = decodeURIComponent(target.hash.slice(1));
      if (fragment && targetFile.endsWith('.html') && !idsOf(targetFile).has(fragment)) {
        report(`no element with id "${fragment}" in ${relative(siteDir, targetFile)}`);
      }
    }
  }
  return { pagesChecked, referencesChecked, broken };
}

/** The URL a reference points to if it is inside the site, else null. */
function resolveInternal(url: string, pagePath: string, siteUrls: readonly string[]): URL | null {
  if (url === '' || /^(mailto|tel|data|javascript|blob|about):/i.test(url)) return null;
  for (const siteUrl of siteUrls) {
    const prefix = siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`;
    if (url === prefix.slice(0, -1)) return new URL('/', LOCAL_ORIGIN);
    if (url.startsWith(prefix)) return new URL(`/${url.slice(prefix.length)}`, LOCAL_ORIGIN);
  }
  const resolved = new URL(url, new URL(pagePath, LOCAL_ORIGIN));
  return resolved.origin === LOCAL_ORIGIN ? resolved : null;
}
