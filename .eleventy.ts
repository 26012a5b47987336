/**
 * Eleventy configuration. Run Eleventy with `--config=.eleventy.ts` under tsx
 * (the `broadsheet` command does this in-process). The content folder comes
 * from BROADSHEET_CONTENT_DIR (default `content`), which `broadsheet build
 * --content DIR` sets; the output folder comes from Eleventy's own option.
 */
import type { UserConfig } from '@11ty/eleventy';
import { discoveryPlugin } from './src/discovery/eleventy-plugin.ts';
import { broadsheetPlugin } from './src/site/eleventy-plugin.ts';

export default function eleventyConfig(config: UserConfig): void {
  config.addPlugin(broadsheetPlugin, { contentDir: process.env.BROADSHEET_CONTENT_DIR || 'content' });
  // After the site plugin: feeds, sitemaps and topics build on its data.
  config.addPlugin(discoveryPlugin, { now: process.env.BROADSHEET_NOW || null });
}

export const config = {
  dir: { input: 'templates', includes: '_includes', data: '_data' },
  templateFormats: ['njk', 'md'],
  // Liquid does not escape and is Eleventy's default engine for .md and
  // .html: Markdown is never run as a template, HTML only through Nunjucks.
  markdownTemplateEngine: false,
  htmlTemplateEngine: 'njk',
} as const;
