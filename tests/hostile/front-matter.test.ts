/**
 * Front matter is read with alias and size limits, and its errors point at
 * the right line, in feeds and in editor files alike.
 */
import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { FrontMatterError, MAX_FRONT_MATTER_CHARS, parseFrontMatterYaml } from '../../src/front-matter-yaml.ts';
import { parseFeed } from '../../src/parser/index.ts';
import { readFrontMatter } from '../../src/site/front-matter.ts';
import { makeContent } from '../site/helpers.ts';

const ROOT = join(import.meta.dirname, '..', '..');

/** Nine levels of nine aliases each: 9^9 strings if expanded. */
const BOMB = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]', ...'bcdefghi'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`)].join('\n');

describe('the front-matter reader', () => {
  it('refuses an alias bomb instead of expanding it', () => {
    expect(() => parseFrontMatterYaml(`\n${BOMB}\n`)).toThrow(/Excessive alias count/);
  });

  it('refuses a block past the size limit unread, and reads dates as js-yaml did', () => {
    expect(() => parseFrontMatterYaml(`\nk: "${'x'.repeat(MAX_FRONT_MATTER_CHARS)}"\n`)).toThrow(/longer than/);
    expect(parseFrontMatterYaml('\npublished: 2026-02-08\nsource: Wire\n')).toEqual({ published: new Date('2026-02-08T00:00:00Z'), source: 'Wire' });
  });

  it('puts a YAML error in a feed and in an editor file on the line that has it', () => {
    const text = '---\nsource: Wire\nbad: [\n---\nHead\n\nTT\n\nHead\n\nBody.\n';
    expect(parseFeed({ file: 'f.txt', text }).diagnostics).toEqual([expect.objectContaining({ line: 3, rule: 'front-matter' })]);
    try {
      readFrontMatter('---\ndek: ok\nbad: [\n---\nNote\n');
      expect.unreachable();
    } catch (error) {
      expect((error as FrontMatterError).line).toBe(3);
    }
  });
});

it('build reports an alias bomb in an override as a positioned error, without a stack trace', { timeout: 60_000 }, async () => {
  const content = await makeContent({ 'articles/bomb.md': `---\n${BOMB}\n---\nNote.\n` });
  try {
    let stderr = '';
    let code = 0;
    try {
      await promisify(execFile)('node', ['bin/broadsheet.js', 'build', '--content', content, '--output', join(content, '..', '_site'), '--no-search'], { cwd: ROOT });
    } catch (error) {
      ({ code, stderr } = error as { code: number; stderr: string });
    }
    expect(code).toBe(1);
    expect(stderr).toContain(`${join(content, 'articles', 'bomb.md')}:1: error: invalid front matter: Excessive alias count`);
    expect(stderr).not.toMatch(/RangeError|\n\s+at /);
  } finally {
    await rm(join(content, '..'), { recursive: true, force: true });
  }
});
