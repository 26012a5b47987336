/**
 * The peer a user would otherwise pick: Hugo writing the same articles
 * through one-line templates, then Pagefind's own CLI indexing what Hugo
 * wrote. Both are timed from spawn to exit and summed.
 *
 * Hugo comes from Debian (`apt-get install hugo`); when it is missing the
 * bench tries to install it, and skips the row with a note when it cannot.
 * Pagefind's CLI is the one in node_modules (the same version Broadsheet
 * indexes with).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ArticleRecord } from '../../src/types.ts';
import { type Measurement, measureCommand } from './measure.ts';
import type { Workspace } from './workspace.ts';

export interface PeerRun {
  hugo: Measurement;
  pagefind: Measurement;
  /** Hugo's wall time plus Pagefind's. */
  wallMs: number;
  /** Both commands' CPU time, or null when GNU time is missing. */
  cpuMs: number | null;
}

/**
 * Whether `hugo` runs here, installing Debian's package once if it does
 * not (and the bench runs as root). Returns the reason when it cannot.
 */
export function hugoAvailable(): { ok: true; version: string } | { ok: false; why: string } {
  const version = () => {
    const probe = spawnSync('hugo', ['version'], { encoding: 'utf8' });
    return probe.status === 0 ? probe.stdout.trim() : null;
  };
  const found = version();
  if (found) return { ok: true, version: found };
  if (process.getuid?.() !== 0) return { ok: false, why: 'hugo is not installed (apt-get install hugo needs root)' };
  try {
    execFileSync('apt-get', ['install', '-y', '-q', 'hugo'], { stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  } catch {
    return { ok: false, why: 'hugo is not installed and apt-get install hugo failed' };
  }
  const installed = version();
  return installed ? { ok: true, version: installed } : { ok: false, why: 'hugo did not run after apt-get install hugo' };
}

/**
 * Writes a Hugo site of the workspace's records (one Markdown file each,
 * one-line templates) into `dir`. The text is escaped so that Hugo prints
 * it as text, as Broadsheet does.
 */
export async function writeHugoSite(ws: Workspace, dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  const content = join(dir, 'content', 'articles');
  const layouts = join(dir, 'layouts', '_default');
  await mkdir(content, { recursive: true });
  await mkdir(layouts, { recursive: true });
  await writeFile(join(dir, 'hugo.toml'), 'baseURL = "https://example.org/"\ntitle = "Bench"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]\n');
  await writeFile(join(layouts, 'single.html'), '<!doctype html><html lang="en"><title>{{ .Title }}</title><body><h1>{{ .Title }}</h1>{{ .Content }}</body></html>\n');
  await writeFile(join(layouts, 'list.html'), '<!doctype html><html lang="en"><title>{{ .Title }}</title><body>{{ range .Pages }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</body></html>\n');
  const records = JSON.parse(await readFile(ws.recordsFile, 'utf8')) as ArticleRecord[];
  const escape = (text: string) => text.replace(/[&<>\\`*_[\]#+!|{}-]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : `\\${c}`));
  let i = 0;
  for (const record of records) {
    const date = record.published ? `date: ${record.published}\n` : '';
    const body = record.body.map((b) => escape(b.text)).join('\n\n');
    await writeFile(join(content, `${String(i++).padStart(6, '0')}-${record.slug}.md`), `---\ntitle: ${JSON.stringify(record.headline)}\n${date}slug: ${JSON.stringify(record.slug)}\n---\n${body}\n`);
  }
}

/** Builds the Hugo site in `dir` into `dir/public`, then indexes it with Pagefind's CLI. */
export async function runPeer(root: string, dir: string): Promise<PeerRun> {
  const out = join(dir, 'public');
  await rm(out, { recursive: true, force: true });
  const hugo = await measureCommand('hugo', ['--quiet', '--source', dir, '--destination', out]);
  if (hugo.exitCode !== 0) throw new Error(`hugo exited with ${hugo.exitCode}: ${hugo.stderr.trim().split('\n').slice(-5).join('\n')}`);
  const cli = join(root, 'node_modules', '.bin', 'pagefind');
  if (!existsSync(cli)) throw new Error('the pagefind CLI is missing from node_modules/.bin; run npm ci');
  const pagefind = await measureCommand(cli, ['--site', out, '--silent'], { cwd: root, sampleRssOf: 'pagefind' });
  if (pagefind.exitCode !== 0) throw new Error(`pagefind exited with ${pagefind.exitCode}: ${pagefind.stderr.trim().split('\n').slice(-5).join('\n')}`);
  const cpuMs = hugo.cpuMs !== null && pagefind.cpuMs !== null ? hugo.cpuMs + pagefind.cpuMs : null;
  return { hugo, pagefind, wallMs: hugo.wallMs + pagefind.wallMs, cpuMs };
}
