/**
 * CPU priority of helper processes. The dev server indexes search in
 * Pagefind processes beside the rebuilds that answer saves; on a machine
 * with few cores, Pagefind (which runs threads on every core) slowed those
 * rebuilds by a third for as long as the first full index ran
 * (docs/performance.md). At the lowest priority it takes only what the
 * rebuilds leave.
 *
 * Linux only: child processes are found in `/proc`, and every thread of
 * each is lowered (Linux keeps a priority per thread; threads started later
 * inherit it). Elsewhere nothing is done.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { setPriority } from 'node:os';

/** The lowest priority (the highest nice value). */
export const LOWEST_PRIORITY = 19;

/**
 * Lowers to {@link LOWEST_PRIORITY} every thread of this process's child
 * processes whose command name starts with `name`. Returns how many
 * processes were found. A process that exits meanwhile is skipped.
 *
 * @example
 * lowerChildPriority('pagefind') // => 2
 */
export function lowerChildPriority(name: string): number {
  if (process.platform !== 'linux') return 0;
  let found = 0;
  for (const pid of childProcesses(process.pid, name)) {
    found++;
    for (const thread of listOrEmpty(`/proc/${pid}/task`)) {
      try {
        setPriority(Number(thread), LOWEST_PRIORITY);
      } catch {
        // the thread or process has exited
      }
    }
  }
  return found;
}

/** Processes whose parent is `parent` and whose command name starts with `name`, from `/proc/<pid>/stat`. */
function childProcesses(parent: number, name: string): number[] {
  const children: number[] = [];
  for (const entry of listOrEmpty('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // exited
    }
    // "pid (command) state ppid …": the command may hold spaces and parentheses, so split at the last ')'.
    const open = stat.indexOf('(');
    const close = stat.lastIndexOf(')');
    const ppid = Number(stat.slice(close + 2).split(' ')[1]);
    if (ppid === parent && stat.slice(open + 1, close).startsWith(name)) children.push(Number(entry));
  }
  return children;
}

function listOrEmpty(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
