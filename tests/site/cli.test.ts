/**
 * `broadsheet build` as CI sees it: diagnostics on stderr as FILE:LINE, exit
 * codes, --strict, GitHub annotations. Runs the command in-process.
 */
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest';
import { runBuild } from '../../src/cli/build.ts';
import { makeContent } from './helpers.ts';

let content: string;

beforeAll(async () => {
  // The seed plus one override whose slug no feed has: a warning.
  content = await makeContent({ 'articles/no-such-story.md': '---\ndek: Orphan\n---\n' });
});
afterAll(() => rm(join(content, '..'), { recursive: true, force: true }));
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

async function build(args: string[], dir = content): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  const code = await runBuild(['--content', dir, '--output', join(dir, '..', '_site'), ...args]);
  vi.restoreAllMocks();
  return { code, stderr };
}

it('prints a warning as FILE:LINE and succeeds; --strict fails on it', async () => {
  const warningLine = `${join(content, 'articles', 'no-such-story.md')}:1: warning: no article has the slug "no-such-story"`;
  const lenient = await build([]);
  expect(lenient.code).toBe(0);
  expect(lenient.stderr).toContain(warningLine);
  expect(lenient.stderr).not.toContain('::warning');
  const strict = await build(['--strict']);
  expect(strict.code).toBe(1);
  expect(strict.stderr).toContain(warningLine);
});

it('fails --strict on a feed whose TT line was deleted, naming the line', async () => {
  const feed = join(import.meta.dirname, '..', '..', 'content', 'feeds', '000_c9096681fbbcbff7.txt');
  const lines = (await readFile(feed, 'utf8')).split('\n');
  const marker = lines.indexOf('TT', lines.findIndex((l) => l.startsWith('Iran Warns')));
  const dir = await makeContent({ 'feeds/000_c9096681fbbcbff7.txt': lines.filter((_, i) => i !== marker).join('\n') }, false);
  try {
    const strict = await build(['--strict'], dir);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain(`000_c9096681fbbcbff7.txt:${marker + 2}: warning: no "TT" marker between the two copies of the header`);
  } finally {
    await rm(join(dir, '..'), { recursive: true, force: true });
  }
});

it('adds GitHub Actions annotations when GITHUB_ACTIONS=true', async () => {
  vi.stubEnv('GITHUB_ACTIONS', 'true');
  const { stderr } = await build([]);
  expect(stderr).toMatch(/^::warning file=.*no-such-story\.md,line=1::no article has the slug "no-such-story"/m);
});

it('fails with exit 1 on an error diagnostic, naming the file and line', async () => {
  const broken = await makeContent({ 'feeds/zz-empty.txt': '' });
  try {
    const { code, stderr } = await build([], broken);
    expect(code).toBe(1);
    expect(stderr).toMatch(new RegExp(`^${join(broken, 'feeds', 'zz-empty.txt').replace(/[.]/g, '\\.')}:1: error: `, 'm'));
    expect(stderr).not.toMatch(/^\s+at /m);
  } finally {
    await rm(join(broken, '..'), { recursive: true, force: true });
  }
});

it('exits 2 on a usage mistake', async () => {
  const { code, stderr } = await build(['--nope']);
  expect(code).toBe(2);
  expect(stderr).toContain("Unknown option '--nope'");
});

it('exits 2, before building anything, when the content folder does not exist', async () => {
  const missing = join(content, '..', 'no-such-content');
  const { code, stderr } = await build([], missing);
  expect(code).toBe(2);
  expect(stderr).toContain(`the content folder '${missing}' does not exist`);
  expect(stderr).not.toContain('[11ty]');
});
