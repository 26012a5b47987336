/**
 * `broadsheet merge`: joins the outputs of `broadsheet build --shard I/N`,
 * one per shard, into the site a single build writes (src/build/shards.ts
 * says how a build is split). The merged site is staged beside the output
 * and swapped in whole, as a build's is.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { acquireLock, carryOver, OutputBusyError, removeLeftovers, stagingDirFor, swapIn } from './output-folder.ts';
import { SEARCH_FOLDER } from './search-update.ts';
import { hashFile, readShardManifest, type ShardManifest } from './shards.ts';
import { createHash } from 'node:crypto';

/** Shards that do not make one site, or a damaged shard: nothing was written. */
export class ShardMergeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ShardMergeError';
  }
}

export interface MergeResult {
  shards: number;
  /** Files in the merged site. */
  files: number;
}

/**
 * Merges shard folders into `outputDir`. Throws {@link ShardMergeError}
 * when they are not every shard of one build, or a file is damaged; the
 * output is then untouched. Files in the output folder that no shard wrote
 * stay (a CNAME), as with `broadsheet build --no-cache`.
 *
 * @example
 * await mergeShards(['shard-1', 'shard-2'], '_site'); // => { shards: 2, files: 10412 }
 */
export async function mergeShards(shardDirs: readonly string[], outputDir: string): Promise<MergeResult> {
  const shards = checkShards(shardDirs);
  const lock = await acquireLock(outputDir);
  if ('heldBy' in lock) throw new OutputBusyError(outputDir, lock.heldBy, lock.file);
  const staging = stagingDirFor(outputDir);
  try {
    await removeLeftovers(outputDir);
    await rm(staging, { recursive: true, force: true });
    mkdirSync(staging, { recursive: true });
    const written = new Set<string>();
    for (const { dir, manifest } of shards) for (const path of placeShard(manifest, dir, staging, 'copy')) written.add(path);
    await carryOver(outputDir, staging, null, written, new Set([SEARCH_FOLDER]));
    await swapIn(staging, outputDir);
    return { shards: shards.length, files: written.size };
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  } finally {
    await lock.release();
  }
}

/** Every shard's manifest, in shard order, once each shard is known to belong with the others. */
function checkShards(shardDirs: readonly string[]): { dir: string; manifest: ShardManifest }[] {
  if (shardDirs.length === 0) throw new ShardMergeError('no shard folders given');
  const shards = shardDirs.map((dir) => {
    const manifest = readShardManifest(dir);
    if ('error' in manifest) throw new ShardMergeError(manifest.error);
    return { dir, manifest };
  });
  const first = shards[0]!;
  for (const { dir, manifest } of shards.slice(1)) {
    if (manifest.shards !== first.manifest.shards) {
      throw new ShardMergeError(`${dir} is a shard of ${manifest.shards}, ${first.dir} of ${first.manifest.shards}: they are not shards of one build`);
    }
    if (manifest.key !== first.manifest.key) {
      throw new ShardMergeError(
        `${dir} and ${first.dir} are shards of different builds (other content, templates, options or Broadsheet code); build every shard from the same commit with the same options`,
      );
    }
  }
  const byIndex = new Map<number, string>();
  for (const { dir, manifest } of shards) {
    const other = byIndex.get(manifest.shard);
    if (other !== undefined) throw new ShardMergeError(`${dir} and ${other} are both shard ${manifest.shard} of ${manifest.shards}`);
    byIndex.set(manifest.shard, dir);
  }
  const count = first.manifest.shards;
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
  if (missing.length) throw new ShardMergeError(`shard${missing.length > 1 ? 's' : ''} ${missing.join(', ')} of ${count} missing: give every shard's folder`);
  return shards.sort((a, b) => a.manifest.shard - b.manifest.shard);
}

/**
 * Puts a shard's files into `target`, copied (each checked against its
 * hash as it is read) or moved (a local worker's, on the same file
 * system). A file already in `target` must have the same bytes (the
 * `public/` files every shard copies); other bytes are a conflict.
 * Returns the shard's paths.
 */
export function placeShard(manifest: ShardManifest, dir: string, target: string, how: 'copy' | 'move'): string[] {
  const made = new Set<string>();
  const paths = Object.keys(manifest.files);
  for (const path of paths) {
    const expected = manifest.files[path]!;
    const to = join(target, path);
    const from = join(dir, path);
    if (existsSync(to)) {
      if (hashFile(to) !== expected) throw new ShardMergeError(`${path} differs between shard ${manifest.shard} (${dir}) and another shard: they are not shards of one build`);
      continue;
    }
    const folder = dirname(to);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    if (how === 'move') {
      renameSync(from, to);
      continue;
    }
    let bytes: Buffer;
    try {
      bytes = readFileSync(from);
    } catch {
      throw new ShardMergeError(`${from} is missing: the shard's folder is incomplete`);
    }
    if (createHash('sha256').update(bytes).digest('hex') !== expected) throw new ShardMergeError(`${from} is not the file its shard wrote (damaged in transfer?)`);
    writeFileSync(to, bytes);
  }
  return paths;
}
