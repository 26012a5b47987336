import type { Diagnostic } from './types.ts';

/**
 * Formats a diagnostic the way compilers do, so editors and terminals can
 * jump to it.
 *
 * @example
 * formatDiagnostic({ severity: 'warning', file: 'a.txt', line: 3, message: 'x' })
 * // => 'a.txt:3: warning: x'
 */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}: ${d.severity}: ${d.message}`;
}

/**
 * Formats a diagnostic as a GitHub Actions workflow command, which the
 * Actions runner shows as an annotation on the file and line.
 */
export function formatGithubAnnotation(d: Diagnostic): string {
  const property = (s: string) =>
    s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/:/g, '%3A').replace(/,/g, '%2C');
  const data = d.message.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  return `::${d.severity} file=${property(d.file)},line=${d.line}::${data}`;
}

/** Orders diagnostics by file, then line, so output is stable across runs. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
}
