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
  let values: ParsedValues<T>;
  try {
    ({ values } = parseArgs({
      args,
      options: { ...options, help: { type: 'boolean', short: 'h', default: false } } as T,
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    process.stderr.write(`broadsheet ${command}: ${(error as Error).message}\n\n${usage}\n`);
    return 2;
  }
  if ((values as { help?: boolean }).help) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  return values;
}
