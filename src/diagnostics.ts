import type { Diagnostic } from './types.ts';

/**
 * Makes text from content or file names safe to print on one line of a
 * terminal or a CI log: control characters (ESC, CR, LF, DEL, C1…) and the
 * invisible direction overrides become visible escapes (`\x1b`, `\n`,
 * `\u202e`), and `::`, which GitHub Actions reads as a workflow command at
 * a line's start, becomes `:\:`. Broadsheet's own annotations are the only
 * workflow commands it prints.
 *
 * @example
 * printable('a\n::error::x\x1b[2J') // => 'a\\n:\\:error:\\:x\\x1b[2J'
 */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, escapeChar).replaceAll('::', ':\\:');
}

/** C0 and C1 controls, DEL, and the bidirectional embedding, override and isolate marks. */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeChar(c: string): string {
  const code = c.charCodeAt(0);
  return NAMED[c] ?? (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
}

/**
 * Formats a diagnostic the way compilers do, so editors and terminals can
 * jump to it. The file name and message are made printable: they may come
 * from content.
 *
 * @example
 * formatDiagnostic({ severity: 'warning', file: 'a.txt', line: 3, message: 'x' })
 * // => 'a.txt:3: warning: x'
 */
export function formatDiagnostic(d: Diagnostic): string {
  return `${printable(d.file)}:${d.line}: ${d.severity}: ${printable(d.message)}`;
}

/**
 * Formats a diagnostic as a GitHub Actions workflow command, which the
 * Actions runner shows as an annotation on the file and line. Escaped by
 * GitHub's rules (`%`, CR and LF in the message; also `:` and `,` in
 * properties), with other control characters made visible, so no text can
 * end the command or start another.
 */
export function formatGithubAnnotation(d: Diagnostic): string {
  const visible = (s: string) => s.replace(/[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, escapeChar);
  const data = (s: string) => visible(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const property = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  return `::${d.severity} file=${property(d.file)},line=${d.line}::${data(d.message)}`;
}

/** Orders diagnostics by file, then line, so output is stable across runs. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
}

/** How many diagnostics of one rule are printed before the rest are summed up. */
export const PRINTED_PER_RULE = 200;

/**
 * The lines to print for a list of diagnostics: each one, until a rule has
 * had `perRule` of them; then one summary line per rule at the end
 * ("…and 129,873 more stray-marker warnings"), so a hostile feed cannot
 * flood a terminal or a CI log. Every diagnostic still counts for the exit
 * code and stays in `parse`'s JSON.
 *
 * @example
 * printedLines(list).at(-1) // => 'broadsheet: …and 129,873 more stray-marker warnings, first at feed.txt:205'
 */
export function printedLines(list: readonly Diagnostic[], github: boolean, perRule = PRINTED_PER_RULE): string[] {
  const shown = new Map<string, number>();
  const hidden = new Map<string, { count: number; first: Diagnostic }>();
  const lines: string[] = [];
  for (const d of list) {
    const kind = `${d.rule ?? 'other'} ${d.severity}`;
    const count = shown.get(kind) ?? 0;
    if (count < perRule) {
      shown.set(kind, count + 1);
      lines.push(formatDiagnostic(d));
      if (github) lines.push(formatGithubAnnotation(d));
      continue;
    }
    const rest = hidden.get(kind);
    if (rest) rest.count++;
    else hidden.set(kind, { count: 1, first: d });
  }
  for (const [kind, { count, first }] of hidden) {
    const [rule, severity] = kind.split(' ');
    lines.push(`broadsheet: …and ${count.toLocaleString('en-US')} more ${rule} ${severity}${count === 1 ? '' : 's'}, first at ${printable(first.file)}:${first.line}`);
  }
  return lines;
}
