/**
 * Fixture sites for the site tests: a temporary content folder made of the
 * shipped seed feed plus the fixtures in `tests/site/fixtures/`, built once
 * per test file through Eleventy's programmatic API.
 */
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { buildSite } from '../../src/site/run-eleventy.ts';
import type { Diagnostic } from '../../src/types.ts';

export const FIXTURES = join(import.meta.dirname, 'fixtures');
export const SEED_CONTENT = join(import.meta.dirname, '..', '..', 'content');

export interface FixtureSite {
  root: string;
  content: string;
  output: string;
  diagnostics: Diagnostic[];
  /** The built file at a site path (`/`, `/about/`, `/404.html`) as a DOM document. */
  page(path: string): Promise<Document>;
  cleanup(): Promise<void>;
}

/** Extra files for a fixture content folder, by path inside it. */
export type ExtraContent = Record<string, string | Buffer>;

/**
 * Copies the shipped content (seed feed, site.json, pages) into a temporary
 * folder and adds `extra` files on top.
 */
export async function makeContent(extra: ExtraContent = {}, withSeed = true): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'broadsheet-site-'));
  const content = join(root, 'content');
  if (withSeed) await cp(SEED_CONTENT, content, { recursive: true });
  else await mkdir(content, { recursive: true });
  for (const [path, data] of Object.entries(extra)) {
    const file = join(content, path);
    await mkdir(join(file, '..'), { recursive: true });
    await writeFile(file, data);
  }
  return content;
}

/** Builds a content folder into a sibling `_site` and opens its pages with linkedom. */
export async function buildFixture(content: string): Promise<FixtureSite> {
  const root = join(content, '..');
  const output = join(root, '_site');
  const diagnostics = await buildSite({ contentDir: content, outputDir: output });
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
