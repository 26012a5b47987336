/**
 * The manifest of the last build into an output folder, kept in the cache
 * folder (`--cache DIR`, default `.broadsheet-cache/`, never inside the
 * output): every file that build wrote, each article's identity and URL,
 * and the redirects of corrected URLs. The next build into the same folder
 * deletes what the old build wrote and the new one does not (a retracted
 * article's page, photos and search entries) and keeps files it never
 * wrote (a CNAME, a verification file). It also keeps each page's
 * fingerprint and the search bundles, so the next build renders and
 * indexes only what changed (src/build/run-build.ts). A damaged or foreign
 * manifest is ignored with a warning, never trusted: the build is then a
 * full one.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { writeWhole } from '../file-tree.ts';
import { join, resolve } from 'node:path';
import { outputPathOf } from '../routes.ts';
import { CODE_FINGERPRINT } from './code-fingerprint.ts';

export const DEFAULT_CACHE_DIR = '.broadsheet-cache';
const FORMAT = 2;

/** Broadsheet's version: a manifest of another version is not trusted. */
export const BROADSHEET_VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

export interface Manifest {
  format: typeof FORMAT;
  broadsheet: string;
  /** The output folder it describes, resolved. */
  outputDir: string;
  /** Every file the build wrote, relative to the output folder, sorted. */
  files: string[];
  /** Each article's identity and URL. */
  articles: { id: string; url: string }[];
  /** Old URLs that redirect to an article, by its identity. */
  redirects: { from: string; id: string }[];
  /** Broadsheet's code (src/build/code-fingerprint.ts): nothing of a build by other code is reused. */
  code: string;
  /** Each fingerprinted page's file → its fingerprint (src/build/page-fingerprints.ts). */
  pages: Record<string, string>;
  /** The search bundles written, each with a hash of its pages and its files. */
  bundles: ManifestBundle[];
}

export interface ManifestBundle {
  dir: string;
  fingerprint: string;
  files: string[];
}

/** The manifest of no build into `outputDir`, for a build to fill in. */
export function emptyManifest(outputDir: string): Manifest {
  return { format: FORMAT, broadsheet: BROADSHEET_VERSION, outputDir: resolve(outputDir), files: [], articles: [], redirects: [], code: CODE_FINGERPRINT, pages: {}, bundles: [] };
}

/** Where the manifest of builds into `outputDir` is kept. */
export function manifestPath(cacheDir: string, outputDir: string): string {
  const key = createHash('sha256').update(resolve(outputDir)).digest('hex').slice(0, 16);
  return join(cacheDir, 'manifests', `${key}.json`);
}

export type ManifestRead = { manifest: Manifest } | { manifest: null; why: string | null };

/**
 * The manifest of the last build into `outputDir`, or null with the reason
 * it was not used (`why` is null when there simply is none yet).
 */
export async function readManifest(cacheDir: string, outputDir: string): Promise<ManifestRead> {
  const path = manifestPath(cacheDir, outputDir);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { manifest: null, why: null };
    return { manifest: null, why: `cannot read ${path}: ${(error as Error).message}` };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { manifest: null, why: `${path} is damaged (not JSON)` };
  }
  const problem = checkManifest(data, outputDir);
  if (problem) return { manifest: null, why: `${path} ${problem}` };
  const rewriting = await readRewriting(cacheDir, outputDir);
  if (rewriting === 'damaged') return { manifest: null, why: `${rewritingPath(cacheDir, outputDir)} is damaged` };
  return { manifest: rewriting ? applyRewriting(data as Manifest, rewriting) : (data as Manifest) };
}

/**
 * What an in-place rebuild (the dev server's) may rewrite, kept beside the
 * manifest from before its first page until it writes its own manifest:
 * the pages whose fingerprints the manifest must no longer vouch for, and
 * the files it may write that the manifest does not list (to be pruned
 * later, not kept as files Broadsheet never wrote). `readManifest` applies
 * it, so a server killed mid-rebuild leaves nothing the next build keeps
 * by mistake. A few paths, where the manifest is megabytes: a save does
 * not pay for writing that twice.
 */
export interface Rewriting {
  pages: string[];
  files: string[];
}

export function rewritingPath(cacheDir: string, outputDir: string): string {
  return manifestPath(cacheDir, outputDir).replace(/\.json$/, '.rewriting.json');
}

export async function writeRewriting(cacheDir: string, outputDir: string, rewriting: Rewriting): Promise<void> {
  await writeWhole(rewritingPath(cacheDir, outputDir), `${JSON.stringify({ outputDir: resolve(outputDir), ...rewriting })}\n`);
}

async function readRewriting(cacheDir: string, outputDir: string): Promise<Rewriting | null | 'damaged'> {
  let data: Partial<Rewriting & { outputDir: string }> | null;
  try {
    data = JSON.parse(await readFile(rewritingPath(cacheDir, outputDir), 'utf8')) as typeof data;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? null : 'damaged';
  }
  const paths = (list: unknown): list is string[] => Array.isArray(list) && list.every((x) => typeof x === 'string' && safeRelative(x));
  if (!data || data.outputDir !== resolve(outputDir) || !paths(data.pages) || !paths(data.files)) return 'damaged';
  return { pages: data.pages, files: data.files };
}

/** The manifest with a rewrite's pages withdrawn and its files listed. */
export function applyRewriting(manifest: Manifest, rewriting: Rewriting): Manifest {
  const withdrawn = new Set(rewriting.pages);
  const pages: Record<string, string> = {};
  for (const [path, fingerprint] of Object.entries(manifest.pages)) if (!withdrawn.has(path)) pages[path] = fingerprint;
  const files = rewriting.files.length ? [...new Set([...manifest.files, ...rewriting.files])].sort() : manifest.files;
  return { ...manifest, files, pages };
}

function checkManifest(data: unknown, outputDir: string): string | null {
  const m = data as Partial<Manifest> | null;
  if (!m || typeof m !== 'object' || m.format !== FORMAT) return 'is not a Broadsheet build manifest of this format';
  if (m.broadsheet !== BROADSHEET_VERSION) return `was written by Broadsheet ${String(m.broadsheet)}, not ${BROADSHEET_VERSION}`;
  if (m.outputDir !== resolve(outputDir)) return `describes another output folder (${String(m.outputDir)})`;
  const strings = (list: unknown) => Array.isArray(list) && list.every((x) => typeof x === 'string' && safeRelative(x));
  if (!strings(m.files)) return 'is damaged (its file list)';
  const pairs = (list: unknown, keys: string[]) => Array.isArray(list) && list.every((x) => x && typeof x === 'object' && keys.every((k) => typeof (x as Record<string, unknown>)[k] === 'string'));
  if (!pairs(m.articles, ['id', 'url']) || !pairs(m.redirects, ['from', 'id'])) return 'is damaged (its articles or redirects)';
  if (!m.redirects!.every((r) => r.from.startsWith('/') && safeRelative(safeOutputPath(r.from)))) return 'is damaged (a redirect outside the site)';
  if (m.code !== CODE_FINGERPRINT) return 'was written by other Broadsheet code';
  const pages = m.pages as unknown;
  if (!pages || typeof pages !== 'object' || !Object.entries(pages).every(([k, v]) => safeRelative(k) && typeof v === 'string')) return 'is damaged (its page fingerprints)';
  const bundles = m.bundles as unknown;
  if (!Array.isArray(bundles) || !bundles.every((b) => b && typeof b.dir === 'string' && safeRelative(b.dir) && typeof b.fingerprint === 'string' && strings(b.files))) {
    return 'is damaged (its search bundles)';
  }
  return null;
}

function safeOutputPath(url: string): string {
  try {
    return outputPathOf(url);
  } catch {
    return '';
  }
}

/** A path that stays inside the output folder: no `..`, no absolute path, no backslash. */
export function safeRelative(path: string): boolean {
  return path !== '' && !path.startsWith('/') && !path.includes('\\') && !path.split('/').some((s) => s === '..' || s === '.' || s === '');
}

/**
 * Writes the manifest whole (a temporary file renamed over the old one), so
 * a killed build never leaves half of one. It is the whole truth: a rewrite
 * noted beside the last one is done with.
 */
export async function writeManifest(cacheDir: string, manifest: Manifest): Promise<void> {
  await writeWhole(manifestPath(cacheDir, manifest.outputDir), `${JSON.stringify(manifest)}\n`);
  await rm(rewritingPath(cacheDir, manifest.outputDir), { force: true });
}
