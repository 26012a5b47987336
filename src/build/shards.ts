/**
 * Shards: one build's page plan split into parts that separate processes
 * (`broadsheet build --jobs`) or machines (`broadsheet build --shard I/N`,
 * a CI matrix) render and index, and that `broadsheet merge` joins into the
 * site one build would write, byte for byte.
 *
 * Every shard reads the whole content folder and makes the whole plan, so
 * links, previous/next, related stories and topic pages are the same in
 * each; it then writes only its part:
 *
 * - whole search bundles (`planBundles`), dealt out largest first to the
 *   shard with the fewest pages so far, and the article pages of those
 *   bundles with their photo renditions;
 * - an even share of the other fingerprinted pages and feeds (home, topic,
 *   archive-month and site pages, topic feeds), each to the shard with the
 *   fewest pages so far;
 * - shard 1 also writes the pages and files that list the whole site (the
 *   archive and topic indexes, search, 404, the site's feeds, sitemaps,
 *   robots.txt) and the search index's bundle list;
 * - every shard copies `public/`: the same bytes, which the merge accepts
 *   twice.
 *
 * A shard writes `broadsheet-shard.json`: its number, the count, a key of
 * everything the build's bytes depend on, and a hash of each file it
 * wrote. The merge refuses shards whose keys differ (other content,
 * templates, options or code), a missing or repeated shard, a file whose
 * bytes are not what its shard says, and a path two shards wrote
 * differently.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { filesUnder } from '../file-tree.ts';
import type { SearchBundle } from '../discovery/search-index.ts';
import { outputPathOf } from '../routes.ts';
import { CODE_FINGERPRINT } from './code-fingerprint.ts';
import { BROADSHEET_VERSION, safeRelative } from './manifest.ts';
import { renditionsOf } from './page-plan.ts';
import type { PreparedBuild } from './prepare-build.ts';
import { PUBLIC_DIR } from './prepare-build.ts';
import { TEMPLATES_DIR } from './render-pages.ts';

/** Shard `index` (from 1) of `count`. */
export interface ShardSpec {
  index: number;
  count: number;
}

/** Most shards of one build. */
export const MAX_SHARDS = 256;

/**
 * Reads `I/N`, or says what is wrong with it.
 *
 * @example
 * parseShardSpec('2/3') // => { index: 2, count: 3 }
 */
export function parseShardSpec(text: string): ShardSpec | { error: string } {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!match) return { error: `takes I/N, the shard's number and the number of shards (such as 1/4), got '${text}'` };
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1 || count > MAX_SHARDS) return { error: `the number of shards must be from 1 to ${MAX_SHARDS}, got ${count}` };
  if (index < 1 || index > count) return { error: `the shard's number must be from 1 to ${count}, got ${index}` };
  return { index, count };
}

/** What one shard writes. */
export interface ShardPart {
  spec: ShardSpec;
  /** URLs of the planned pages and feeds it renders. */
  urls: Set<string>;
  /** Whether it renders the templates of one page each (shard 1). */
  singles: boolean;
  /** The folders of the search bundles it indexes. */
  bundles: Set<string>;
  /** Every file of the plan it writes, as output paths (its pages, feeds, photo renditions, `public/`). */
  files: Set<string>;
}

/**
 * The part of `build` that shard `spec` writes. The parts of shards 1…N
 * cover the plan and the bundles, each page and bundle once (`public/` in
 * every part). Depends only on the plan, so every shard computes the same
 * split.
 *
 * @example
 * shardPart(build, bundles, { index: 1, count: 2 }).singles // => true
 *
 * `images: false` leaves out the photo renditions (a local worker's: the
 * process it works for has them all).
 */
export function shardPart(build: PreparedBuild, bundles: readonly SearchBundle[], spec: ShardSpec, { images = true }: { images?: boolean } = {}): ShardPart {
  const loads = new Array<number>(spec.count).fill(0);
  const lightest = () => loads.indexOf(Math.min(...loads));
  // Largest bundles first, each to the shard with the fewest pages so far: bundles differ in size by months.
  const bundleShard = new Map<string, number>();
  const order = bundles.map((b, i) => i).sort((a, b) => bundles[b]!.pages.length - bundles[a]!.pages.length || a - b);
  for (const i of order) {
    const shard = lightest();
    bundleShard.set(bundles[i]!.dir, shard);
    loads[shard]! += bundles[i]!.pages.length;
  }
  const pageShard = new Map<string, number>();
  for (const bundle of bundles) for (const page of bundle.pages) pageShard.set(page, bundleShard.get(bundle.dir)!);
  const mine = spec.index - 1;
  const part: ShardPart = { spec, urls: new Set(), singles: mine === 0, bundles: new Set(), files: new Set() };
  for (const [dir, shard] of bundleShard) if (shard === mine) part.bundles.add(dir);
  for (const article of build.site.articles) {
    if (pageShard.get(outputPathOf(article.url)) !== mine) continue;
    part.urls.add(article.url);
    if (images) for (const url of renditionsOf(article)) part.files.add(outputPathOf(url));
  }
  for (const file of build.plan.files) {
    if (file.source === 'public') {
      part.files.add(file.path);
      continue;
    }
    if (file.source === 'image' || pageShard.has(file.path)) continue;
    // Files every build renders (they list the whole site) stay together in shard 1.
    const shard = file.fingerprint === null ? 0 : lightest();
    if (file.fingerprint !== null) loads[shard]! += 1;
    if (shard === mine) part.urls.add(file.url);
  }
  for (const file of build.plan.files) if (part.urls.has(file.url)) part.files.add(file.path);
  return part;
}

/**
 * A key of everything a build's bytes are made from: Broadsheet's version
 * and code, the options, the plan (every file, each page's fingerprint,
 * which covers its template, settings and data), each article's revision,
 * the templates and the files of `public/`. Shards with equal keys make
 * parts of one site.
 */
export function buildKey(build: PreparedBuild, options: { search: boolean; count: number }): string {
  const hash = createHash('sha256');
  const field = (value: string) => hash.update(value).update('\0');
  field(BROADSHEET_VERSION);
  field(CODE_FINGERPRINT);
  field(`search=${options.search}`);
  field(`now=${build.inputs.now ?? ''}`);
  field(`shards=${options.count}`);
  for (const file of build.plan.files) field(`${file.path}|${file.source}|${file.lastmod ?? ''}|${file.fingerprint ?? ''}|${file.searchFingerprint ?? ''}`);
  for (const article of build.site.articles) field(article.revision);
  for (const folder of [TEMPLATES_DIR, PUBLIC_DIR]) {
    for (const file of filesUnder(folder).sort()) {
      field(`${folder}/${file}`);
      hash.update(readFileSync(join(folder, file))).update('\0');
    }
  }
  return hash.digest('hex');
}

/** The file a shard's output holds to describe itself. */
export const SHARD_MANIFEST = 'broadsheet-shard.json';
const SHARD_FORMAT = 1;

/** The contents of `broadsheet-shard.json`. */
export interface ShardManifest {
  format: typeof SHARD_FORMAT;
  broadsheet: string;
  key: string;
  shard: number;
  shards: number;
  /** Each file the shard wrote (output path) → SHA-256 of its bytes. */
  files: Record<string, string>;
}

/** Describes the shard written in `dir`: every file there, hashed. */
export function describeShard(dir: string, key: string, spec: ShardSpec): ShardManifest {
  const files: Record<string, string> = {};
  for (const path of filesUnder(dir).sort()) if (path !== SHARD_MANIFEST) files[path] = hashFile(join(dir, path));
  return { format: SHARD_FORMAT, broadsheet: BROADSHEET_VERSION, key, shard: spec.index, shards: spec.count, files };
}

/** SHA-256 of a file's bytes, hex. */
export function hashFile(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/**
 * Reads a shard's manifest, or says why it cannot be used.
 */
export function readShardManifest(dir: string): ShardManifest | { error: string } {
  let text: string;
  try {
    text = readFileSync(join(dir, SHARD_MANIFEST), 'utf8');
  } catch {
    return { error: `${dir} holds no ${SHARD_MANIFEST}: it is not the output of 'broadsheet build --shard I/N'` };
  }
  let data: Partial<ShardManifest> | null;
  try {
    data = JSON.parse(text) as Partial<ShardManifest> | null;
  } catch {
    return { error: `${join(dir, SHARD_MANIFEST)} is damaged (not JSON)` };
  }
  if (!data || typeof data !== 'object' || data.format !== SHARD_FORMAT) return { error: `${join(dir, SHARD_MANIFEST)} is not a shard manifest of this format` };
  if (data.broadsheet !== BROADSHEET_VERSION) return { error: `${dir} was built by Broadsheet ${String(data.broadsheet)}, not ${BROADSHEET_VERSION}` };
  const files = data.files as unknown;
  const valid =
    typeof data.key === 'string' && Number.isInteger(data.shard) && Number.isInteger(data.shards) &&
    files !== null && typeof files === 'object' && Object.entries(files as object).every(([path, hash]) => safeRelative(path) && typeof hash === 'string');
  if (!valid) return { error: `${join(dir, SHARD_MANIFEST)} is damaged` };
  return data as ShardManifest;
}
