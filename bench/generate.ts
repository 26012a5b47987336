/**
 * Seeded feed generator: writes feeds of N articles in the real scraped
 * format, byte-identical for the same options on every run and machine.
 * Benchmarks build from it; tests may use it for large fixtures.
 *
 * Command line:
 *   tsx bench/generate.ts --articles 1000 --out DIR [--seed 1] [--per-file 250]
 *   tsx bench/generate.ts --bytes 50MB --out FILE [--seed 1]
 *   tsx bench/generate.ts --articles 30            (one feed on stdout)
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { type GeneratedArticle, generateArticle } from './feedgen/article.ts';
import { dayOf } from './feedgen/dates.ts';
import { createRandom } from './feedgen/random.ts';

export type { GeneratedArticle, GeneratedImage } from './feedgen/article.ts';

export interface GenerateOptions {
  /** How many articles. */
  articles: number;
  /** Seed of the random stream (default 1). Same seed, same bytes. */
  seed?: number | string;
  /** Publication day of the first article, `YYYY-MM-DD` (default 2022-01-03). */
  startDate?: string;
  /** Articles published per day; later articles fall on later days (default 40). */
  articlesPerDay?: number;
}

/** One article of the stream and the text that follows it in a feed file. */
interface StreamItem {
  article: GeneratedArticle;
  text: string;
  /** Blank lines before the next article: real feeds have one to five. */
  separator: string;
  /** What follows the article when it ends a file: a newline, or nothing. */
  ending: string;
}

function* articleStream(options: Omit<GenerateOptions, 'articles'>): Generator<StreamItem> {
  const random = createRandom(options.seed ?? 1);
  const firstDay = dayOf(options.startDate ?? '2022-01-03');
  const perDay = options.articlesPerDay ?? 40;
  const headlines = new Set<string>();
  for (let i = 0; ; i++) {
    const article = generateArticle(random, { day: firstDay + Math.floor(i / perDay), headlines });
    const blankLines = random.pick([1, 1, 2, 2, 2, 2, 3, 3, 5]);
    yield {
      article,
      text: article.lines.join('\n'),
      separator: '\n'.repeat(blankLines + 1),
      ending: random.chance(0.5) ? '\n' : '',
    };
  }
}

function take(options: GenerateOptions): StreamItem[] {
  const items: StreamItem[] = [];
  for (const item of articleStream(options)) {
    if (items.length >= options.articles) break;
    items.push(item);
  }
  return items;
}

function renderItems(items: readonly StreamItem[]): string {
  let text = '';
  items.forEach((item, i) => {
    text += item.text + (i === items.length - 1 ? item.ending : item.separator);
  });
  return text;
}

/**
 * The articles of a generated feed, as a correct parser should return them
 * (headline, images, body blocks, published date, direction), each with the
 * feed lines that encode it.
 *
 * @example
 * const [first] = generateArticles({ articles: 30, seed: 7 });
 * first.headline; // e.g. 'Farmers Delay Budget Plan in Lima'
 */
export function generateArticles(options: GenerateOptions): GeneratedArticle[] {
  return take(options).map((item) => item.article);
}

/**
 * One feed file's text holding `articles` articles.
 *
 * @example
 * const text = generateFeed({ articles: 30, seed: 7 });
 * generateFeed({ articles: 30, seed: 7 }) === text; // true
 */
export function generateFeed(options: GenerateOptions): string {
  return renderItems(take(options));
}

/**
 * A single feed of at least `bytes` UTF-8 bytes (whole articles only), for
 * throughput benchmarks. The first articles are those of `generateFeed` with
 * the same seed.
 *
 * @example
 * const { text, articles } = generateFeedOfSize({ bytes: 50e6, seed: 1 });
 */
export function generateFeedOfSize(options: Omit<GenerateOptions, 'articles'> & { bytes: number }): {
  text: string;
  articles: number;
} {
  const items: StreamItem[] = [];
  let size = 0;
  for (const item of articleStream(options)) {
    if (size >= options.bytes) break;
    items.push(item);
    size += Buffer.byteLength(item.text) + item.separator.length;
  }
  return { text: renderItems(items), articles: items.length };
}

export interface WriteFeedsOptions extends GenerateOptions {
  /** Folder to write into; created when missing. */
  dir: string;
  /** Articles per feed file (default 250). */
  perFile?: number;
}

/**
 * Writes `articles` articles across feed files in `dir`, named like real
 * feeds (`000_3f9c0a1b2c4d5e6f.txt`). Returns the paths in order.
 *
 * @example
 * const { files } = await writeFeeds({ dir: join(os.tmpdir(), 'feeds'), articles: 1000 });
 */
export async function writeFeeds(
  options: WriteFeedsOptions,
): Promise<{ files: string[]; articles: number; bytes: number }> {
  const perFile = options.perFile ?? 250;
  const items = take(options);
  const names = createRandom(`${options.seed ?? 1}:file-names`);
  await mkdir(options.dir, { recursive: true });
  const files: string[] = [];
  let bytes = 0;
  for (let start = 0; start < items.length; start += perFile) {
    const path = join(options.dir, `${String(files.length).padStart(3, '0')}_${names.hex(16)}.txt`);
    const text = renderItems(items.slice(start, start + perFile));
    await writeFile(path, text);
    files.push(path);
    bytes += Buffer.byteLength(text);
  }
  return { files, articles: items.length, bytes };
}

/** Reads `50MB`, `500kB` or `1000000` as a byte count (decimal units). */
export function parseByteSize(text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(k|m|g)?b?$/i.exec(text.trim());
  if (!match) throw new Error(`not a size: '${text}' (try 50MB)`);
  const scale = { k: 1e3, m: 1e6, g: 1e9 }[(match[2] ?? '').toLowerCase() as 'k' | 'm' | 'g'] ?? 1;
  return Math.round(Number(match[1]) * scale);
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      articles: { type: 'string' },
      bytes: { type: 'string' },
      seed: { type: 'string', default: '1' },
      out: { type: 'string' },
      'per-file': { type: 'string', default: '250' },
    },
  });
  const seed = /^\d+$/.test(values.seed) ? Number(values.seed) : values.seed;
  if (values.bytes !== undefined) {
    const { text, articles } = generateFeedOfSize({ bytes: parseByteSize(values.bytes), seed });
    if (values.out) await writeFile(values.out, text);
    else process.stdout.write(text);
    process.stderr.write(`generate: ${articles} articles, ${Buffer.byteLength(text)} bytes\n`);
    return 0;
  }
  const articles = Number(values.articles ?? NaN);
  if (!Number.isInteger(articles) || articles < 0) {
    process.stderr.write('generate: give --articles N (or --bytes SIZE)\n');
    return 2;
  }
  if (!values.out) {
    process.stdout.write(generateFeed({ articles, seed }));
    return 0;
  }
  const result = await writeFeeds({ dir: values.out, articles, seed, perFile: Number(values['per-file']) });
  process.stderr.write(`generate: ${result.articles} articles in ${result.files.length} files, ${result.bytes} bytes\n`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // No top-level await: CommonJS callers (a tsx script outside this
  // package, say) can still import the module's functions.
  void main(process.argv.slice(2)).then((code) => (process.exitCode = code));
}
