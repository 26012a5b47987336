/**
 * The `broadsheet` command line: dispatches to one module per command.
 * Every command returns its exit code; none lets a stack trace reach the user
 * for a content problem.
 */
import { printable } from '../diagnostics.ts';

const USAGE = `Usage: broadsheet <command> [options]

Commands:
  parse FILE...     Parse feed files and print article records as JSON
  build             Build the site (default: content/ -> _site/)
  merge DIR...      Join the shard folders of 'build --shard I/N' into the site
  serve             Start the dev server with live reload on 127.0.0.1

Run 'broadsheet <command> --help' for a command's options.`;

type Command = (args: string[]) => Promise<number>;

const COMMANDS: Record<string, () => Promise<Command>> = {
  parse: async () => (await import('./parse.ts')).runParse,
  build: async () => (await import('./build.ts')).runBuild,
  merge: async () => (await import('./merge.ts')).runMerge,
  serve: async () => (await import('./serve.ts')).runServe,
};

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return name === undefined ? 2 : 0;
  }
  const load = COMMANDS[name];
  if (!load) {
    process.stderr.write(`broadsheet: unknown command '${name}'\n\n${USAGE}\n`);
    return 2;
  }
  try {
    return await (await load())(rest);
  } catch (error) {
    // A programming error or an environment failure (a missing template, an
    // unwritable folder): report it in one line, with the cause chain, and
    // keep the stack for those who ask for it.
    const message = error instanceof Error ? describeError(error) : String(error);
    process.stderr.write(`broadsheet ${name}: ${printable(message)}\n`);
    if (process.env.BROADSHEET_DEBUG && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    return 1;
  }
}

function describeError(error: Error): string {
  const parts = [error.message];
  let cause: unknown = error.cause;
  while (cause instanceof Error) {
    parts.push(cause.message);
    cause = cause.cause;
  }
  return parts.join(': ');
}
