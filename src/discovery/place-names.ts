/**
 * The gazetteer topics are found with: every country's names, demonyms and
 * capital from the `world-countries` dataset, keyed by their words so a
 * text is scanned in one pass (see `findPlaceMentions`).
 */
import { createRequire } from 'node:module';
import type { Country } from 'world-countries';
import { buildArabicScriptNames, type ArabicScriptNames } from './arabic-script-names.ts';

/** What an alias points at: a country, or nothing (a phrase that blocks a false match). */
export interface PlaceAlias {
  /** ISO 3166-1 alpha-2 code, or null for a blocking phrase such as "Indian Ocean". */
  country: string | null;
  /** The alias as written in the dataset, e.g. `Tehran`. */
  text: string;
  /** An acronym (`US`, `UAE`): matched case-sensitively and never in ALL-CAPS text. */
  acronym: boolean;
  /** Counts only when the same text also names the country unambiguously. */
  needsCorroboration: boolean;
}

export interface Gazetteer {
  /** Lower-cased words joined by one space → alias. */
  aliases: Map<string, PlaceAlias>;
  /** Lower-cased first word → the most words any alias starting with it has. */
  longestFrom: Map<string, number>;
  /** Every proper prefix of a multi-word alias ("the", "the central african"): where a scan may go on. */
  prefixes: Set<string>;
  /** ISO alpha-2 → display name (`name.common`). */
  countryNames: Map<string, string>;
  /** Names in Arabic script, for Arabic, Persian and Urdu text. */
  arabicScript: ArabicScriptNames;
}

/**
 * Common English names the dataset spells differently, and metonyms newsrooms
 * use for governments ("the Kremlin said").
 */
const EXTRA_ALIASES: Record<string, string[]> = {
  GB: ['Britain', 'U.K.', 'Northern Ireland', 'England', 'Scotland', 'Wales', 'Downing Street'],
  SA: ['Saudi', 'Saudis'],
  TR: ['Turkey'],
  UA: ['Kiev'],
  RU: ['Kremlin'],
  US: ['U.S.', 'U.S.A.', 'Washington', 'White House', 'Pentagon'],
  CZ: ['Czech Republic', 'Czech'],
  MM: ['Burma'],
  KP: ['Pyongyang', 'DPRK'],
  PS: ['Gaza', 'West Bank', 'Palestinian'],
  CD: ['DRC', 'Kinshasa'],
  NL: ['Holland'],
  VA: ['Vatican'],
};

/** Phrases that contain a place name but do not name the country. */
const BLOCKING_PHRASES = [
  'Inner Mongolia', 'Indian Ocean', 'New Jersey', 'New Mexico', 'New Guinea', 'New South Wales',
  'Latin America', 'Latin American', 'South America', 'South American', 'North America', 'North American',
  'Central America', 'Central American', 'Native American', 'Native Americans', 'Washington Post',
];

/** Names that are also common given names or places elsewhere (Michael Jordan, Georgia in the US). */
const NEEDS_CORROBORATION = new Set(['jordan', 'chad', 'georgia', 'georgian', 'victoria', 'kingston', 'santiago', 'washington']);

/** Territories whose capitals are unambiguous and newsworthy; other territories' capitals (Hamilton, Douglas, Stanley) are not aliases. */
const TERRITORY_CAPITALS = new Set(['TW', 'XK', 'PS', 'GL', 'EH']);

/** Acronyms that name a country; other two-letter codes (`IT`, `IN`, `NO`) are ordinary words. */
const ACRONYMS = new Set(['US', 'USA', 'UK', 'UAE', 'DRC', 'PRC', 'DPRK', 'ROK']);

/** Splits text into words: letters and digits, with apostrophes and hyphens as separators. */
export const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/**
 * The lookup key of a name: its words, lower-cased, joined by one space.
 *
 * @example
 * aliasKey("People's Republic of China") // => 'people s republic of china'
 */
export function aliasKey(text: string): string {
  return (text.normalize('NFC').match(WORD) ?? []).join(' ').toLowerCase();
}

/**
 * Builds the gazetteer from the dataset once per build.
 *
 * @example
 * const g = buildGazetteer();
 * g.aliases.get('tehran')?.country // => 'IR'
 */
export function buildGazetteer(countries: readonly Country[] = loadCountries()): Gazetteer {
  const candidates = new Map<string, { text: string; codes: Set<string>; independent: Set<string> }>();
  const countryNames = new Map<string, string>();
  const add = (text: string, country: Country) => {
    const key = aliasKey(text);
    if (!key || !/^\p{Lu}/u.test(text)) return;
    const isAcronym = /^[A-Z]{2,5}$/.test(text);
    if (isAcronym && !ACRONYMS.has(text)) return;
    const entry = candidates.get(key) ?? { text, codes: new Set<string>(), independent: new Set<string>() };
    entry.codes.add(country.cca2);
    if (country.independent) entry.independent.add(country.cca2);
    candidates.set(key, entry);
  };
  for (const country of countries) {
    countryNames.set(country.cca2, country.name.common);
    const capitals = country.independent || TERRITORY_CAPITALS.has(country.cca2) ? country.capital : [];
    const names = [
      country.name.common, country.name.official, ...country.altSpellings,
      ...capitals, ...capitals.map((c) => c.replace(/\s+D\.C\.$/, '')),
      ...demonymForms(country.demonyms?.eng?.m), ...demonymForms(country.demonyms?.eng?.f),
      ...(EXTRA_ALIASES[country.cca2] ?? []),
    ];
    for (const name of names) if (name && !name.includes(',')) add(name, country);
  }

  const aliases = new Map<string, PlaceAlias>();
  for (const [key, { text, codes, independent }] of candidates) {
    // "American" names the US and its outlying islands: the sovereign state
    // wins. Two sovereign states ("Dominican", "Congolese"): no one does.
    const owners = codes.size === 1 ? codes : independent;
    if (owners.size !== 1) continue;
    const [country] = owners as Set<string>;
    aliases.set(key, {
      country: country ?? null, text,
      acronym: /^[A-Z]{2,5}$/.test(text),
      needsCorroboration: NEEDS_CORROBORATION.has(key),
    });
  }
  for (const phrase of BLOCKING_PHRASES) {
    aliases.set(aliasKey(phrase), { country: null, text: phrase, acronym: false, needsCorroboration: false });
  }
  const longestFrom = new Map<string, number>();
  const prefixes = new Set<string>();
  for (const key of aliases.keys()) {
    const words = key.split(' ');
    const first = words[0] as string;
    longestFrom.set(first, Math.max(longestFrom.get(first) ?? 0, words.length));
    for (let n = 1; n < words.length; n++) prefixes.add(words.slice(0, n).join(' '));
  }
  return { aliases, longestFrom, prefixes, countryNames, arabicScript: buildArabicScriptNames(countries) };
}

/** A demonym and, for those that take one, its plural: "Iranian", "Iranians"; "Iraqi", "Iraqis"; not "Chinese". */
function demonymForms(demonym: string | undefined): string[] {
  if (!demonym) return [];
  return /(?:an|i|er)$/.test(demonym) ? [demonym, `${demonym}s`] : [demonym];
}

function loadCountries(): Country[] {
  // The package's ESM entry re-exports JSON without an import attribute,
  // which Node refuses; its CommonJS entry loads everywhere.
  return createRequire(import.meta.url)('world-countries') as Country[];
}
