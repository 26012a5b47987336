/**
 * What a build works out per article and per search bundle, kept in the
 * cache folder (`memo.json`) for the next `broadsheet build`: each
 * article's country scores and people and organisations (by its revision),
 * and each search bundle's words for the vocabulary index (by the bundle's
 * fingerprint). The dev server keeps the same memos in memory. Without
 * them an incremental build reads every article's text again to find
 * names and places, and every bundle's text to list its words, though a
 * day's news changes a few hundred articles and a few bundles.
 *
 * The file is keyed by Broadsheet's code: another version's is ignored
 * whole. A damaged file is ignored with a warning and written anew.
 */
import { readFile } from 'node:fs/promises';
import { writeWhole } from '../file-tree.ts';
import { join } from 'node:path';
import type { EntityMention } from '../discovery/entities.ts';
import { BuildMemo } from '../memoise.ts';
import { CODE_FINGERPRINT } from './code-fingerprint.ts';

const FILE = 'memo.json';
const FORMAT = 1;

export interface BuildMemos {
  /** Country scores, by article revision. */
  scores: BuildMemo<Map<string, number>>;
  /** People and organisations named, by article revision. */
  entities: BuildMemo<EntityMention[]>;
  /** A search bundle's words (src/discovery/search-vocabulary.ts), by bundle fingerprint. */
  words: BuildMemo<string>;
}

interface MemoFile {
  format: typeof FORMAT;
  code: string;
  scores: [string, [string, number][]][];
  entities: [string, EntityMention[]][];
  words: [string, string][];
}

/** Empty memos, for a process that builds many times (the dev server) or a first build. */
export function emptyMemos(): BuildMemos {
  return { scores: new BuildMemo(), entities: new BuildMemo(), words: new BuildMemo() };
}

/**
 * The memos kept in `cacheDir`, or empty ones; `warning` says why a file
 * that was there was not used (null when there was none, or it was of
 * other code, which is expected after an upgrade).
 *
 * @example
 * const { memos, warning } = await readMemos('.broadsheet-cache');
 */
export async function readMemos(cacheDir: string): Promise<{ memos: BuildMemos; warning: string | null }> {
  const path = join(cacheDir, FILE);
  const text = await readFile(path, 'utf8').catch(() => null);
  if (text === null) return { memos: emptyMemos(), warning: null };
  let data: Partial<MemoFile> | null = null;
  try {
    data = JSON.parse(text) as Partial<MemoFile>;
  } catch {
    // reported below
  }
  if (data && data.format === FORMAT && data.code !== CODE_FINGERPRINT) return { memos: emptyMemos(), warning: null };
  if (!data || data.format !== FORMAT || !valid(data)) return { memos: emptyMemos(), warning: `ignoring ${path}: it is damaged; names, places and search words are worked out again` };
  return {
    memos: {
      scores: new BuildMemo(data.scores.map(([key, pairs]) => [key, new Map(pairs)])),
      entities: new BuildMemo(data.entities),
      words: new BuildMemo(data.words),
    },
    warning: null,
  };
}

/** Writes what this build used of `memos` (a temporary file renamed over the old one). */
export async function writeMemos(cacheDir: string, memos: BuildMemos): Promise<void> {
  const data: MemoFile = {
    format: FORMAT,
    code: CODE_FINGERPRINT,
    scores: [...memos.scores.used()].map(([key, scores]) => [key, [...scores]]),
    entities: [...memos.entities.used()],
    words: [...memos.words.used()],
  };
  await writeWhole(join(cacheDir, FILE), JSON.stringify(data));
}

function valid(data: Partial<MemoFile>): data is MemoFile {
  const entries = (list: unknown, value: (v: unknown) => boolean) =>
    Array.isArray(list) && list.every((e) => Array.isArray(e) && e.length === 2 && typeof e[0] === 'string' && value(e[1]));
  const mention = (m: unknown) => {
    const x = m as Partial<EntityMention> | null;
    return !!x && typeof x.name === 'string' && (x.kind === 'person' || x.kind === 'organisation') && typeof x.count === 'number' &&
      typeof x.surnameOnly === 'boolean' && (x.acronym === undefined || typeof x.acronym === 'string');
  };
  return (
    entries(data.scores, (pairs) => Array.isArray(pairs) && pairs.every((p) => Array.isArray(p) && p.length === 2 && typeof p[0] === 'string' && typeof p[1] === 'number')) &&
    entries(data.entities, (list) => Array.isArray(list) && list.every(mention)) &&
    entries(data.words, (words) => typeof words === 'string')
  );
}
