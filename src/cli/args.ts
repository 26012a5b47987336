/**
 * Option parsing shared by the commands, on node:util's parseArgs: a usage
 * mistake prints the command's help and becomes exit code 2, `--help` prints
 * it and becomes 0.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;
type ParsedValues<T extends Options> = ReturnType<typeof parseArgs<{ options: T; strict: true; allowPositionals: false }>>['values'];

/**
 * Parses a command's options, or returns the exit code to stop with.
 *
 * @example
 * const parsed = parseCommandArgs('build', ['--strict'], { strict: { type: 'boolean', default: false } }, USAGE);
 * if (typeof parsed === 'number') return parsed;
 */
export function parseCommandArgs<T extends Options>(command: string, args: string[], options: T, usage: string): ParsedValues<T> | number {
  const parsed = parseCommandLine(command, args, options, usage, false);
  return typeof parsed === 'number' ? parsed : parsed.values;
}

/**
 * {@link parseCommandArgs} for a command that also takes operands
 * (`broadsheet merge DIR...`): the options, and the operands in order.
 */
export function parseCommandLine<T extends Options>(command: string, args: string[], options: T, usage: string, operands = true): { values: ParsedValues<T>; positionals: string[] } | number {
  let values: ParsedValues<T>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      options: { ...options, help: { type: 'boolean', short: 'h', default: false } } as T,
      strict: true,
      allowPositionals: operands,
    }));
  } catch (error) {
    process.stderr.write(`broadsheet ${command}: ${(error as Error).message}\n\n${usage}\n`);
    return 2;
  }
  if ((values as { help?: boolean }).help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  return { values, positionals };
}
