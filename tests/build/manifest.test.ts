/** The build manifest is trusted only when it is whole, ours, of this version and of this output folder. */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BROADSHEET_VERSION, manifestPath, readManifest, rewritingPath, writeManifest, writeRewriting, type Manifest } from '../../src/build/manifest.ts';
import { runBuild } from '../../src/cli/build.ts';
import { CODE_FINGERPRINT } from '../../src/build/code-fingerprint.ts';
import { makeContentFolder } from '../support/content-folder.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'broadsheet-manifest-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const good = (outputDir: string): Manifest => ({
  format: 2,
  broadsheet: BROADSHEET_VERSION,
  outputDir: resolve(outputDir),
  files: ['index.html', '2026/02/08/a/index.html', 'pagefind/pagefind-entry.json'],
  articles: [{ id: 'abc', url: '/2026/02/08/a/' }],
  redirects: [{ from: '/2026/02/08/old/', id: 'abc' }],
  code: CODE_FINGERPRINT,
  pages: { 'index.html': 'f1', '2026/02/08/a/index.html': 'f2' },
  bundles: [{ dir: 'pagefind', fingerprint: 'b1', files: ['pagefind-entry.json'] }],
});

describe('readManifest', () => {
  it('reads back what writeManifest wrote, and says nothing when there is none', async () => {
    const cache = join(dir, 'c1');
    expect(await readManifest(cache, join(dir, 'out'))).toEqual({ manifest: null, why: null });
    await writeManifest(cache, good(join(dir, 'out')));
    expect(await readManifest(cache, join(dir, 'out'))).toEqual({ manifest: good(join(dir, 'out')) });
  });

  it.each([
    ['damaged', () => '{"format": 1, "files": ['],
    ['foreign', () => JSON.stringify({ hello: 'world' })],
    ['of another version', () => JSON.stringify({ ...good(join(dir, 'out')), broadsheet: '0.0.0-other' })],
    ['of another output folder', () => JSON.stringify(good(join(dir, 'elsewhere')))],
    ['naming a file outside the output', () => JSON.stringify({ ...good(join(dir, 'out')), files: ['../../etc/passwd'] })],
    ['redirecting from outside the site', () => JSON.stringify({ ...good(join(dir, 'out')), redirects: [{ from: '/../../x', id: 'abc' }] })],
    ['of other code', () => JSON.stringify({ ...good(join(dir, 'out')), code: 'other' })],
    ['fingerprinting a page outside the output', () => JSON.stringify({ ...good(join(dir, 'out')), pages: { '../x': 'f' } })],
    ['keeping a search bundle outside the output', () => JSON.stringify({ ...good(join(dir, 'out')), bundles: [{ dir: '../x', fingerprint: 'b', files: [] }] })],
  ])('ignores a manifest that is %s, saying why', async (_, text) => {
    const cache = join(dir, `c-${Math.random().toString(36).slice(2)}`);
    const path = manifestPath(cache, join(dir, 'out'));
    await mkdir(join(path, '..'), { recursive: true });
    await writeFile(path, text());
    const read = await readManifest(cache, join(dir, 'out'));
    expect(read.manifest).toBeNull();
    expect((read as { why: string }).why).toContain(path);
  });
});

describe('a rewrite noted beside the manifest (a dev server rebuilding)', () => {
  it('is applied when the manifest is read, and done with once a manifest is written', async () => {
    const cache = join(dir, 'r1');
    const out = join(dir, 'out');
    await writeManifest(cache, good(out));
    await writeRewriting(cache, out, { pages: ['2026/02/08/a/index.html'], files: ['2026/02/09/b/index.html'] });
    const read = (await readManifest(cache, out)).manifest!;
    expect(read.pages).toEqual({ 'index.html': 'f1' });
    expect(read.files).toEqual([...good(out).files, '2026/02/09/b/index.html'].sort());
    await writeManifest(cache, good(out));
    expect(await readManifest(cache, out)).toEqual({ manifest: good(out) });
  });

  it.each([
    ['damaged', () => '{"pages": ['],
    ['of another output folder', () => JSON.stringify({ outputDir: resolve(dir, 'elsewhere'), pages: [], files: [] })],
    ['naming a file outside the output', () => JSON.stringify({ outputDir: resolve(dir, 'out'), pages: [], files: ['../x'] })],
  ])('makes the manifest untrusted when it is %s, saying why', async (_, text) => {
    const cache = join(dir, `r-${Math.random().toString(36).slice(2)}`);
    const out = join(dir, 'out');
    await writeManifest(cache, good(out));
    await writeFile(rewritingPath(cache, out), text());
    const read = await readManifest(cache, out);
    expect(read.manifest).toBeNull();
    expect((read as { why: string }).why).toContain(rewritingPath(cache, out));
  });
});

it('build warns about a damaged manifest, deletes nothing, and writes a good one', async () => {
  const { root, content } = await makeContentFolder({ prefix: 'broadsheet-manifest-build-' });
  try {
    const output = join(root, '_site');
    const cache = join(root, 'cache');
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await runBuild(['--content', content, '--output', output, '--cache', cache, '--no-search'])).toBe(0);
    vi.restoreAllMocks();
    await writeFile(join(output, 'keep.txt'), 'mine');
    const path = manifestPath(cache, output);
    await mkdir(join(path, '..'), { recursive: true });
    await writeFile(path, JSON.stringify({ ...good(output), files: ['keep.txt'], broadsheet: 'other' }));
    let stderr = '';
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stderr += String(chunk);
      return true;
    });
    const code = await runBuild(['--content', content, '--output', output, '--cache', cache, '--no-search']);
    vi.restoreAllMocks();
    expect(code).toBe(0);
    expect(stderr).toContain('broadsheet build: warning: ignoring the build manifest:');
    expect(await readFile(join(output, 'keep.txt'), 'utf8')).toBe('mine');
    expect((await readManifest(cache, output)).manifest?.files).toContain('index.html');
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

it('build refuses a cache folder inside the output folder (exit 2)', async () => {
  const { root, content } = await makeContentFolder({ prefix: 'broadsheet-manifest-inside-' });
  try {
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await runBuild(['--content', content, '--output', join(root, '_site'), '--cache', join(root, '_site', 'cache')])).toBe(2);
  } finally {
    vi.restoreAllMocks();
    await rm(root, { recursive: true, force: true });
  }
});
