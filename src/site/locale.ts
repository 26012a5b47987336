/**
 * Interface strings: every word the templates print that is not content
 * comes from a locale file, chosen by the site's `language`.
 *
 * Broadsheet ships `src/locales/en.json` and `ar.json`. An editor adds or
 * corrects a language with `content/locales/<tag>.json`: its messages are
 * laid over the shipped file of the same language (or its base language),
 * and English fills whatever is still missing, with a warning naming the
 * keys, so a site never prints a key instead of a word.
 *
 * A message is text with `{name}` placeholders, or, where it counts
 * something, an object of CLDR plural forms (`zero`, `one`, `two`, `few`,
 * `many`, `other`) chosen by `Intl.PluralRules`; `{count}` is printed with
 * the locale's digits.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readContentFile } from '../content-files.ts';
import type { Diagnostic, TextDirection } from '../types.ts';
import { lineOf, readJsonObject } from '../json-lines.ts';
import { languageDirection } from './reading.ts';

const PLURAL_FORMS = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
type PluralForm = (typeof PLURAL_FORMS)[number];

/** One message: text, or text per plural form (`other` always present). */
export type Message = string | ({ other: string } & Partial<Record<PluralForm, string>>);

/** The interface strings of one edition. */
export interface Locale {
  /** The site's language tag, which dates, numbers and plural rules follow. */
  tag: string;
  dir: TextDirection;
  messages: Readonly<Record<string, Message>>;
}

const SHIPPED_DIR = fileURLToPath(new URL('../locales/', import.meta.url));

/** The locales Broadsheet ships, by tag. */
export const SHIPPED_LOCALES: readonly string[] = ['en', 'ar'];

function shipped(tag: string): Record<string, Message> {
  return JSON.parse(readFileSync(join(SHIPPED_DIR, `${tag}.json`), 'utf8')) as Record<string, Message>;
}

/** English: the reference every other locale is checked against. */
export const ENGLISH: Readonly<Record<string, Message>> = Object.freeze(shipped('en'));

/** The `{name}` placeholders of a message, in every form. */
function placeholders(message: Message): Set<string> {
  const texts = typeof message === 'string' ? [message] : Object.values(message);
  return new Set(texts.flatMap((text) => [...(text ?? '').matchAll(/\{(\w+)\}/g)].map((m) => m[1]!)));
}

/**
 * Checks a locale file's text: known keys, text or plural forms, the same
 * placeholders as English. Bad entries are diagnostics on their line and
 * are left out, so English stands in for them.
 *
 * @example
 * parseLocale('{"nav.home": "Dernières"}', 'content/locales/fr.json').messages['nav.home'] // => 'Dernières'
 */
export function parseLocale(text: string, file: string): { messages: Record<string, Message>; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const messages: Record<string, Message> = {};
  const read = readJsonObject(text, file, 'locale', 'a locale file must be a JSON object of messages');
  if ('problem' in read) {
    diagnostics.push(read.problem);
    return { messages, diagnostics };
  }
  const raw = read.object;
  for (const [key, value] of Object.entries(raw)) {
    const problem = (message: string, severity: Diagnostic['severity'] = 'error') =>
      diagnostics.push({ file, line: lineOf(text, JSON.stringify(key)), severity, rule: 'locale-value', message });
    const reference = ENGLISH[key];
    if (reference === undefined) {
      problem(`unknown message "${key}" (the keys are those of src/locales/en.json)`, 'warning');
      continue;
    }
    const message = toMessage(value);
    if (!message) {
      problem(`"${key}" must be non-empty text, or plural forms (${PLURAL_FORMS.join(', ')}) with at least "other"`);
      continue;
    }
    const allowed = placeholders(reference);
    const unknown = [...placeholders(message)].filter((name) => !allowed.has(name) && name !== 'count');
    if (unknown.length) {
      problem(`"${key}" uses ${unknown.map((n) => `{${n}}`).join(', ')}, which the page does not give (it gives ${[...allowed].map((n) => `{${n}}`).join(', ') || 'none'})`);
      continue;
    }
    messages[key] = message;
  }
  return { messages, diagnostics };
}

function toMessage(value: unknown): Message | null {
  if (typeof value === 'string') return value.trim() ? value : null;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const entries = Object.entries(value);
  if (!entries.every(([form, text]) => (PLURAL_FORMS as readonly string[]).includes(form) && typeof text === 'string' && text.trim())) return null;
  const forms = Object.fromEntries(entries) as Partial<Record<PluralForm, string>>;
  return forms.other ? (forms as Message) : null;
}

/**
 * The locale of a site: `content/locales/<language>.json` (or of its base
 * language) over the shipped file, then English for anything missing.
 *
 * @example
 * const { locale } = await loadLocale('content', 'ar');
 * translate(locale, 'nav.archive') // => 'الأرشيف'
 */
export async function loadLocale(contentDir: string, language: string): Promise<{ locale: Locale; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const base = language.split('-')[0]!.toLowerCase();
  const candidates = [...new Set([language, base])];
  let own: { file: string; messages: Record<string, Message> } | null = null;
  for (const tag of candidates) {
    const file = join(contentDir, 'locales', `${tag}.json`);
    const read = await readContentFile(file, 'locale-unreadable', 'cannot read the locale');
    if ('problem' in read) {
      if (!read.missing) diagnostics.push(read.problem);
      continue;
    }
    const parsed = parseLocale(read.bytes.toString('utf8'), file);
    diagnostics.push(...parsed.diagnostics);
    own = { file, messages: parsed.messages };
    break;
  }
  const shippedTag = candidates.find((tag) => SHIPPED_LOCALES.includes(tag));
  const messages: Record<string, Message> = { ...(shippedTag ? shipped(shippedTag) : {}), ...own?.messages };
  const missing = Object.keys(ENGLISH).filter((key) => !(key in messages));
  if (missing.length && base !== 'en') {
    const file = own?.file ?? join(contentDir, 'site.json');
    const what = own ? `lacks ${missing.length} message${missing.length === 1 ? '' : 's'} (${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''})` : `Broadsheet has no interface strings for "${language}"; add content/locales/${base}.json (docs/content.md, "Editions in other languages")`;
    diagnostics.push({ file, line: 1, severity: 'warning', rule: 'locale-missing', message: `${what}; English is shown instead` });
  }
  return { locale: { tag: language, dir: languageDirection(language), messages: { ...ENGLISH, ...messages } }, diagnostics };
}

/** A locale from the shipped files only (tests, plain Eleventy without a content folder). */
export function shippedLocale(language: string): Locale {
  const base = language.split('-')[0]!.toLowerCase();
  const tag = [language, base].find((t) => SHIPPED_LOCALES.includes(t));
  return { tag: language, dir: languageDirection(language), messages: { ...ENGLISH, ...(tag ? shipped(tag) : {}) } };
}

const pluralRules = new Map<string, Intl.PluralRules>();
const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * A number in the locale's digits.
 *
 * @example
 * formatNumber(12, 'ar') // => '١٢'
 */
export function formatNumber(value: number, tag: string): string {
  let format = numberFormats.get(tag);
  if (!format) numberFormats.set(tag, (format = new Intl.NumberFormat(tag)));
  return format.format(value);
}

/**
 * One message with its placeholders filled. Numbers are printed in the
 * locale's digits; `count` also picks the plural form. The result is plain
 * text: templates escape it like any other value.
 *
 * @example
 * translate(shippedLocale('en'), 'archive.count', { count: 3 }) // => '3 stories'
 */
export function translate(locale: Locale, key: string, values?: Readonly<Record<string, string | number>>): string {
  // Most labels take no values, and most others only a count (every story
  // card's reading time): each is made once per locale.
  const onlyCount = values !== undefined && typeof values.count === 'number' && Object.keys(values).length === 1;
  if (values !== undefined && !onlyCount) return fill(locale, key, values);
  let made = madeMessages.get(locale);
  if (!made) madeMessages.set(locale, (made = new Map()));
  const id = onlyCount ? `${key}\0${values.count}` : key;
  let text = made.get(id);
  if (text === undefined) made.set(id, (text = fill(locale, key, values ?? {})));
  return text;
}

/** Messages without values or with only a count, by locale: the templates ask for each on every page. */
const madeMessages = new WeakMap<Locale, Map<string, string>>();

function fill(locale: Locale, key: string, values: Readonly<Record<string, string | number>>): string {
  const message = locale.messages[key];
  if (message === undefined) throw new Error(`no interface message "${key}" (add it to src/locales/en.json)`);
  let text: string;
  if (typeof message === 'string') text = message;
  else {
    const count = Number(values.count ?? 0);
    let rules = pluralRules.get(locale.tag);
    if (!rules) pluralRules.set(locale.tag, (rules = new Intl.PluralRules(locale.tag)));
    // CLDR has no `zero` form in most languages; a locale file may still give one.
    const form = count === 0 && message.zero ? 'zero' : rules.select(count);
    text = message[form as PluralForm] ?? message.other;
  }
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(value, locale.tag) : value;
  });
}
