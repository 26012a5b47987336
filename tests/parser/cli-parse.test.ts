/** `broadsheet parse` end to end: the real bin, in a child process. */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runParse } from '../../src/cli/parse.ts';
import type { ParseResult } from '../../src/types.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const SEED = 'content/feeds/000_c9096681fbbcbff7.txt';

async function broadsheet(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)('node', ['bin/broadsheet.js', ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'broadsheet-cli-parse-'));
  await writeFile(join(dir, 'empty.txt'), '');
  await writeFile(join(dir, 'truncated.txt'), 'Head\n\nTT\n\nHead\n');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('broadsheet parse', () => {
  it('prints the seed as JSON records and exits 0', async () => {
    const { code, stdout, stderr } = await broadsheet('parse', SEED);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const result = JSON.parse(stdout) as ParseResult;
    expect(result.articles.map((a) => a.published)).toEqual(['2025-09-04', '2026-02-08', '2026-02-08', '2026-02-08']);
    expect(result.diagnostics).toEqual([]);
  });

  it('reports bad input on stderr as FILE:LINE: severity: message, with no stack trace, and exits 1', async () => {
    const empty = join(dir, 'empty.txt');
    const missing = join(dir, 'missing.txt');
    const truncated = join(dir, 'truncated.txt');
    const { code, stdout, stderr } = await broadsheet('parse', '--compact', empty, missing, truncated);
    expect(code).toBe(1);
    expect(stderr.trimEnd().split('\n')).toEqual([
      `${empty}:1: error: the feed is empty: no articles`,
      `${missing}:1: error: cannot read the feed: no such file`,
      `${truncated}:1: warning: article "Head" looks truncated (the article has no body); kept with an empty body`,
    ]);
    expect(stderr).not.toMatch(/\n\s+at /);
    const result = JSON.parse(stdout) as ParseResult;
    expect(result.articles.map((a) => a.headline)).toEqual(['Head']);
    expect(stdout.trimEnd().split('\n')).toHaveLength(1);
  });

  it('explains its usage when given no files or an unknown option, and exits 2', async () => {
    // In process: starting the bin a third time would only test tsx again.
    const written: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    try {
      expect(await runParse([])).toBe(2);
      expect(await runParse(['--verbose', SEED])).toBe(2);
    } finally {
      spy.mockRestore();
    }
    expect(written.join('')).toMatch(/no feed files given[\s\S]*Usage: broadsheet parse[\s\S]*unknown option '--verbose'/);
  });
});
