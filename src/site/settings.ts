/**
 * Site settings: `content/site.json`, validated into {@link SiteSettings}.
 * A missing file means the defaults; a bad value is a diagnostic on the line
 * of its key, and the default stands in so the site still builds.
 */
import { IANAZone } from 'luxon';
import type { Diagnostic, FrontPageSettings, NavigationEntry, SiteSettings } from '../types.ts';
import { readContentFile } from '../content-files.ts';
import { canonicalLanguageTag } from '../language-tag.ts';
import { lineAt, lineOf, readJsonObject } from '../json-lines.ts';

export const DEFAULT_SETTINGS: Readonly<SiteSettings> = Object.freeze({
  title: 'Broadsheet',
  url: 'http://localhost:8080',
  language: 'en',
  timeZone: 'UTC',
  description: 'News, built with Broadsheet.',
});

// `logo`, `navigation` and `frontPage` are optional; their defaults are in the model.
const KNOWN_KEYS = new Set([...Object.keys(DEFAULT_SETTINGS), 'logo', 'navigation', 'frontPage']);
const BUILT_IN_LINKS = ['home', 'archive', 'topics', 'search'] as const;
/** A file of the content folder a logo may be: a picture browsers show as it is. */
const LOGO_FILE = /^(?!.*\.\.)[\w][\w./-]*\.(?:svg|png|webp|jpe?g|avif)$/i;
/** Paths of the site Broadsheet writes itself: a logo there would be overwritten or pruned. */
const RESERVED_FOR_LOGO = /^(?:(?:img|css|js|pagefind)\/|favicon\.svg$)/i;
export const DEFAULT_SECTION_SIZE = 4;

/**
 * Parses and validates the text of a settings file.
 *
 * @example
 * parseSiteSettings('{"title": "The Daily"}', 'content/site.json').settings.title // => 'The Daily'
 */
export function parseSiteSettings(text: string, file: string): { settings: SiteSettings; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const settings: SiteSettings = { ...DEFAULT_SETTINGS, file };
  const read = readJsonObject(text, file, 'settings', 'site settings must be a JSON object');
  if ('problem' in read) {
    diagnostics.push(read.problem);
    return { settings, diagnostics };
  }
  const raw = read.object;
  const problem = (key: string, message: string, severity: Diagnostic['severity'] = 'error') =>
    diagnostics.push({ file, line: lineOfKey(text, key), severity, message, rule: 'settings-value' });

  settings.keyLines = Object.fromEntries(Object.keys(raw).map((key) => [key, lineOfKey(text, key)]));
  for (const [key, value] of Object.entries(raw)) {
    if (!KNOWN_KEYS.has(key)) {
      problem(key, `unknown setting "${key}" (known: ${[...KNOWN_KEYS].join(', ')})`, 'warning');
      continue;
    }
    if (key === 'navigation') {
      const entries = checkNavigation(value, text, key);
      if (Array.isArray(entries)) settings.navigation = entries;
      else diagnostics.push({ file, line: entries.line ?? lineOfKey(text, key), severity: 'error', message: entries.error, rule: 'settings-value' });
      continue;
    }
    if (key === 'frontPage') {
      const front = checkFrontPage(value, text);
      if (typeof front === 'string') problem(key, front);
      else settings.frontPage = front;
      continue;
    }
    if (typeof value !== 'string' || value.trim() === '') {
      problem(key, `"${key}" must be a non-empty string`);
      continue;
    }
    const checked = checkValue(key as StringSetting, value.trim());
    if (typeof checked === 'string') settings[key as StringSetting] = checked;
    else problem(key, checked.error);
  }
  return { settings, diagnostics };
}

type StringSetting = Exclude<keyof SiteSettings, 'navigation' | 'frontPage' | 'keyLines'>;

function checkValue(key: StringSetting, value: string): string | { error: string } {
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
    case 'logo': {
      if (/^https?:\/\//.test(value)) return value;
      const path = value.replace(/^\//, '');
      if (RESERVED_FOR_LOGO.test(path)) return { error: `"logo" must not be written where Broadsheet writes its own files (img/, css/, js/, pagefind/, favicon.svg); move it, e.g. to "brand/${path.split('/').pop()}"` };
      return LOGO_FILE.test(path) ? path : { error: `"logo" must name a picture file in the content folder such as "logo.svg" (svg, png, webp, jpg or avif), or an absolute URL, got "${value}"` };
    }
    default:
      return value;
  }
}

/**
 * `navigation`: a list of `"home"`, `"archive"`, `"topics"`, `"search"`, an
 * editor's page as `"page:<slug>"`, or `{ "label": …, "url": … }` for any
 * other link (a path from the site root, or http(s)).
 */
function checkNavigation(value: unknown, text: string, key: string): NavigationEntry[] | { error: string; line?: number } {
  if (!Array.isArray(value)) return { error: `"navigation" must be a list such as ["home", "topics", "page:about", {"label": "Weather", "url": "/topics/weather/"}]` };
  const entries: NavigationEntry[] = [];
  // Each entry's line: the n-th occurrence of its text after the key.
  let from = text.indexOf(JSON.stringify(key));
  for (const item of value) {
    const needle = typeof item === 'string' ? JSON.stringify(item) : '{';
    const at = text.indexOf(needle, from + 1);
    if (at >= 0) from = at;
    const line = lineAt(text, Math.max(from, 0));
    if (typeof item === 'string' && (BUILT_IN_LINKS as readonly string[]).includes(item)) {
      entries.push({ kind: item as (typeof BUILT_IN_LINKS)[number], line });
    } else if (typeof item === 'string' && /^page:[\w-]+$/.test(item)) {
      entries.push({ kind: 'page', slug: item.slice(5), line });
    } else if (typeof item === 'object' && item !== null && !Array.isArray(item)) {
      const { label, url, ...rest } = item as Record<string, unknown>;
      if (Object.keys(rest).length) return { line, error: `a navigation link has only "label" and "url", not ${Object.keys(rest).map((k) => `"${k}"`).join(', ')}` };
      if (typeof label !== 'string' || !label.trim()) return { line, error: 'a navigation link needs a non-empty "label"' };
      if (typeof url !== 'string' || !/^(?:\/(?!\/)|https?:\/\/)/.test(url)) return { line, error: `the navigation link "${label}" needs a "url" from the site root ("/topics/iran/") or an http(s) address` };
      entries.push({ kind: 'link', label: label.trim(), url, line });
    } else {
      return { line, error: `unknown navigation entry ${JSON.stringify(item)}: use ${BUILT_IN_LINKS.map((b) => `"${b}"`).join(', ')}, "page:<slug>" or {"label", "url"}` };
    }
  }
  return entries;
}

/** `frontPage`: `{ "sections": [topic names first, in order], "sectionSize": 2–12 }`. */
function checkFrontPage(value: unknown, text: string): FrontPageSettings | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return '"frontPage" must be an object such as {"sections": ["Iran", "Ukraine"], "sectionSize": 4}';
  const { sections = [], sectionSize = DEFAULT_SECTION_SIZE, ...rest } = value as Record<string, unknown>;
  if (Object.keys(rest).length) return `unknown frontPage setting ${Object.keys(rest).map((k) => `"${k}"`).join(', ')} (known: "sections", "sectionSize")`;
  if (!Array.isArray(sections) || !sections.every((s) => typeof s === 'string' && s.trim())) return '"frontPage.sections" must be a list of topic names';
  if (typeof sectionSize !== 'number' || !Number.isInteger(sectionSize) || sectionSize < 2 || sectionSize > 12) return `"frontPage.sectionSize" must be a whole number from 2 to 12, got ${JSON.stringify(sectionSize)}`;
  const at = text.indexOf('"sections"');
  const sectionLines = (sections as string[]).map((name) => {
    const found = text.indexOf(JSON.stringify(name), at);
    return lineAt(text, found < 0 ? Math.max(at, 0) : found);
  });
  return { sections: (sections as string[]).map((s) => s.trim()), sectionSize, sectionLines };
}

/** The 1-based line where `"key":` first appears, or 1. */
function lineOfKey(text: string, key: string): number {
  return lineOf(text, JSON.stringify(key));
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
