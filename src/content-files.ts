/**
 * The content folder's file-system edge, shared by every reader (feeds,
 * settings, overrides, pages, images): whatever a path turns out to be — a
 * folder where a file belongs, a file where a folder belongs, a FIFO, a
 * dangling link, a file the user may not read — becomes an error
 * diagnostic naming the path, never a thrown error or a hang.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { compareText } from './text.ts';
import type { Diagnostic } from './types.ts';

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'it is a folder, not a file',
  ENOTDIR: 'a part of its path is a file, not a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the name is too long',
};

function reasonOf(error: unknown): string {
  const { code = '', message } = error as NodeJS.ErrnoException;
  return REASONS[code] ?? message;
}

/** A file's bytes, or why it cannot be read; `missing` tells a path that does not exist. */
export type ContentRead = { bytes: Buffer } | { problem: Diagnostic; missing: boolean };

/**
 * Why a content file cannot be read, checked before it is opened (reading
 * a FIFO would wait for a writer forever), or null when it is a regular
 * file (a symlink to one is followed).
 */
export async function notARegularFile(file: string, rule: string, what: string): Promise<{ problem: Diagnostic; missing: boolean } | null> {
  const problem = (reason: string, missing = false) => ({ problem: { severity: 'error' as const, file, line: 1, message: `${what}: ${reason}`, rule }, missing });
  try {
    const info = await stat(file);
    if (info.isDirectory()) return problem(REASONS.EISDIR!);
    if (!info.isFile()) return problem('not a regular file (a FIFO, socket or device)');
    return null;
  } catch (error) {
    return problem(reasonOf(error), (error as NodeJS.ErrnoException).code === 'ENOENT');
  }
}

/**
 * Reads one content file, after `notARegularFile`'s check.
 *
 * @example
 * const read = await readContentFile('content/site.json', 'settings-unreadable', 'cannot read the settings');
 * if ('bytes' in read) JSON.parse(read.bytes.toString('utf8'));
 */
export async function readContentFile(file: string, rule: string, what: string): Promise<ContentRead> {
  const refused = await notARegularFile(file, rule, what);
  if (refused) return refused;
  try {
    return { bytes: await readFile(file) };
  } catch (error) {
    return { problem: { severity: 'error', file, line: 1, message: `${what}: ${reasonOf(error)}`, rule }, missing: false };
  }
}

/**
 * The sorted names in a content folder that `keep` accepts. A missing
 * folder has none (a new site may have no pages yet); a file where the
 * folder should be, or an unreadable folder, is an error diagnostic.
 *
 * @example
 * const { names } = await listContentFolder('content/pages', (n) => n.endsWith('.md'));
 */
export async function listContentFolder(dir: string, keep: (name: string) => boolean): Promise<{ names: string[]; diagnostics: Diagnostic[] }> {
  try {
    const names = (await readdir(dir)).filter(keep).sort(compareText);
    return { names, diagnostics: [] };
  } catch (error) {
    const { code } = error as NodeJS.ErrnoException;
    if (code === 'ENOENT') return { names: [], diagnostics: [] };
    const reason = code === 'ENOTDIR' ? 'it is a file, not a folder' : reasonOf(error);
    return { names: [], diagnostics: [{ severity: 'error', file: dir, line: 1, message: `cannot read the folder: ${reason}`, rule: 'unreadable-folder' }] };
  }
}

/** One Markdown file of a content folder: its path, its name without `.md`, its text. */
export interface MarkdownFile {
  file: string;
  stem: string;
  text: string;
}

/**
 * The `*.md` files of a content folder (overrides, pages), read as UTF-8 in
 * name order; any that cannot be read is an error diagnostic with `rule`.
 *
 * @example
 * const { files } = await readMarkdownFolder('content/pages', 'page-unreadable', 'cannot read the page');
 */
export async function readMarkdownFolder(dir: string, rule: string, what: string): Promise<{ files: MarkdownFile[]; diagnostics: Diagnostic[] }> {
  const { names, diagnostics } = await listContentFolder(dir, (name) => name.endsWith('.md'));
  const files: MarkdownFile[] = [];
  for (const name of names) {
    const file = join(dir, name);
    const read = await readContentFile(file, rule, what);
    if ('problem' in read) diagnostics.push(read.problem);
    else files.push({ file, stem: name.slice(0, -3), text: read.bytes.toString('utf8') });
  }
  return { files, diagnostics };
}
