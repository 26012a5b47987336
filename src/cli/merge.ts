/**
 * `broadsheet merge --output DIR SHARD_DIR...`: joins the folders that
 * `broadsheet build --shard I/N` wrote, one per shard, into the whole site.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { mergeShards, ShardMergeError } from '../build/merge-shards.ts';
import { OutputBusyError, outputRefusal, PROJECT_SOURCE_FOLDERS } from '../build/output-folder.ts';
import { isDirectory } from '../file-tree.ts';
import { printable } from '../diagnostics.ts';
import { parseCommandLine } from './args.ts';

const USAGE = `Usage: broadsheet merge [--output DIR] SHARD_DIR...

Joins the outputs of 'broadsheet build --shard I/N' (I = 1…N), one folder
per shard, into the site one 'broadsheet build' writes, byte for byte,
search index included. Every shard must be given once, and all must come
from the same content, templates, options and Broadsheet version; each
file is checked against the hash its shard recorded.

Options:
  --output DIR   where the site is written (default: _site); staged beside
                 it and swapped in whole, as 'broadsheet build' does. Files
                 there that no shard wrote stay (a CNAME).
  --force        write into a folder that holds other files than a site
  -h, --help     show this help

Exit status: 0 merged; 1 the shards do not make one site (other content or
options, a shard missing or given twice, a damaged file) or another build
holds the output: nothing is written; 2 a usage mistake.`;

/**
 * Runs the merge command and returns its exit code.
 *
 * @example
 * await runMerge(['--output', '_site', 'shard-1', 'shard-2']) // => 0
 */
export async function runMerge(args: string[]): Promise<number> {
  const parsed = parseCommandLine('merge', args, {
    output: { type: 'string', default: '_site' },
    force: { type: 'boolean', default: false },
  }, USAGE);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals: shards } = parsed;
  if (shards.length === 0) {
    process.stderr.write(`broadsheet merge: no shard folders given\n\n${USAGE}\n`);
    return 2;
  }
  for (const dir of shards) {
    if (!isDirectory(dir)) {
      process.stderr.write(`broadsheet merge: the shard folder '${printable(dir)}' does not exist or is not a folder\n`);
      return 2;
    }
  }
  // The output must not be, hold or sit in a shard's folder: each shard is checked as the content folder is by build.
  let refusal: string | null = null;
  for (const dir of shards) {
    refusal ??= await outputRefusal(
      values.output,
      { contentDir: dir, contentName: `the shard folder ${dir}`, projectDir: '.', sourceFolders: [...PROJECT_SOURCE_FOLDERS, 'content'] },
      async () => values.force || existsSync(join(values.output, 'index.html')),
    );
  }
  if (refusal) {
    process.stderr.write(`broadsheet merge: will not write the site into '${printable(values.output)}': ${refusal}\n`);
    return 2;
  }
  const started = performance.now();
  try {
    const result = await mergeShards(shards, values.output);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    process.stderr.write(`broadsheet merge: merged ${result.shards} shard(s), ${result.files} file(s), into ${values.output} in ${seconds} s\n`);
    return 0;
  } catch (error) {
    if (error instanceof ShardMergeError || error instanceof OutputBusyError) {
      process.stderr.write(`broadsheet merge: ${printable(error.message)}\n`);
      return 1;
    }
    throw error;
  }
}
