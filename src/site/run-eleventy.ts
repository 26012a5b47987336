/**
 * Eleventy, in-process, configured by `.eleventy.ts` for a given content and
 * output folder. Used by `broadsheet build`, the dev server and the tests.
 */
import { Eleventy } from '@11ty/eleventy';
import { register } from 'tsx/esm/api';
import type { Diagnostic } from '../types.ts';
import { DIAGNOSTICS_EVENT } from './eleventy-plugin.ts';

/** Paths relative to the project folder, where Eleventy expects to run. */
export const TEMPLATES_DIR = 'templates';
export const CONFIG_FILE = '.eleventy.ts';

export interface SiteBuildOptions {
  contentDir: string;
  outputDir: string;
  /** Called with each build's diagnostics, sorted (once per rebuild when watching). */
  onDiagnostics?: (diagnostics: Diagnostic[]) => void;
  /** Called after each successful write (once per rebuild when watching). */
  onBuilt?: () => void;
  runMode?: 'build' | 'watch';
  /** `--now`: the news sitemap's "now" (ISO date or date-time); default the newest article's date. */
  now?: string | null;
}

/**
 * Creates an initialised Eleventy for the options. `.eleventy.ts` reads the
 * content folder from BROADSHEET_CONTENT_DIR (and `--now` from BROADSHEET_NOW)
 * while its config function runs,
 * so the variable is set for initialisation only and restored afterwards.
 * Eleventy imports the TypeScript config with Node's own `import`, so tsx's
 * loader is registered around that too (a no-op cost under the CLI, which
 * has registered it already; needed under test runners).
 *
 * @example
 * const eleventy = await createEleventy({ contentDir: 'content', outputDir: '_site' });
 * await eleventy.write();
 */
export async function createEleventy(options: SiteBuildOptions): Promise<Eleventy> {
  const restoreEnv = setEnv({ BROADSHEET_CONTENT_DIR: options.contentDir, BROADSHEET_NOW: options.now ?? undefined });
  const unregister = register();
  try {
    const eleventy = new Eleventy(TEMPLATES_DIR, options.outputDir, {
      configPath: CONFIG_FILE,
      quietMode: true,
      runMode: options.runMode ?? 'build',
      config: (config) => {
        config.on(DIAGNOSTICS_EVENT, (list: Diagnostic[]) => options.onDiagnostics?.(list));
        config.on('eleventy.after', () => options.onBuilt?.());
      },
    });
    await eleventy.init();
    return eleventy;
  } finally {
    await unregister();
    restoreEnv();
  }
}

/** Sets (or, for undefined, unsets) variables; returns how to put the old values back. */
function setEnv(values: Record<string, string | undefined>): () => void {
  const previous = Object.fromEntries(Object.keys(values).map((key) => [key, process.env[key]]));
  const apply = (next: Record<string, string | undefined>) => {
    for (const [key, value] of Object.entries(next)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
  apply(values);
  return () => apply(previous);
}

/**
 * Builds the site once and returns its diagnostics. Template errors throw.
 *
 * @example
 * const diagnostics = await buildSite({ contentDir: 'content', outputDir: '_site' });
 */
export async function buildSite(options: Omit<SiteBuildOptions, 'runMode'>): Promise<Diagnostic[]> {
  const diagnostics: Diagnostic[] = [];
  const eleventy = await createEleventy({
    ...options,
    onDiagnostics: (list) => {
      diagnostics.push(...list);
      options.onDiagnostics?.(list);
    },
  });
  await eleventy.write();
  return diagnostics;
}
