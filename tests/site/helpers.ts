/**
 * Fixture sites for the site tests: a temporary content folder made of the
 * shipped seed feed plus the fixtures in `tests/site/fixtures/`, built once
 * per test file through Eleventy's programmatic API.
 */
import type { ChildProcess } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { buildSite } from '../../src/build/run-build.ts';
import type { Diagnostic } from '../../src/types.ts';
import { makeContentFolder, SHIPPED_CONTENT, type ExtraContent } from '../support/content-folder.ts';

export type { ExtraContent };

export const FIXTURES = join(import.meta.dirname, 'fixtures');
export const SEED_CONTENT = SHIPPED_CONTENT;

export interface FixtureSite {
  root: string;
  content: string;
  output: string;
  diagnostics: Diagnostic[];
  /** The built file at a site path (`/`, `/about/`, `/404.html`) as a DOM document. */
  page(path: string): Promise<Document>;
  cleanup(): Promise<void>;
}

/**
 * Copies the shipped content (seed feed, site.json, pages) into a temporary
 * folder and adds `extra` files on top.
 */
export async function makeContent(extra: ExtraContent = {}, withSeed = true): Promise<string> {
  return (await makeContentFolder({ prefix: 'broadsheet-site-', withSeed, extra })).content;
}

/** Builds a content folder into a sibling `_site` and opens its pages with linkedom. */
export async function buildFixture(content: string): Promise<FixtureSite> {
  const root = join(content, '..');
  const output = join(root, '_site');
  const { diagnostics } = await buildSite({ contentDir: content, outputDir: output, search: false });
  return {
    root,
    content,
    output,
    diagnostics,
    page: async (path) => parseDocument(await readFile(fileForPath(output, path), 'utf8')),
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
}

/** The file a static host serves for a site path. */
export function fileForPath(output: string, path: string): string {
  return path.endsWith('/') ? join(output, path, 'index.html') : join(output, path);
}

export function parseDocument(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

/** The fixture files, read from `tests/site/fixtures/`, as {@link ExtraContent}. */
export async function fixtureFiles(...paths: string[]): Promise<ExtraContent> {
  const files: ExtraContent = {};
  for (const path of paths) files[path] = await readFile(join(FIXTURES, path));
  return files;
}

/**
 * Polls `check` every 200 ms until it holds; past the timeout, fails with
 * what was awaited and `log()` (a server's output).
 */
export async function waitFor(check: () => boolean | Promise<boolean>, what: string, log: () => string = () => '', timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}; server output:\n${log()}`);
}

/** Stops a server process started by a test, and waits for it to exit. */
export async function stopProcess(child: ChildProcess | null | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  await exited;
}
