/**
 * Printing diagnostics and turning them into an exit code, shared by the
 * commands that build.
 */
import { printedLines } from '../diagnostics.ts';
import type { Diagnostic } from '../types.ts';

/**
 * Writes each diagnostic as `FILE:LINE: severity: message`, plus a GitHub
 * Actions annotation when `github` is set (the runner reads `::warning …`
 * workflow commands from the job's output). Past a few hundred of one rule
 * the rest are summed up in one line (`printedLines`).
 *
 * @example
 * printDiagnostics(list, process.stderr, process.env.GITHUB_ACTIONS === 'true');
 */
export function printDiagnostics(list: readonly Diagnostic[], out: NodeJS.WritableStream, github: boolean): void {
  for (const line of printedLines(list, github)) out.write(`${line}\n`);
}

/**
 * 1 when any diagnostic is an error, or (with `strict`) any warning; else 0.
 *
 * @example
 * exitCodeFor([{ severity: 'warning', file: 'a', line: 1, message: 'm' }], true) // => 1
 */
export function exitCodeFor(list: readonly Diagnostic[], strict: boolean): number {
  return list.some((d) => d.severity === 'error' || (strict && d.severity === 'warning')) ? 1 : 0;
}

/** A count of errors and warnings for a summary line, e.g. `1 error, 2 warnings`. */
export function countDiagnostics(list: readonly Diagnostic[]): string {
  const errors = list.filter((d) => d.severity === 'error').length;
  const warnings = list.length - errors;
  return `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
}
