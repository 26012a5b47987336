/**
 * Removes from the output folder what the previous build wrote and this one
 * does not: a retracted article's page and photos, a topic no article has
 * any more, an old redirect. Only files the previous manifest lists are
 * ever touched; files put there by hand stay.
 */
import { readdir, rm, rmdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * Deletes each of `previous` not in `kept`, then the folders that leaves
 * empty. Returns how many files it deleted.
 *
 * @example
 * await pruneOutput('_site', previous.files, new Set(now.files)) // => 3
 */
export async function pruneOutput(outputDir: string, previous: readonly string[], kept: ReadonlySet<string>): Promise<number> {
  let deleted = 0;
  const folders = new Set<string>();
  for (const path of previous) {
    if (kept.has(path)) continue;
    await rm(join(outputDir, path), { force: true });
    deleted++;
    for (let dir = dirname(path); dir !== '.' && dir !== ''; dir = dirname(dir)) folders.add(dir);
  }
  // Deepest first, so a folder's emptied sub-folders are gone before it is looked at.
  for (const dir of [...folders].sort((a, b) => b.split('/').length - a.split('/').length)) {
    const full = join(outputDir, dir);
    const entries = await readdir(full).catch(() => null);
    if (entries && entries.length === 0) await rmdir(full).catch(() => undefined);
  }
  return deleted;
}
