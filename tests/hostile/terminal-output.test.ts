/**
 * Feed text and file names never reach a terminal or a CI log raw: control
 * characters become visible escapes, `::` at a line's start cannot become a
 * GitHub Actions workflow command, and a feed with 130,000 stray markers
 * prints a bounded, readable report instead of crashing.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDiagnostic, formatGithubAnnotation, PRINTED_PER_RULE, printable, printedLines } from '../../src/diagnostics.ts';
import type { Diagnostic } from '../../src/types.ts';
import { makeContent } from '../site/helpers.ts';

const ROOT = join(import.meta.dirname, '..', '..');

async function broadsheet(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)('node', ['bin/broadsheet.js', ...args], { cwd: ROOT, env: { ...process.env, ...env }, maxBuffer: 64 << 20 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** Lines a GitHub Actions runner would read as workflow commands, and raw control characters. */
function forgeries(stderr: string): { commands: string[]; controls: boolean } {
  const lines = stderr.split('\n');
  return { commands: lines.filter((l) => l.trimStart().startsWith('::')), controls: /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/.test(stderr) };
}

const FORGED = '\n::error file=README.md,line=1::FORGED\n::stop-commands::tok';

describe('printable', () => {
  it('escapes control characters and direction overrides, and breaks up workflow-command syntax', () => {
    expect(printable('a\n::error::x\u001b[2J\r\u202e\u0085')).toBe('a\\n:\\:error:\\:x\\x1b[2J\\r\\u202e\\x85');
    expect(printable('Iran Warns — “quotes”, Arabic الرياض')).toBe('Iran Warns — “quotes”, Arabic الرياض');
  });

  it('makes a forged message one harmless line, and an annotation whose data cannot end the command', () => {
    const d: Diagnostic = { severity: 'warning', file: 'x\n::error::y.txt', line: 3, message: `bad value ${FORGED}\u001b[2J` };
    const line = formatDiagnostic(d);
    expect(line.split('\n')).toHaveLength(1);
    expect(forgeries(line)).toEqual({ commands: [], controls: false });
    const annotation = formatGithubAnnotation(d);
    expect(annotation.split('\n')).toHaveLength(1);
    expect(annotation.startsWith('::warning file=x%0A%3A%3Aerror%3A%3Ay.txt,line=3::bad value %0A::error')).toBe(true);
    expect(forgeries(annotation).controls).toBe(false);
  });
});

describe('printedLines', () => {
  it('prints the first of each rule and sums up the rest, counting every one', () => {
    const list: Diagnostic[] = Array.from({ length: PRINTED_PER_RULE + 5 }, (_, i) => ({ severity: 'warning', file: 'f.txt', line: i + 1, message: 'm', rule: 'stray-marker' }));
    list.push({ severity: 'error', file: 'g.txt', line: 1, message: 'e', rule: 'empty-feed' });
    const lines = printedLines(list, false);
    expect(lines).toHaveLength(PRINTED_PER_RULE + 2);
    expect(lines).toContain('g.txt:1: error: e');
    expect(lines.at(-1)).toBe(`broadsheet: …and 5 more stray-marker warnings, first at f.txt:${PRINTED_PER_RULE + 1}`);
  });
});

describe('the commands', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'broadsheet-hostile-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('parse prints no forged workflow command, ESC sequence or raw newline from front matter, headlines or file names', async () => {
    const feed = `---\nsource: ${JSON.stringify(FORGED)}\nbogus: ${JSON.stringify(FORGED)}\n---\nHead \u001b[2J\n\nTT\n\nHead \u001b[2J\n\nBody.\n\nTT\n\nOther\n`;
    const file = join(dir, 'evil\n::error::name.txt');
    await writeFile(file, feed);
    for (const env of [{}, { GITHUB_ACTIONS: 'true' }] as Record<string, string>[]) {
      const { code, stderr } = await broadsheet(['parse', '--github', file], env);
      expect(code).toBe(0);
      expect(stderr).toContain('warning');
      const found = forgeries(stderr.split('\n').filter((l) => !/^::(warning|error) file=/.test(l)).join('\n'));
      expect(found).toEqual({ commands: [], controls: false });
    }
  });

  it('build reports 130,000 stray markers in bounded output, with no stack trace', { timeout: 120_000 }, async () => {
    const content = await makeContent({ 'feeds/000_c9096681fbbcbff7.txt': 'Head\nTT\nHead\nBody.\n' + 'TT\n'.repeat(130_000) }, false);
    try {
      const { code, stderr } = await broadsheet(['build', '--content', content, '--output', join(content, '..', '_site'), '--no-search']);
      expect(code).toBe(0);
      expect(stderr).not.toMatch(/RangeError|\n\s+at /);
      const lines = stderr.trim().split('\n');
      expect(lines.length).toBeLessThan(PRINTED_PER_RULE + 20);
      expect(stderr).toMatch(/…and 129,[0-9]{3} more stray-marker warnings, first at /);
    } finally {
      await rm(join(content, '..'), { recursive: true, force: true });
    }
  });
});
