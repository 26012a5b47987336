/**
 * The folder checks `broadsheet build` and `broadsheet serve` share before
 * they write anything: the content folder exists, the output folder is
 * one a site may be written into (never the content or project folder,
 * `/`, the home folder, or a folder of other files without `--force`), and
 * the cache folder is not inside the output, where it would be published.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readManifest } from '../build/manifest.ts';
import { isInside, lockHolder, outputRefusal, PROJECT_SOURCE_FOLDERS } from '../build/output-folder.ts';
import { SHARD_MANIFEST } from '../build/shards.ts';
import { isDirectory } from '../file-tree.ts';

export interface CommandFolders {
  content: string;
  output: string;
  /** The cache folder, or null with `--no-cache`. */
  cache: string | null;
  /** `--force`: write into a folder of other files too. */
  force: boolean;
}

/**
 * Why the command must not run with these folders, as the sentence to
 * print after the command's name (a usage mistake: exit 2), or null.
 *
 * @example
 * await folderProblem({ content: 'content', output: 'content', cache: null, force: false })
 * // => "will not write the site into 'content': it is or holds the content folder"
 */
export async function folderProblem(folders: CommandFolders): Promise<string | null> {
  if (!isDirectory(folders.content)) return `the content folder '${folders.content}' does not exist or is not a folder`;
  const refusal = await outputRefusal(
    folders.output,
    { contentDir: folders.content, projectDir: '.', sourceFolders: PROJECT_SOURCE_FOLDERS },
    // A folder a live build or server holds the lock of is one Broadsheet
    // is writing, half-written maybe: the command then stops at the lock
    // with "another build … is writing" (exit 1), which is the truth.
    // The manifest last: the build reads it again, and it grows with the archive.
    async () =>
      folders.force ||
      isBroadsheetSite(folders.output) ||
      existsSync(join(folders.output, SHARD_MANIFEST)) ||
      (await lockHolder(folders.output)) !== null ||
      (folders.cache !== null && (await readManifest(folders.cache, folders.output)).manifest !== null),
  );
  if (refusal) return `will not write the site into '${folders.output}': ${refusal}`;
  if (folders.cache !== null && isInside(resolve(folders.cache), resolve(folders.output))) return `the cache folder '${folders.cache}' is inside the output folder '${folders.output}'; it must not be published`;
  return null;
}

/**
 * Whether a folder holds a site Broadsheet wrote: its home page names its
 * generator, or (builds from before that meta tag) it has the set of
 * files only a Broadsheet build writes together.
 */
function isBroadsheetSite(dir: string): boolean {
  try {
    if (readFileSync(join(dir, 'index.html'), 'utf8').includes('<meta name="generator" content="Broadsheet">')) return true;
  } catch {
    return false;
  }
  return ['feed.json', 'news-sitemap.xml', 'robots.txt', 'sitemap.xml'].every((file) => existsSync(join(dir, file)));
}
