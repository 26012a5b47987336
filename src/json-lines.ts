/**
 * The JSON files editors write (site.json, locales, topics.json): read as
 * one object, and lines for diagnostics (`JSON.parse` reports positions,
 * editors read lines). And JSON Broadsheet writes with some characters
 * escaped (`escapedJson`).
 */
import type { Diagnostic } from './types.ts';

/**
 * The object a file's text holds, or the diagnostic saying why not: a
 * syntax error on its line (`<rule>-syntax`), or not an object
 * (`<rule>-shape`, with `shape` saying what it must be).
 *
 * @example
 * readJsonObject('[1]', 'site.json', 'settings', 'site settings must be a JSON object') // => { problem: { line: 1, rule: 'settings-shape', … } }
 */
export function readJsonObject(text: string, file: string, rule: string, shape: string): { object: Record<string, unknown> } | { problem: Diagnostic } {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { problem: { file, line: lineOfJsonError(text, message), severity: 'error', rule: `${rule}-syntax`, message: `invalid JSON: ${message}` } };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { problem: { file, line: 1, severity: 'error', rule: `${rule}-shape`, message: shape } };
  return { object: raw as Record<string, unknown> };
}

/** The 1-based line of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** The line where `needle` (a key as JSON writes it, `"title"`) first appears, or 1. */
export function lineOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  return at < 0 ? 1 : lineAt(text, at);
}

/** The line a `JSON.parse` error names, by line or by position. */
export function lineOfJsonError(text: string, message: string): number {
  const line = /line (\d+)/.exec(message);
  if (line) return Number(line[1]);
  const position = /position (\d+)/.exec(message);
  return position ? lineAt(text, Number(position[1])) : 1;
}

/**
 * `JSON.stringify(value)` with each character `characters` matches written
 * as a `\u` escape: still the same JSON. `characters` must be global and
 * match single UTF-16 units.
 *
 * @example
 * escapedJson({ a: '<é>' }, /[<>]/g) // => '{"a":"\\u003cé\\u003e"}'
 */
export function escapedJson(value: unknown, characters: RegExp): string {
  return JSON.stringify(value).replace(characters, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
