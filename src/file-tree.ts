/**
 * Walking and placing files of a built site: the one implementation the
 * build's stages share (staging, carry-over, moving an incremental build in,
 * the search index). Synchronous calls: a site has tens of thousands of
 * files, nothing else runs meanwhile, and each promise round trip costs
 * more than the system call it waits for. `writeWhole`, for the cache
 * folder's files, is the one asynchronous exception.
 */
import { linkSync, mkdirSync, readdirSync, renameSync, statSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * The files under `folder`, as relative paths with `/` separators, in
 * directory order; none when it does not exist. Folders named in `skip`
 * (relative, with a trailing slash: `pagefind/`) are not entered. Walks the
 * folders itself: Node 20's recursive `readdirSync` took 5 s of CPU time
 * for 54,000 files.
 *
 * @example
 * filesUnder('_site/img') // => ['ab12-400.webp', …]
 */
export function filesUnder(folder: string, skip: ReadonlySet<string> = new Set()): string[] {
  const files: string[] = [];
  const walk = (relative: string) => {
    let entries;
    try {
      entries = readdirSync(relative ? join(folder, relative) : folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!skip.has(`${path}/`)) walk(path);
      } else {
        files.push(path);
      }
    }
  };
  walk('');
  return files;
}

/**
 * Puts `paths` of `from` at the same paths under `to`, making folders as
 * needed: as hard links (the same bytes, no copy, the originals stay) or
 * moved with one rename each (a reader never sees half a file).
 *
 * @example
 * placeFiles('_site', '_site.staging-1', ['index.html'], 'link');
 */
export function placeFiles(from: string, to: string, paths: Iterable<string>, how: 'link' | 'move'): void {
  const made = new Set<string>();
  for (const path of paths) {
    const target = join(to, path);
    const folder = dirname(target);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    if (how === 'link') linkSync(join(from, path), target);
    else renameSync(join(from, path), target);
  }
}

/** Whether `path` is a folder (false when it is missing or unreadable). */
export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Writes `text` to `path` whole: to a temporary file beside it, renamed over
 * the old one, so a killed build never leaves half a file (the cache
 * folder's manifests, parse results and memos).
 */
export async function writeWhole(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, path);
}
