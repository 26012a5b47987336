/**
 * Whatever the content folder holds — files of the wrong kind where feeds,
 * overrides, pages or settings belong, random bytes, random front matter —
 * `broadsheet build` answers with diagnostics and an exit code of 0, 1 or
 * 2: never a stack trace, never a hang. Each case of issue #15's list has
 * its own check; a fast-check property mixes them at random.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeContentFolder, SHIPPED_CONTENT } from '../support/content-folder.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const SEED = join(SHIPPED_CONTENT, 'feeds', '000_c9096681fbbcbff7.txt');

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)('node', ['bin/broadsheet.js', ...args], { cwd: ROOT, timeout: 60_000, maxBuffer: 64 << 20 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number | string; stdout: string; stderr: string; killed?: boolean };
    if (e.killed) throw new Error('the command hung and was killed');
    return { code: Number(e.code), stdout: e.stdout, stderr: e.stderr };
  }
}

/** Builds a seeded content folder after `setup`; `inspect` reads the output before it is removed. */
async function build(setup: (content: string) => Promise<unknown>, extraArgs: string[] = ['--no-search'], inspect?: (output: string) => Promise<void>) {
  const { root, content } = await makeContentFolder({ prefix: 'broadsheet-hostile-' });
  try {
    await setup(content);
    const result = await run(['build', '--content', content, '--output', join(root, '_site'), ...extraArgs]);
    expect(result.stderr).not.toMatch(/\n\s+at |Error:|\[11ty\] Problem/);
    if (inspect) await inspect(join(root, '_site'));
    return { ...result, content };
  } finally {
    await rm(root, { recursive: true, force: true }).catch(() => undefined);
  }
}

const fifo = (path: string) => promisify(execFile)('mkfifo', [path]);

describe('files of the wrong kind', () => {
  it.each([
    ['a FIFO named like a feed', (c: string) => fifo(join(c, 'feeds', 'pipe.txt')), 'feeds/pipe.txt:1: error: cannot read the feed: not a regular file'],
    ['a folder named like a feed', (c: string) => mkdir(join(c, 'feeds', 'folder.txt')), 'feeds/folder.txt:1: error: cannot read the feed: it is a folder, not a file'],
    ['a folder where site.json belongs', async (c: string) => { await rm(join(c, 'site.json')); await mkdir(join(c, 'site.json')); }, 'site.json:1: error: cannot read the settings: it is a folder, not a file'],
    ['a file where the feeds folder belongs', async (c: string) => { await rm(join(c, 'feeds'), { recursive: true }); await writeFile(join(c, 'feeds'), 'x'); }, 'feeds:1: error: cannot read the folder: it is a file, not a folder'],
    ['a folder named like an override', (c: string) => mkdir(join(c, 'articles', 'x.md'), { recursive: true }), 'articles/x.md:1: error: cannot read the override: it is a folder, not a file'],
    ['a FIFO named like a page', (c: string) => fifo(join(c, 'pages', 'pipe.md')), 'pages/pipe.md:1: error: cannot read the page: not a regular file'],
    ['a dangling symlink as a feed', (c: string) => symlink(join(c, 'nowhere.txt'), join(c, 'feeds', 'gone.txt')), 'feeds/gone.txt:1: error: cannot read the feed: no such file'],
    ['a FIFO named like a photo', async (c: string) => { await mkdir(join(c, 'images')); await fifo(join(c, 'images', 'factory-explosion-kills-8-in-northern-china.jpg')); }, 'images/factory-explosion-kills-8-in-northern-china.jpg:1: error: cannot process image: not a regular file'],
    ['a page named pagefind', (c: string) => writeFile(join(c, 'pages', 'pagefind.md'), '---\ntitle: P\n---\nHi\n'), 'pages/pagefind.md:1: error: page name "pagefind" is used by the site itself'],
  ])('%s is an error diagnostic with its path, exit 1, no hang', async (_, setup, expected) => {
    const { code, stderr, content } = await build(setup);
    expect(code).toBe(1);
    expect(stderr).toContain(`${content}/${expected}`);
  });

  it('follows a symlinked feed as parse does (its articles are there, as duplicates of the seed)', async () => {
    const { code, stderr } = await build((c) => symlink(SEED, join(c, 'feeds', 'link.txt')));
    expect(code).toBe(0);
    expect(stderr).toContain('link.txt:1: warning: duplicate article');
  });

  it('parse reports a FIFO instead of waiting for a writer', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'broadsheet-fifo-'));
    try {
      await fifo(join(dir, 'pipe.txt'));
      const { code, stderr } = await run(['parse', join(dir, 'pipe.txt')]);
      expect(code).toBe(1);
      expect(stderr).toContain('pipe.txt:1: error: cannot read the feed: not a regular file');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('odd values', () => {
  it('a 300-character override topic gets a topic page with a short file name', async () => {
    const long = 'Affairs '.repeat(40).trim();
    let folders: string[] = [];
    const { code } = await build(
      async (c) => {
        await mkdir(join(c, 'articles'), { recursive: true });
        for (const slug of ['factory-explosion-kills-8-in-northern-china', 'iran-warns-will-not-give-up-enrichment-despite-us-war-threat']) {
          await writeFile(join(c, 'articles', `${slug}.md`), `---\ntopics: [${JSON.stringify(long)}]\n---\n`);
        }
      },
      ['--no-search'],
      async (output) => {
        folders = await readdir(join(output, 'topics'));
      },
    );
    expect(code).toBe(0);
    const topic = folders.find((name) => name.startsWith('affairs-affairs'));
    expect(topic).toBeDefined();
    expect(topic!.length).toBeLessThanOrEqual(80);
  });

  it('robots.txt prints its sitemap address as text, not as escaped HTML', async () => {
    let robots = '';
    const { code } = await build(
      (c) => writeFile(join(c, 'site.json'), JSON.stringify({ title: 'T', url: "https://news.example/o'brien&co" })),
      ['--no-search'],
      async (output) => {
        robots = await readFile(join(output, 'robots.txt'), 'utf8');
      },
    );
    expect(code).toBe(0);
    expect(robots).toContain("Sitemap: https://news.example/o'brien&co/sitemap.xml");
    expect(robots).not.toContain('&amp;');
  });

  it('--now past the year 9999 is a usage error (exit 2), not a stack trace', async () => {
    const { code, stderr } = await build(async () => undefined, ['--no-search', '--now', '+275760-09-13']);
    expect(code).toBe(2);
    expect(stderr).toContain("--now must be an ISO date or date-time");
  });
});

describe('random content folders', () => {
  const kinds = ['file', 'folder', 'fifo', 'dangling-link'] as const;
  const bytes = fc.oneof(fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b)), fc.string({ maxLength: 200 }).map((s) => Buffer.from(s)));
  const frontMatter = fc
    .array(fc.tuple(fc.constantFrom('source', 'language', 'timeZone', 'published', 'title', 'dek', 'topics', 'headline', '&a', '*a', 'x y'), fc.string({ maxLength: 30 })), { maxLength: 5 })
    .map((pairs) => Buffer.from(`---\n${pairs.map(([k, v]) => `${k}: ${v}`).join('\n')}\n---\n${'Head\n\nTT\n\nHead\n\nBody.\n'}`));
  const entry = fc.record({
    where: fc.constantFrom('feeds/a.txt', 'feeds/b.txt', 'articles/factory-explosion-kills-8-in-northern-china.md', 'articles/x.md', 'pages/p.md', 'site.json', 'images/factory-explosion-kills-8-in-northern-china.jpg'),
    kind: fc.constantFrom(...kinds),
    data: fc.oneof(bytes, frontMatter),
  });

  it('never gives a stack trace, a hang or an exit code other than 0, 1 or 2', { timeout: 300_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(entry, { maxLength: 4, selector: (e) => e.where }), async (entries) => {
        const { code } = await build(async (c) => {
          for (const { where, kind, data } of entries) {
            const path = join(c, where);
            await mkdir(join(path, '..'), { recursive: true });
            await rm(path, { recursive: true, force: true });
            if (kind === 'file') await writeFile(path, data);
            else if (kind === 'folder') await mkdir(path);
            else if (kind === 'fifo') await fifo(path);
            else await symlink(join(c, 'nowhere'), path);
          }
        });
        expect([0, 1, 2]).toContain(code);
      }),
      { numRuns: 12 },
    );
  });
});
