/**
 * Site settings: `content/site.json`, validated into {@link SiteSettings}.
 * A missing file means the defaults; a bad value is a diagnostic on the line
 * of its key, and the default stands in so the site still builds.
 */
import { IANAZone } from 'luxon';
import type { Diagnostic, SiteSettings } from '../types.ts';
import { readContentFile } from '../content-files.ts';
import { canonicalLanguageTag } from '../language-tag.ts';

export const DEFAULT_SETTINGS: Readonly<SiteSettings> = Object.freeze({
  title: 'Broadsheet',
  url: 'http://localhost:8080',
  language: 'en',
  timeZone: 'UTC',
  description: 'News, built with Broadsheet.',
});

// `logo` is optional: without it, structured data names the site's favicon.
const KNOWN_KEYS = new Set([...Object.keys(DEFAULT_SETTINGS), 'logo']);

/**
 * Parses and validates the text of a settings file.
 *
 * @example
 * parseSiteSettings('{"title": "The Daily"}', 'content/site.json').settings.title // => 'The Daily'
 */
export function parseSiteSettings(text: string, file: string): { settings: SiteSettings; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const settings: SiteSettings = { ...DEFAULT_SETTINGS };
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    diagnostics.push({ file, line: lineOfJsonError(text, message), severity: 'error', message: `invalid JSON: ${message}`, rule: 'settings-syntax' });
    return { settings, diagnostics };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    diagnostics.push({ file, line: 1, severity: 'error', message: 'site settings must be a JSON object', rule: 'settings-shape' });
    return { settings, diagnostics };
  }
  const problem = (key: string, message: string, severity: Diagnostic['severity'] = 'error') =>
    diagnostics.push({ file, line: lineOfKey(text, key), severity, message, rule: 'settings-value' });

  for (const [key, value] of Object.entries(raw)) {
    if (!KNOWN_KEYS.has(key)) {
      problem(key, `unknown setting "${key}" (known: ${[...KNOWN_KEYS].join(', ')})`, 'warning');
      continue;
    }
    if (typeof value !== 'string' || value.trim() === '') {
      problem(key, `"${key}" must be a non-empty string`);
      continue;
    }
    const checked = checkValue(key as keyof SiteSettings, value.trim());
    if (typeof checked === 'string') settings[key as keyof SiteSettings] = checked;
    else problem(key, checked.error);
  }
  return { settings, diagnostics };
}

function checkValue(key: keyof SiteSettings, value: string): string | { error: string } {
  switch (key) {
    case 'url': {
      let url: URL;
      try {
        url = new URL(value);
      } catch {
        return { error: `"url" must be an absolute URL such as https://news.example, got "${value}"` };
      }
      if (url.protocol !== 'https:' && url.protocol !== 'http:') return { error: `"url" must use http or https, got "${value}"` };
      if (url.search || url.hash) return { error: `"url" must not have a query or fragment, got "${value}"` };
      return url.href.replace(/\/+$/, '');
    }
    case 'language':
      return canonicalLanguageTag(value) ?? { error: `"language" must be a BCP 47 tag such as "en" or "pt-BR", got ${JSON.stringify(value)}` };
    case 'timeZone':
      return IANAZone.isValidZone(value) ? value : { error: `"timeZone" must be an IANA time zone such as "Europe/London", got "${value}"` };
    case 'logo':
      return /^\/(?!\/)|^https?:\/\//.test(value) ? value : { error: `"logo" must be a path from the site root such as "/logo.png" or an absolute URL, got "${value}"` };
    default:
      return value;
  }
}

/** The 1-based line where `"key":` first appears, or 1. */
function lineOfKey(text: string, key: string): number {
  const at = text.indexOf(`${JSON.stringify(key)}`);
  return at < 0 ? 1 : lineAt(text, at);
}

function lineOfJsonError(text: string, message: string): number {
  const line = /line (\d+)/.exec(message);
  if (line) return Number(line[1]);
  const position = /position (\d+)/.exec(message);
  return position ? lineAt(text, Number(position[1])) : 1;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * Reads `site.json` from the content folder; a missing file gives the defaults.
 *
 * @example
 * const { settings, diagnostics } = await loadSiteSettings('content');
 */
export async function loadSiteSettings(contentDir: string, file = `${contentDir}/site.json`): Promise<{ settings: SiteSettings; diagnostics: Diagnostic[] }> {
  const read = await readContentFile(file, 'settings-unreadable', 'cannot read the settings');
  if ('problem' in read) return { settings: { ...DEFAULT_SETTINGS }, diagnostics: read.missing ? [] : [read.problem] };
  return parseSiteSettings(read.bytes.toString('utf8'), file);
}
