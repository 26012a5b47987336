/**
 * Language tags from content (`site.json`, feed front matter) reach `lang`
 * attributes, feeds and sitemaps; only a valid BCP 47 tag may.
 */

/**
 * The canonical form of a BCP 47 language tag (`pt-br` → `pt-BR`), or null
 * when the text is not one. Uses the engine's own BCP 47 parser
 * (`Intl.getCanonicalLocales`), so quotes, control characters and
 * malformed subtags are refused, not escaped into output.
 *
 * @example
 * canonicalLanguageTag('pt-br') // => 'pt-BR'
 * canonicalLanguageTag('en"<') // => null
 */
export function canonicalLanguageTag(text: string): string | null {
  try {
    return Intl.getCanonicalLocales(text)[0] ?? null;
  } catch {
    return null;
  }
}
