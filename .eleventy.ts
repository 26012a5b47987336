/**
 * Eleventy's settings for this project's layout. `broadsheet build` and
 * `serve` run Eleventy in-process (src/build/render-pages.ts) and register
 * the site plugin with the build they prepared, before this file runs.
 * Plain Eleventy (`npx tsx node_modules/.bin/eleventy --config=.eleventy.ts`)
 * has no such build: this file prepares one from `content/`.
 */
import type { UserConfig } from '@11ty/eleventy';
import { prepareBuild } from './src/build/prepare-build.ts';
import { printedLines } from './src/diagnostics.ts';
import { sitePlugin } from './src/site/eleventy-plugin.ts';

export default function eleventyConfig(config: UserConfig): void {
  // Pages are written with Eleventy's default synchronous writes. Its
  // `writeMode: 'async'` never took effect in 3.1.8, and made to take effect
  // it was slower here (docs/performance.md, "Page writes").
  if (config.hasPlugin(sitePlugin)) return;
  const contentDir = 'content';
  config.addPlugin(sitePlugin, {
    contentDir,
    prepare: async () => {
      const build = await prepareBuild({ contentDir, outputDir: config.directories.output });
      for (const line of printedLines(build.diagnostics, false)) process.stderr.write(`${line}\n`);
      return build;
    },
  });
}

export const config = {
  dir: { input: 'templates', includes: '_includes', data: '_data' },
  templateFormats: ['njk', 'md'],
  // Liquid does not escape and is Eleventy's default engine for .md and
  // .html: Markdown is never run as a template, HTML only through Nunjucks.
  markdownTemplateEngine: false,
  htmlTemplateEngine: 'njk',
} as const;
