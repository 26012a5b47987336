/**
 * A sentence for each topic page that has one: the editor's, from
 * `content/topics.json`; else, for a country on an English site, what the
 * country dataset (`world-countries`) says of it: its region and capital.
 * People and organisations have no data of their own: only an editor's
 * description is shown for them. The dataset's words are English, so other
 * editions show only editors' descriptions.
 */
import { createRequire } from 'node:module';
import type { Country } from 'world-countries';
import type { TopicSettings } from '../types.ts';
import type { TopicIndex } from './types.ts';

let countries: Map<string, Country> | null = null;
function countryData(): Map<string, Country> {
  // The package's CommonJS entry, as the gazetteer loads it.
  countries ??= new Map((createRequire(import.meta.url)('world-countries') as Country[]).map((c) => [c.cca2, c]));
  return countries;
}

/**
 * Topic slug → description.
 *
 * @example
 * topicDescriptions(index, {}, 'en', (region, capital) => `${region}, ${capital}`).get('iran') // => 'Southern Asia, Tehran'
 */
export function topicDescriptions(
  index: TopicIndex,
  settings: TopicSettings | undefined,
  language: string,
  /** The site's sentence for a country (its locale's `topic.countryDescription`). */
  countryLine: (region: string, capital: string) => string,
): Map<string, string> {
  const descriptions = new Map<string, string>();
  const byName = new Map(Object.entries(settings?.topics ?? {}).filter(([, t]) => t.description).map(([name, t]) => [name.toLocaleLowerCase('en'), t.description!]));
  const english = language.split('-')[0]!.toLowerCase() === 'en';
  for (const topic of index.topics) {
    const own = byName.get(topic.name.toLocaleLowerCase('en'));
    if (own) descriptions.set(topic.slug, own);
    else if (english && topic.country) {
      const country = countryData().get(topic.country);
      if (!country) continue;
      const region = country.subregion || country.region;
      const capital = country.capital?.[0];
      if (region && capital) descriptions.set(topic.slug, countryLine(region, capital));
    }
  }
  return descriptions;
}
