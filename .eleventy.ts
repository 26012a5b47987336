/**
 * Eleventy configuration. Run Eleventy with `--config=.eleventy.ts` under tsx
 * (the `broadsheet` command does this in-process). The content folder comes
 * from BROADSHEET_CONTENT_DIR (default `content`), which `broadsheet build
 * --content DIR` sets; the output folder comes from Eleventy's own option.
 */
import type { UserConfig } from '@11ty/eleventy';
import { broadsheetPlugin } from './src/site/eleventy-plugin.ts';

export default function eleventyConfig(config: UserConfig): void {
  config.addPlugin(broadsheetPlugin, { contentDir: process.env.BROADSHEET_CONTENT_DIR || 'content' });
}

export const config = {
  dir: { input: 'templates', includes: '_includes', data: '_data' },
  templateFormats: ['njk', 'md'],
  // Liquid does not escape and is Eleventy's default engine for .md and
  // .html: Markdown is never run as a template, HTML only through Nunjucks.
  markdownTemplateEngine: false,
  htmlTemplateEngine: 'njk',
} as const;
