/**
 * Temporary content folders for tests that build a site: the shipped
 * `content/` (seed feed, site.json, pages), optionally the feed files of
 * fixture folders, and extra files on top — one helper for every suite that
 * builds, so they all start from the same content.
 */
import { cp, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const SHIPPED_CONTENT = join(import.meta.dirname, '..', '..', 'content');

/** Extra files for a content folder, by path inside it. */
export type ExtraContent = Record<string, string | Buffer>;

export interface ContentFolderOptions {
  /** Start of the temporary folder's name, e.g. `broadsheet-site-`. */
  prefix: string;
  /** Copy the shipped `content/` first (default true). */
  withSeed?: boolean;
  /** Folders whose files are copied into `content/feeds/`. */
  feedFolders?: readonly string[];
  extra?: ExtraContent;
}

/**
 * Makes `<tmp>/<prefix>XXXX/content` and returns both paths; remove `root`
 * when done. Build output conventionally goes beside `content` in `root`.
 *
 * @example
 * const { root, content } = await makeContentFolder({ prefix: 'broadsheet-x-', extra: { 'feeds/b.txt': 'Hi' } });
 */
export async function makeContentFolder(options: ContentFolderOptions): Promise<{ root: string; content: string }> {
  const root = await mkdtemp(join(tmpdir(), options.prefix));
  const content = join(root, 'content');
  if (options.withSeed ?? true) await cp(SHIPPED_CONTENT, content, { recursive: true });
  else await mkdir(content, { recursive: true });
  for (const folder of options.feedFolders ?? []) await cp(folder, join(content, 'feeds'), { recursive: true });
  for (const [path, data] of Object.entries(options.extra ?? {})) {
    const file = join(content, path);
    await mkdir(join(file, '..'), { recursive: true });
    await writeFile(file, data);
  }
  return { root, content };
}
