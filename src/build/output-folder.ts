/**
 * Keeping the published folder whole. A build writes into a staging folder
 * beside the output (`_site.staging-PID`) and swaps it in only when it is
 * complete, so a killed or failed build leaves the last complete site
 * serving; a lock beside the output (`_site.lock`) stops a second build
 * (or merge) into the same folder; and `--output` refuses folders that are not a
 * site's (the content or project folder, `/`, the home folder, a folder of
 * other files).
 */
import { spawn } from 'node:child_process';
import { constants, existsSync, rmSync } from 'node:fs';
import { filesUnder, placeFiles } from '../file-tree.ts';
import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, dirname, join, resolve, sep } from 'node:path';

/** Another build, merge or dev server holds the output folder's lock. */
export class OutputBusyError extends Error {
  constructor(outputDir: string, pid: number, lockFile: string) {
    super(`another build or dev server (process ${pid}) is writing ${outputDir}; wait for it to finish (or stop the server), or delete ${lockFile} if neither is running`);
    this.name = 'OutputBusyError';
  }
}

/** Where a build of `outputDir` stages its files. */
export function stagingDirFor(outputDir: string): string {
  return `${resolve(outputDir)}.staging-${process.pid}`;
}

/** The lock file of builds into `outputDir`, beside it (never published). */
export function lockFileFor(outputDir: string): string {
  return `${resolve(outputDir)}.lock`;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The process that holds the lock of `outputDir` and still runs, or null:
 * a lock left by a killed build holds nothing.
 */
export async function lockHolder(outputDir: string): Promise<number | null> {
  const pid = Number((await readFile(lockFileFor(outputDir), 'utf8').catch(() => '')).trim());
  return Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid) ? pid : null;
}

/**
 * Takes the lock of `outputDir`, or says which build holds it. A lock left
 * by a build that no longer runs (killed) is taken over.
 */
export async function acquireLock(outputDir: string): Promise<{ release: () => Promise<void> } | { heldBy: number; file: string }> {
  const file = lockFileFor(outputDir);
  await mkdir(dirname(file), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(file, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY);
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      return { release: () => rm(file, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = await lockHolder(outputDir);
      if (pid !== null) return { heldBy: pid, file };
      await rm(file, { force: true });
    }
  }
  return { heldBy: -1, file };
}

/**
 * Where the dev server moves the old search index aside while it writes a
 * new one into the live site (src/build/search-update.ts), beside it.
 */
export function searchAsideFor(outputDir: string): string {
  return `${resolve(outputDir)}.search-${process.pid}`;
}

/**
 * Removes staging folders of `outputDir` left by builds that were killed,
 * replaced sites whose removal did not finish, and search indexes a dev
 * server killed during an update had moved aside.
 */
export async function removeLeftovers(outputDir: string): Promise<void> {
  const full = resolve(outputDir);
  for (const kind of ['staging', 'old', 'search']) {
    const prefix = `${basename(full)}.${kind}-`;
    for (const name of await readdir(dirname(full)).catch(() => [] as string[])) {
      const pid = Number(name.slice(prefix.length).split('-')[0]);
      if (name.startsWith(prefix) && Number.isInteger(pid) && !isAlive(pid)) await rm(join(dirname(full), name), { recursive: true, force: true });
    }
  }
}

/**
 * Starts the staging folder with the photo renditions of the live site,
 * hard-linked: eleventy-img skips a rendition that exists, and never
 * rewrites one, so a build re-encodes only new photos.
 */
export async function stageImages(outputDir: string, staging: string, imagesFolder: string): Promise<void> {
  placeFiles(join(outputDir, imagesFolder), join(staging, imagesFolder), filesUnder(join(outputDir, imagesFolder)), 'link');
}

/**
 * Moves into the staging folder the live site's files this build did not
 * write and must keep: files the last build did not write either (a CNAME,
 * a verification file). With no manifest (`previous` null), every file this
 * build did not write is kept, as builds into the folder always did. The
 * folders in `skip` (the old search index) are not kept.
 */
export async function carryOver(
  outputDir: string,
  staging: string,
  previous: ReadonlySet<string> | null,
  written: ReadonlySet<string>,
  skip: ReadonlySet<string> = new Set(),
): Promise<void> {
  const kept = filesUnder(outputDir, skip).filter((path) => !written.has(path) && !previous?.has(path) && !existsSync(join(staging, path)));
  placeFiles(outputDir, staging, kept, 'move');
}

async function exists(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null)) !== null;
}

/**
 * Puts the complete staging folder in the output's place: the old site is
 * renamed aside, the new one renamed in, the old one deleted. Between the
 * two renames (microseconds) the folder is missing; it is never half written.
 */
export async function swapIn(staging: string, outputDir: string): Promise<void> {
  const full = resolve(outputDir);
  const aside = `${full}.old-${process.pid}-${++swaps}`;
  const hadOutput = await exists(full);
  if (hadOutput) await rename(full, aside);
  await rename(staging, full);
  if (hadOutput) removeInBackground(aside);
}

let swaps = 0;

/**
 * Deletes a replaced site without waiting for it: tens of thousands of
 * files and folders took seconds of a build that had nothing left to do.
 * A detached `rm -rf` goes on after this process exits; where there is no
 * `rm`, the folder is removed here. A removal that never finished is
 * cleared by the next build ({@link removeLeftovers}).
 */
function removeInBackground(folder: string): void {
  try {
    const child = spawn('rm', ['-rf', '--', folder], { detached: true, stdio: 'ignore' });
    child.on('error', () => rmSync(folder, { recursive: true, force: true }));
    child.unref();
  } catch {
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * Moves every file of `staging` but those under `except` (a folder,
 * `pagefind/`) into `outputDir`, replacing the files there: an incremental
 * build's new and changed files. Each file is replaced by one rename, so no
 * reader ever sees half of one; the files it does not replace stay as they
 * are.
 */
export function moveInto(staging: string, outputDir: string, except: string): void {
  placeFiles(staging, outputDir, filesUnder(staging, new Set([except])), 'move');
}

/** The project's own folders, never an output. */
export const PROJECT_SOURCE_FOLDERS: readonly string[] = ['src', 'templates', 'public', 'bin', 'tests', 'bench', 'docs', 'node_modules', '.git'];

/** Folders a build must never write into. */
export interface ProtectedFolders {
  contentDir: string;
  /** What the content folder is called in a refusal (default "the content folder"; merge: a shard's folder). */
  contentName?: string;
  /** The project folder (where .eleventy.ts is); its source folders are protected too. */
  projectDir: string;
  sourceFolders: readonly string[];
}

/** Whether `path` is `folder` or inside it (both resolved). */
export function isInside(path: string, folder: string): boolean {
  return path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}

/**
 * Why `outputDir` must not be written into, or null. `isEarlierBuild`
 * tells whether a non-empty folder holds an earlier Broadsheet build.
 */
export async function outputRefusal(outputDir: string, protectedFolders: ProtectedFolders, isEarlierBuild: () => Promise<boolean>): Promise<string | null> {
  const output = resolve(outputDir);
  const project = resolve(protectedFolders.projectDir);
  const content = resolve(protectedFolders.contentDir);
  if (output === resolve('/')) return 'it is the root folder';
  if (output === resolve(homedir())) return 'it is the home folder';
  if (isInside(project, output)) return 'it holds the project folder';
  if (isInside(output, content) || isInside(content, output)) return `it is or holds ${protectedFolders.contentName ?? 'the content folder'}`;
  for (const folder of protectedFolders.sourceFolders) if (isInside(output, resolve(project, folder))) return `it is inside the project's ${folder}/ folder`;
  const entries = await readdir(output).catch(() => null);
  if (entries && entries.length > 0 && !(await isEarlierBuild())) return 'it holds files and no earlier Broadsheet build (use --force to build into it anyway)';
  return null;
}
