/**
 * The published folder stays whole: `--output` refuses folders that are not
 * a site's (for `build` and `serve` alike), a second build into the same
 * folder is refused while one runs, as is a build into a dev server's
 * folder, and a build killed half way leaves the previous complete site in
 * place.
 */
import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { generateFeed } from '../../bench/generate.ts';
import { lockFileFor, removeLeftovers, searchAsideFor } from '../../src/build/output-folder.ts';
import { makeContentFolder } from '../support/content-folder.ts';

const ROOT = join(import.meta.dirname, '..', '..');

function run(args: string[]): { done: Promise<{ code: number | null; stderr: string }>; kill: () => void; stop: () => void } {
  const child = spawn(process.execPath, ['bin/broadsheet.js', ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const done = new Promise<{ code: number | null; stderr: string }>((resolve) => child.on('exit', (code) => resolve({ code, stderr })));
  return { done, kill: () => child.kill('SIGKILL'), stop: () => child.kill('SIGTERM') };
}

/** Waits until the lock of `output` is taken. */
async function locked(output: string): Promise<boolean> {
  for (let i = 0; i < 400; i++) {
    if (await stat(lockFileFor(output)).catch(() => null)) return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  return false;
}

let root: string;
let content: string;
beforeAll(async () => {
  // Enough articles that a build takes a few seconds: long enough to be caught in the middle.
  ({ root, content } = await makeContentFolder({ prefix: 'broadsheet-output-', extra: { 'feeds/generated.txt': generateFeed({ articles: 600, seed: 3 }) } }));
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('--output', () => {
  it.each([
    ['the content folder', () => content, 'it is or holds the content folder'],
    ['the project folder', () => '.', 'it holds the project folder'],
    ['its parent', () => '..', 'it holds the project folder'],
    ['a source folder', () => 'templates', "inside the project's templates/ folder"],
    ['the root folder', () => '/', 'it is the root folder'],
    ['the home folder', () => homedir(), 'it is the home folder'],
  ])('refuses %s with exit 2, writing nothing', async (_, output, why) => {
    const { code, stderr } = await run(['build', '--content', content, '--output', output(), '--no-search']).done;
    expect(code).toBe(2);
    expect(stderr).toContain(why);
  });

  it('refuses a folder of other files unless --force, and then keeps them', async () => {
    const foreign = join(root, 'foreign');
    await mkdir(foreign, { recursive: true });
    await writeFile(join(foreign, 'notes.txt'), 'mine');
    const refused = await run(['build', '--content', content, '--output', foreign, '--no-search', '--no-cache']).done;
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('it holds files and no earlier Broadsheet build (use --force');
    expect(await readdir(foreign)).toEqual(['notes.txt']);
    const forced = await run(['build', '--content', content, '--output', foreign, '--no-search', '--no-cache', '--force']).done;
    expect(forced.code).toBe(0);
    expect(await readFile(join(foreign, 'notes.txt'), 'utf8')).toBe('mine');
    // Now it holds a Broadsheet build: no --force needed again.
    expect((await run(['build', '--content', content, '--output', foreign, '--no-search', '--no-cache']).done).code).toBe(0);
  }, 120_000);
});

describe('builds into one folder', () => {
  it('refuses a second build while one runs, and neither hangs', async () => {
    const output = join(root, 'concurrent');
    const first = run(['build', '--content', content, '--output', output, '--cache', join(root, 'cache')]);
    // Started once the first holds the lock.
    for (let i = 0; i < 200 && !(await stat(lockFileFor(output)).catch(() => null)); i++) await new Promise((r) => setTimeout(r, 25));
    const second = await run(['build', '--content', content, '--output', output, '--cache', join(root, 'cache')]).done;
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/another build or dev server \(process \d+\) is writing/);
    const { code } = await first.done;
    expect(code).toBe(0);
    expect(await stat(lockFileFor(output)).catch(() => null)).toBeNull();
    expect((await readdir(join(output, 'pagefind'))).length).toBeGreaterThan(3);
  }, 120_000);

  it('keeps the previous complete site when a build is killed half way, and the next build recovers', async () => {
    const output = join(root, 'killed');
    const cache = join(root, 'cache-killed');
    expect((await run(['build', '--content', content, '--output', output, '--cache', cache]).done).code).toBe(0);
    const before = (await readdir(output, { recursive: true })).sort();
    const home = await readFile(join(output, 'index.html'), 'utf8');
    // A full build (--no-cache), which stages the whole site; killed once it has written some of it.
    const victim = run(['build', '--content', content, '--output', output, '--no-cache']);
    let staged = 0;
    for (let i = 0; i < 1000 && staged <= 50; i++) {
      const folder = (await readdir(root)).find((n) => n.startsWith('killed.staging-'));
      staged = folder ? (await readdir(join(root, folder), { recursive: true }).catch(() => [])).length : 0;
      if (staged <= 50) await new Promise((r) => setTimeout(r, 10));
    }
    victim.kill();
    // It was killed in the middle, not after it had finished.
    expect(staged).toBeGreaterThan(50);
    expect((await victim.done).code).toBeNull();
    expect((await readdir(output, { recursive: true })).sort()).toEqual(before);
    expect(await readFile(join(output, 'index.html'), 'utf8')).toBe(home);
    // The next build is not stopped by the killed one's lock, and clears its staging folder.
    expect((await run(['build', '--content', content, '--output', output, '--cache', cache]).done).code).toBe(0);
    expect((await readdir(root)).filter((n) => n.startsWith('killed.staging-') || n.endsWith('.lock'))).toEqual([]);
    // The site it replaced is deleted in the background, soon after.
    const leftovers = async () => (await readdir(root)).filter((n) => n.startsWith('killed.'));
    for (let i = 0; i < 300 && (await leftovers()).length > 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await leftovers()).toEqual([]);
  }, 180_000);
});

describe('broadsheet serve and the output folder', () => {
  it.each([
    ['the content folder', () => content, 'it is or holds the content folder'],
    ['a source folder', () => 'src', "it is inside the project's src/ folder"],
    ['the home folder', () => homedir(), 'it is the home folder'],
  ])('refuses %s with exit 2, as build does', async (_, output, why) => {
    const { code, stderr } = await run(['serve', '--port', '0', '--content', content, '--output', output()]).done;
    expect(code).toBe(2);
    expect(stderr).toContain(`will not write the site into '${output()}': ${why}`);
  });

  it('refuses a folder of other files unless --force', async () => {
    const foreign = join(root, 'foreign-serve');
    await mkdir(foreign, { recursive: true });
    await writeFile(join(foreign, 'notes.txt'), 'mine');
    const refused = await run(['serve', '--port', '0', '--content', content, '--output', foreign]).done;
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('it holds files and no earlier Broadsheet build (use --force');
    expect(await readdir(foreign)).toEqual(['notes.txt']);
  });

  it('holds the output while it runs: a build or a second server into it is refused, a build after it is not', async () => {
    const output = join(root, 'served');
    const cache = join(root, 'cache-served');
    const server = run(['serve', '--port', '0', '--content', content, '--output', output, '--cache', cache]);
    // Stopped on a failed assertion too: left running, it would keep writing into the folder the clean-up removes.
    onTestFinished(() => server.stop());
    expect(await locked(output)).toBe(true);
    const build = await run(['build', '--content', content, '--output', output, '--cache', cache, '--no-search']).done;
    expect(build.code).toBe(1);
    expect(build.stderr).toMatch(/another build or dev server \(process \d+\) is writing/);
    const second = await run(['serve', '--port', '0', '--content', content, '--output', output, '--cache', cache]).done;
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/another build or dev server \(process \d+\) is writing/);
    // Stopped once its first build has written the home page: a server stopped
    // before that leaves a folder no check can tell is a Broadsheet site.
    for (let i = 0; i < 2400 && !(await readFile(join(output, 'index.html'), 'utf8').catch(() => '')).includes('content="Broadsheet"'); i++) await new Promise((r) => setTimeout(r, 50));
    server.stop();
    expect((await server.done).code).toBe(0);
    expect(await stat(lockFileFor(output)).catch(() => null)).toBeNull();
    expect((await run(['build', '--content', content, '--output', output, '--cache', cache, '--no-search']).done).code).toBe(0);
  }, 180_000);

  it('does not start while a build holds the output', async () => {
    const output = join(root, 'building');
    // The lock as a running build leaves it: this test's own process is alive.
    await writeFile(lockFileFor(output), `${process.pid}\n`);
    const { code, stderr } = await run(['serve', '--port', '0', '--content', content, '--output', output]).done;
    expect(code).toBe(1);
    expect(stderr).toContain(`(process ${process.pid}) is writing`);
    expect(await stat(output).catch(() => null)).toBeNull();
    await rm(lockFileFor(output));
  });

  it('says a half-written folder is busy, not foreign, while its writer runs', async () => {
    // What a server's first build leaves early on: pages, no home page yet.
    const output = join(root, 'half-written');
    await mkdir(join(output, 'world'), { recursive: true });
    await writeFile(join(output, 'world', 'index.html'), '<p>partial</p>');
    await writeFile(lockFileFor(output), `${process.pid}\n`);
    for (const command of ['serve', 'build']) {
      const { code, stderr } = await run([command, ...(command === 'serve' ? ['--port', '0'] : []), '--content', content, '--output', output, '--cache', join(root, 'cache-half')]).done;
      expect(code).toBe(1);
      expect(stderr).toContain(`(process ${process.pid}) is writing`);
    }
    await rm(lockFileFor(output));
    // With no live writer it is a folder of other files again.
    expect((await run(['build', '--content', content, '--output', output, '--cache', join(root, 'cache-half')]).done).code).toBe(2);
  });
});

describe('what killed processes left beside the output folder', () => {
  it('is removed: a dev server\'s index moved aside, a staging folder; a live process\'s is kept', async () => {
    const output = join(root, 'leftovers');
    // A process that has exited: its number names no live process.
    const child = spawn(process.execPath, ['-e', '']);
    const dead = await new Promise<number>((resolve) => child.on('exit', () => resolve(child.pid!)));
    for (const name of [`leftovers.search-${dead}`, `leftovers.staging-${dead}`]) await mkdir(join(root, name, 'pagefind'), { recursive: true });
    const own = searchAsideFor(output);
    await mkdir(join(own, 'pagefind'), { recursive: true });
    await removeLeftovers(output);
    expect((await readdir(root)).filter((n) => n.startsWith('leftovers.')).sort()).toEqual([own.slice(root.length + 1)]);
    await rm(own, { recursive: true, force: true });
  });
});
