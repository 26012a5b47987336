/**
 * `broadsheet parse FILE...`: feed files in, article records as JSON on
 * stdout, diagnostics as `FILE:LINE: severity: message` on stderr.
 */
import { printDiagnostics } from './report.ts';
import { loadFeeds } from '../feeds/read-feeds.ts';

const USAGE = `Usage: broadsheet parse [--compact] [--github] FILE...

Parses feed files and prints {"articles": [...], "diagnostics": [...]} as JSON
on stdout. Diagnostics also go to stderr as FILE:LINE: severity: message.

Options:
  --compact   print the JSON on one line
  --github    print diagnostics as GitHub Actions annotations as well
  -h, --help  show this help

Exit status: 0 when every file parsed, 1 when any diagnostic is an error,
2 for a usage mistake.`;

/**
 * Runs the parse command and returns its exit code.
 *
 * @example
 * await runParse(['content/feeds/a.txt']) // prints JSON; => 0
 */
export async function runParse(args: string[]): Promise<number> {
  const files: string[] = [];
  let compact = false;
  let github = false;
  let optionsEnded = false;
  for (const arg of args) {
    if (!optionsEnded && arg === '--') optionsEnded = true;
    else if (!optionsEnded && (arg === '-h' || arg === '--help')) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    } else if (!optionsEnded && arg === '--compact') compact = true;
    else if (!optionsEnded && arg === '--github') github = true;
    else if (!optionsEnded && arg.startsWith('-') && arg !== '-') {
      process.stderr.write(`broadsheet parse: unknown option '${arg}'\n\n${USAGE}\n`);
      return 2;
    } else files.push(arg);
  }
  if (files.length === 0) {
    process.stderr.write(`broadsheet parse: no feed files given\n\n${USAGE}\n`);
    return 2;
  }
  const result = await loadFeeds(files);
  process.stdout.write(`${JSON.stringify(result, null, compact ? undefined : 2)}\n`);
  printDiagnostics(result.diagnostics, process.stderr, github);
  return result.diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}
