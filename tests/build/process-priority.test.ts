import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { getPriority } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { LOWEST_PRIORITY, lowerChildPriority } from '../../src/process-priority.ts';

const started: ChildProcess[] = [];
const start = (command: string, args: string[]) => {
  const child = spawn(command, args, { stdio: 'ignore' });
  started.push(child);
  return child;
};
afterEach(() => {
  for (const child of started.splice(0)) child.kill('SIGKILL');
});

/** Waits until the child has started its program (its pid exists and its command is no longer ours). */
async function running(child: ChildProcess, thread = true): Promise<number> {
  await new Promise((resolve, reject) => child.once('spawn', resolve).once('error', reject));
  // A node child starts its threads during its first milliseconds.
  if (thread) await new Promise((resolve) => setTimeout(resolve, 300));
  return child.pid!;
}

describe.skipIf(process.platform !== 'linux')('lowerChildPriority', () => {
  it('lowers every thread of the named children, and no other process', async () => {
    const own = getPriority(process.pid);
    const node = await running(start(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']));
    const sleeper = await running(start('sleep', ['30']));
    const threads = readdirSync(`/proc/${node}/task`);
    // Node runs V8's and libuv's threads beside its main one: each has its own priority on Linux.
    expect(threads.length).toBeGreaterThan(1);

    expect(lowerChildPriority('node')).toBe(1);
    for (const thread of threads) expect(getPriority(Number(thread))).toBe(LOWEST_PRIORITY);
    expect(getPriority(sleeper)).toBe(own);
    expect(getPriority(process.pid)).toBe(own);
  });

  it('finds nothing when no child has the name', async () => {
    await running(start('sleep', ['30']), false);
    expect(lowerChildPriority('pagefind')).toBe(0);
  });
});
