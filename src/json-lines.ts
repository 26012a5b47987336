/**
 * Lines in the JSON files editors write (site.json, locales, topics.json),
 * for diagnostics: `JSON.parse` reports positions, editors read lines.
 */

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
