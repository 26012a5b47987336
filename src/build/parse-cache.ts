/**
 * Parse results kept between builds, one per feed file, keyed by a hash of
 * the file's name and bytes and of Broadsheet's code: a build re-parses only
 * the feeds whose bytes changed. `broadsheet build` keeps them on disk in
 * the cache folder (`parsed/`); `broadsheet serve` in memory. A damaged
 * entry is a miss, never trusted. Each record's digest is kept beside it
 * (src/feeds/record-digest.ts): a build that is given a parse need not
 * serialise its records again to tell which articles changed.
 */
import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { writeWhole } from '../file-tree.ts';
import { escapedJson } from '../json-lines.ts';
import { join } from 'node:path';
import type { ParseResult } from '../types.ts';
import { recordDigest } from '../feeds/record-digest.ts';
import { CODE_FINGERPRINT } from './code-fingerprint.ts';

/** One feed file's parse as a cache keeps it: the result, and each of its records' digests, in order. */
export interface ParsedFeed {
  result: ParseResult;
  digests: readonly string[];
}

/**
 * A parse to keep: the result and its records' digests.
 *
 * @example
 * parsedFeed(parseFeedFile(source)).digests.length // => the number of articles
 */
export function parsedFeed(result: ParseResult): ParsedFeed {
  return { result, digests: result.articles.map(recordDigest) };
}

export interface ParseCache {
  /** The parse kept for `key` (of the text of `file`), or undefined. Callers must not change it. */
  get(key: string, file: string): Promise<ParsedFeed | undefined>;
  set(key: string, parsed: ParsedFeed, file: string): void;
  /**
   * The parse of `file` when the cache knows it has not changed since it
   * was parsed, without reading it; only the memory cache does this.
   */
  unchangedFile?(file: string): Promise<ParsedFeed | undefined>;
  /** Writes what was set and forgets entries this build did not use. */
  flush(): Promise<void>;
  /** Entries found damaged (not JSON, or not for their key) and parsed again, since the cache was made. */
  damaged(): number;
}

/**
 * The cache key of one feed file's parse: its name and its bytes, as read.
 * The bytes, not the decoded text: a file whose entry is found is then
 * never decoded, and decoding a feed's UTF-8 into a JavaScript string costs
 * more than reading and hashing it (docs/performance.md). The same bytes
 * always decode to the same text, so the key names the same parse.
 */
export function parseCacheKey(file: string, bytes: Uint8Array): string {
  return createHash('sha256').update(CODE_FINGERPRINT).update('\0').update(file).update('\0').update(bytes).digest('hex').slice(0, 32);
}

/**
 * A cache in this process's memory, for the dev server: entries not used by
 * the last build are dropped at `flush`. It also remembers each file's size,
 * modification time and inode when it was read, so a build after a save
 * reads only the files whose stat changed. (A change that keeps all three is
 * missed until the next save; `broadsheet build` always reads every file.)
 */
export function memoryParseCache(): ParseCache {
  let entries = new Map<string, ParsedFeed>();
  let used = new Map<string, ParsedFeed>();
  let files = new Map<string, { signature: string; key: string }>();
  let seen = new Map<string, { signature: string; key: string }>();
  // Taken before a file is read: a save during the read leaves a signature that no longer matches.
  const signatures = new Map<string, string>();
  const signatureOf = async (file: string) => {
    const info = await stat(file).catch(() => null);
    return info?.isFile() ? `${info.size}:${info.mtimeMs}:${info.ctimeMs}:${info.ino}` : null;
  };
  return {
    async unchangedFile(file) {
      const signature = await signatureOf(file);
      const known = files.get(file);
      if (signature) signatures.set(file, signature);
      if (!signature || !known || known.signature !== signature) return undefined;
      const hit = entries.get(known.key);
      if (!hit) return undefined;
      used.set(known.key, hit);
      seen.set(file, known);
      return hit;
    },
    async get(key, file) {
      const hit = entries.get(key);
      if (hit) {
        used.set(key, hit);
        const signature = signatures.get(file);
        if (signature) seen.set(file, { signature, key });
      }
      return hit;
    },
    set(key, parsed, file) {
      used.set(key, parsed);
      const signature = signatures.get(file);
      if (signature) seen.set(file, { signature, key });
    },
    damaged: () => 0,
    async flush() {
      entries = used;
      used = new Map();
      files = seen;
      seen = new Map();
      signatures.clear();
    },
  };
}

/** A cache in `cacheDir/parsed/`: one JSON file per feed file. */
export function diskParseCache(cacheDir: string): ParseCache {
  const dir = join(cacheDir, 'parsed');
  const used = new Set<string>();
  const fresh = new Map<string, ParsedFeed>();
  let damaged = 0;
  return {
    damaged: () => damaged,
    async get(key) {
      used.add(key);
      // Read as bytes and decoded at once: `readFile` with an encoding decodes
      // a big file chunk by chunk, which took half again as long (docs/performance.md).
      const bytes = await readFile(join(dir, `${key}.json`)).catch(() => null);
      if (bytes === null) return undefined;
      try {
        // Entries are written in ASCII (see `flush`), which decodes much faster than UTF-8; any other file is read as UTF-8.
        const entry = JSON.parse(bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8')) as { key?: unknown } & Partial<ParsedFeed>;
        const { result, digests } = entry;
        if (
          entry.key === key && result && Array.isArray(result.articles) && Array.isArray(result.diagnostics) &&
          Array.isArray(digests) && digests.length === result.articles.length && digests.every((d) => typeof d === 'string')
        ) return { result, digests };
      } catch {
        // not JSON: counted below, parsed again and overwritten
      }
      damaged++;
      return undefined;
    },
    set(key, parsed) {
      used.add(key);
      fresh.set(key, parsed);
    },
    async flush() {
      for (const [key, { result, digests }] of fresh) await writeWhole(join(dir, `${key}.json`), asciiJson({ key, result, digests }));
      fresh.clear();
      for (const name of await readdir(dir).catch(() => [] as string[])) {
        if (!used.has(name.replace(/\.json$/, ''))) await rm(join(dir, name), { force: true });
      }
      used.clear();
    },
  };
}

/**
 * JSON in ASCII: every character past U+007F written as a `\u` escape.
 * An entry is read back by every build, and decoding a big file's UTF-8
 * into a string costs more than parsing the escapes (docs/performance.md).
 *
 * @example
 * asciiJson({ headline: 'Café' }) // => '{"headline":"Caf\\u00e9"}'
 */
export function asciiJson(value: unknown): string {
  return escapedJson(value, /[\u0080-\uffff]/g);
}

/**
 * A cache that reads `cache` and writes nothing: for a build's worker
 * processes, which read the same feeds as the build that keeps the cache.
 */
export function readOnlyParseCache(cache: ParseCache): ParseCache {
  return { get: (key, file) => cache.get(key, file), set: () => undefined, flush: async () => undefined, damaged: () => cache.damaged() };
}
