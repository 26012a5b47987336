import { describe, expect, it } from 'vitest';
import { progressReporter } from '../../src/cli/progress.ts';

function stream(tty: boolean, columns = 60) {
  const writes: string[] = [];
  return { writes, isTTY: tty, columns, write: (text: string) => writes.push(text) };
}

describe('build progress', () => {
  it('prints one line per stage where there is no terminal (CI logs)', () => {
    const out = stream(false);
    let clock = 0;
    const progress = progressReporter(out, () => clock);
    progress.update({ stage: 'prepare' });
    for (let done = 0; done <= 1200; done++) {
      clock += 1;
      progress.update({ stage: 'render', done, total: 1200 });
    }
    progress.update({ stage: 'search', done: 0, total: 3 });
    progress.update({ stage: 'search', done: 3, total: 3 });
    progress.update({ stage: 'finish' });
    progress.done();
    expect(out.writes).toEqual([
      'broadsheet build: reading the content\n',
      'broadsheet build: rendering 1,200 pages and feeds\n',
      'broadsheet build: indexing search 3 bundles\n',
      'broadsheet build: putting the site in place\n',
    ]);
  });

  it('says "bundle" of a search index of one', () => {
    const out = stream(false);
    const progress = progressReporter(out, () => 0);
    progress.update({ stage: 'search', done: 0, total: 1 });
    expect(out.writes).toEqual(['broadsheet build: indexing search 1 bundle\n']);
  });

  it('keeps to one line on a terminal: redrawn in place, at most ten times a second, never wider than the terminal', () => {
    const out = stream(true, 50);
    let clock = 0;
    const progress = progressReporter(out, () => clock);
    for (let done = 0; done <= 2000; done++) {
      clock += 2; // 500 pages a second
      progress.update({ stage: 'render', done, total: 2000 });
    }
    progress.done();
    const lines = out.writes.slice(0, -1);
    expect(lines.every((l) => l.startsWith('\r\x1b[K') && !l.includes('\n'))).toBe(true);
    expect(lines.every((l) => l.length - 4 <= 49)).toBe(true);
    // 4 s of rendering: about 40 redraws, and the last one when done.
    expect(lines.length).toBeGreaterThan(35);
    expect(lines.length).toBeLessThan(45);
    expect(out.writes.at(-1)).toBe('\r\x1b[K');
    const wide = stream(true, 200);
    const clockAt = { t: 0 };
    const second = progressReporter(wide, () => clockAt.t);
    second.update({ stage: 'render', done: 0, total: 2000 });
    clockAt.t = 2000;
    second.update({ stage: 'render', done: 1000, total: 2000 });
    expect(wide.writes.at(-1)).toBe('\r\x1b[Kbroadsheet build: rendering 1,000/2,000 pages, 500 pages/s, 2 s left');
  });
});
