/**
 * Nunjucks' compiled templates kept from one Eleventy run to the next
 * (`TemplateCache`): one environment per version of the templates, reused
 * by the runs of a build. That the output is the same, byte for byte, as
 * one run's is held by tests/site/build.test.ts; that an edited template is
 * seen by the dev server's next rebuild, by tests/site/serve.test.ts. The
 * story cards the `storyCard` global renders once per build are each
 * rebuild's own, here.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it, vi } from 'vitest';
import { prepareBuild } from '../../src/build/prepare-build.ts';
import { renderPages, TemplateCache, templatesKey } from '../../src/build/render-pages.ts';
import { buildSite } from '../../src/build/run-build.ts';
import { loadFeeds } from '../../src/feeds/read-feeds.ts';
import { makeContent, parseDocument } from '../site/helpers.ts';

/** The cache's environment for a build of templates `key`, as renderPages asks for it. */
const environmentFor = (cache: TemplateCache, key: string) => (cache.use(key), cache.environment());
const environment = () => ({ extensions: {} as Record<string, unknown>, extensionsList: [] as { __name?: string }[] });

/** Runs `test` with a new content folder and an empty output folder, both removed after it. */
async function withFolders(prefix: string, test: (content: string, output: string) => Promise<void>): Promise<void> {
  const content = await makeContent();
  const output = await mkdtemp(join(tmpdir(), prefix));
  try {
    await test(content, output);
  } finally {
    await rm(output, { recursive: true, force: true });
    await rm(join(content, '..'), { recursive: true, force: true });
  }
}

it('keeps one environment per version of the templates', () => {
  const cache = new TemplateCache();
  const first = environment();
  expect(environmentFor(cache, 'v1')).toBeNull();
  cache.keep(first);
  expect(environmentFor(cache, 'v1')).toBe(first);
  // A second run's own environment does not replace the kept one.
  cache.keep(environment());
  expect(environmentFor(cache, 'v1')).toBe(first);
  // Another version of the templates starts afresh.
  expect(environmentFor(cache, 'v2')).toBeNull();
  const second = environment();
  cache.keep(second);
  expect(environmentFor(cache, 'v2')).toBe(second);
  expect(environmentFor(cache, 'v1')).toBeNull();
});

it('drops the tags that later runs replaced by name from the list Nunjucks parses with', () => {
  const cache = new TemplateCache();
  const env = environment();
  const [oldCss, css, js] = [{ __name: 'css' }, { __name: 'css' }, { __name: 'js' }];
  env.extensionsList.push(oldCss, css, js, {});
  env.extensions = { css, js };
  environmentFor(cache, 'v1');
  cache.keep(env);
  expect(environmentFor(cache, 'v1')!.extensionsList).toEqual([css, js]);
});

it('keys a version of the templates by every template fingerprint', () => {
  const a = templatesKey(new Map([['article.njk', '1'], ['index.njk', '2']]));
  expect(templatesKey(new Map([['article.njk', '1'], ['index.njk', '2']]))).toBe(a);
  expect(templatesKey(new Map([['article.njk', '1'], ['index.njk', '3']]))).not.toBe(a);
});

it('compiles the layouts and includes once for all the runs of a build', () =>
  withFolders('broadsheet-runs-', async (content, output) => {
    const build = await prepareBuild({ contentDir: content, outputDir: output });
    const cache = new TemplateCache();
    let runs = 0;
    await renderPages(build, { contentDir: content, outputDir: output, articlesPerRun: 2, templates: cache, onRun: () => runs++ });
    expect(runs).toBeGreaterThan(1);
    // The environment of the first run, kept, holds the layout of the
    // article pages its run wrote, and that of the home page, which only
    // the last run writes: the last run compiled it there.
    const kept = environmentFor(cache, templatesKey(build.templates)) as unknown as { loaders: { cache: Record<string, unknown> }[] } | null;
    expect(kept).not.toBeNull();
    expect(Object.keys(kept!.loaders[0]!.cache)).toEqual(expect.arrayContaining(['layouts/article.njk', 'layouts/home.njk']));
  }));

it('compiles each paginated template\'s own text once for all the pages and runs of a build', () =>
  withFolders('broadsheet-page-engine-', async (content, output) => {
    const build = await prepareBuild({ contentDir: content, outputDir: output });
    const cache = new TemplateCache();
    const page = vi.spyOn(cache, 'page');
    await renderPages(build, { contentDir: content, outputDir: output, articlesPerRun: 2, templates: cache });
    // Eleventy asks for a page template's compiled text for every page it writes.
    const compiled = new Map<string, Set<unknown>>();
    const asked = new Map<string, number>();
    for (const [index, [, path]] of page.mock.calls.entries()) {
      const file = path.replace(/^.*templates\//, '');
      asked.set(file, (asked.get(file) ?? 0) + 1);
      compiled.set(file, (compiled.get(file) ?? new Set()).add(page.mock.results[index]!.value));
    }
    expect(asked.get('article.njk')).toBeGreaterThanOrEqual(build.site.articles.length);
    expect([...compiled.keys()]).toEqual(expect.arrayContaining(['article.njk', 'index.njk', 'archive-month.njk', 'topics/topic.njk']));
    for (const [file, templates] of compiled) expect({ file, templates: templates.size }).toEqual({ file, templates: 1 });
    const html = await readFile(join(output, build.site.articles[0]!.url, 'index.html'), 'utf8');
    expect(parseDocument(html).querySelector('h1')?.textContent).toBe(build.site.articles[0]!.headline);
  }));

it('prints each rebuild\'s own story cards when the dev server keeps the templates', async () => {
  // Cards are rendered once per build by the `storyCard` global (src/site/eleventy-plugin.ts):
  // a rebuild in the same environment must not print the cards of the build before,
  // though the story keeps its address.
  const content = await makeContent();
  const output = join(content, '..', '_site');
  const summaries = async () => {
    const pages = (await readdir(output, { recursive: true, encoding: 'utf8' })).filter((f) => f.endsWith('.html'));
    const found = await Promise.all(pages.map(async (f) => [...parseDocument(await readFile(join(output, f), 'utf8')).querySelectorAll('.card__summary')].map((p) => p.textContent!)));
    return found.flat();
  };
  try {
    const reuse = { templates: new TemplateCache() };
    const first = await buildSite({ contentDir: content, outputDir: output, inPlace: true, search: false, reuse });
    const before = await summaries();
    expect(before.length).toBeGreaterThan(0);
    expect(before.some((s) => s.startsWith('Revised first paragraph.'))).toBe(false);
    // Every story's first paragraph edited: its summary changes, its address does not.
    const feed = join(content, 'feeds', (await readdir(join(content, 'feeds'))).find((f) => f.endsWith('.txt'))!);
    const lines = (await readFile(feed, 'utf8')).split('\n');
    for (const article of (await loadFeeds([feed])).articles) {
      const lead = article.body.find((b) => b.type === 'paragraph')!;
      lines[lead.line - 1] = `Revised first paragraph. ${lines[lead.line - 1]}`;
    }
    await writeFile(feed, lines.join('\n'));
    const second = await buildSite({ contentDir: content, outputDir: output, inPlace: true, search: false, reuse, manifest: first.manifest });
    expect(second.build.site.articles.map((a) => a.url)).toEqual(first.build.site.articles.map((a) => a.url));
    const after = await summaries();
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((s) => s.startsWith('Revised first paragraph.'))).toBe(true);
  } finally {
    await rm(join(content, '..'), { recursive: true, force: true });
  }
});
