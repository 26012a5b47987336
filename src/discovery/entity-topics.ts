/**
 * People and organisations as topics: the names `findEntities` reads in each
 * article, merged across the archive, kept when enough articles name them.
 *
 * - A full name's spellings are one person when the given names match and
 *   the family names are the same once folded (accents, case) or one letter
 *   apart in a name of six letters or more: "Volodymyr Zelenskiy" and
 *   "Volodymyr Zelensky". The spelling most articles use names the topic.
 * - A family name alone ("Putin") is the person of the article's own full
 *   name that ends with it; else the one person of the archive whose family
 *   name it is; else nobody (the word may be a place, or a name too common to
 *   guess).
 * - An organisation spelled out with its acronym once ("Federal Security
 *   Service (FSB)") is one topic under both.
 * - Editors add, rename, merge, describe or suppress topics in
 *   `content/topics.json` (src/site/topic-settings.ts), applied here.
 */
import { findEntities, type EntityKind, type EntityMention } from './entities.ts';
import type { Gazetteer } from './place-names.ts';
import type { TopicSettings } from '../types.ts';
import { memoise, memoiseByObject } from '../memoise.ts';

/** What this module needs of an article. */
export interface EntityArticle {
  slug: string;
  revision?: string;
  headline: string;
  body: readonly { type: string; text: string }[];
}

export interface EntityTopic {
  name: string;
  kind: EntityKind;
  /** Articles naming it, by slug, with how often: most named first in each article's list. */
  weight: number;
}

/** Default: an entity is a topic when at least this many articles name it. */
export const MIN_ARTICLES = 2;
/** Most people and organisations per article. */
const MAX_PER_ARTICLE = 8;

const foldText = (text: string) => text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();

/** Family names that are one name: equal once folded, or one edit apart when six letters or more. */
function sameFamilyName(a: string, b: string, fold: (text: string) => string): boolean {
  const x = fold(a), y = fold(b);
  if (x === y) return true;
  if (Math.min(x.length, y.length) < 6 || Math.abs(x.length - y.length) > 1) return false;
  return withinOneEdit(x, y);
}

function withinOneEdit(a: string, b: string): boolean {
  if (a.length > b.length) [a, b] = [b, a];
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.slice(i) === b.slice(i + 1);
}

interface Person {
  given: string;
  family: string;
  spellings: Map<string, number>;
}

/**
 * Each article's people and organisations that are topics, most named
 * first; and every such topic's name and kind.
 *
 * @example
 * entityTopicsOf(articles, gazetteer).byArticle.get('26-nations-vow-…')?.map((t) => t.name) // => ['Donald Trump', 'Vladimir Putin', …]
 */
export function entityTopicsOf(
  articles: readonly EntityArticle[],
  gazetteer: Gazetteer,
  options: { settings?: TopicSettings; memo?: { get(key: string, make: () => EntityMention[]): EntityMention[] } } = {},
): { byArticle: Map<string, { name: string; kind: EntityKind }[]> } {
  const settings = options.settings;
  const minArticles = settings?.minArticles ?? MIN_ARTICLES;
  // Remembered: an archive names the same few thousand people and
  // organisations hundreds of thousands of times, and Unicode normalisation
  // is the costly part of comparing them.
  const fold = memoise(foldText);
  const mentionsOf = new Map<string, EntityMention[]>();
  for (const article of articles) {
    const make = () => findEntities(article.body.filter((b) => b.type === 'paragraph').map((b) => b.text), gazetteer);
    mentionsOf.set(article.slug, options.memo && article.revision ? options.memo.get(article.revision, make) : make());
  }

  // People by full name, their spellings merged.
  // Indexed by given name, and by the start of the family name, so that
  // matching a name looks at a few people, not the whole archive's.
  const byGiven = new Map<string, Person[]>();
  const byFamilyStart = new Map<string, Person[]>();
  const familyStart = (family: string) => fold(family).slice(0, 2);
  const personOf = (name: string): Person => {
    const words = name.split(' ');
    const given = fold(words[0]!);
    const family = words[words.length - 1]!;
    const namesakes = byGiven.get(given) ?? [];
    let person = namesakes.find((p) => sameFamilyName(p.family, family, fold));
    if (!person) {
      person = { given, family, spellings: new Map() };
      if (namesakes.length === 0) byGiven.set(given, namesakes);
      namesakes.push(person);
      const start = familyStart(family);
      const sameStart = byFamilyStart.get(start);
      if (sameStart) sameStart.push(person);
      else byFamilyStart.set(start, [person]);
    }
    return person;
  };
  // Organisations, and the names an editor or an "(ACRONYM)" made one.
  const organisations = new Set<string>();
  // Acronyms an article spelled out: the same organisation in every article.
  const spelled = new Map<string, string>();
  for (const mentions of mentionsOf.values()) {
    for (const m of mentions) {
      if (m.acronym && !spelled.has(m.acronym)) spelled.set(m.acronym, m.name);
      if (m.kind === 'person' && !m.surnameOnly) {
        const person = personOf(m.name);
        person.spellings.set(m.name, (person.spellings.get(m.name) ?? 0) + m.count);
      } else if (m.kind === 'organisation') organisations.add(m.name);
    }
  }
  // Every spelling is counted by now: each person's name is chosen once.
  const canonicalPerson = memoiseByObject((person: Person) =>
    [...person.spellings].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || (a[0] < b[0] ? -1 : 1))[0]![0]);
  const soleBearer = (family: string): Person | null => {
    const matches = (byFamilyStart.get(familyStart(family)) ?? []).filter((p) => sameFamilyName(p.family, family, fold));
    return matches.length === 1 ? matches[0]! : null;
  };

  // Editor aliases: any spelling → the topic's name.
  const aliasTo = new Map<string, string>();
  const suppressed = new Set<string>();
  for (const [name, entry] of Object.entries(settings?.topics ?? {})) {
    if (entry.suppress) suppressed.add(fold(name));
    for (const alias of entry.aliases ?? []) aliasTo.set(fold(alias), name);
  }

  // A person's family name as a whole word, one pattern per name.
  const familyWord = memoise((name: string) => new RegExp(`\\b${escapeRegExp(name.split(' ').pop()!)}\\b`));
  const added = Object.entries(settings?.topics ?? {})
    .filter(([, entry]) => !entry.suppress && (entry.kind === 'person' || entry.kind === 'organisation'))
    .map(([name, entry]) => ({
      name,
      kind: entry.kind as EntityKind,
      pattern: new RegExp(`(?<![\\p{L}\\p{N}])(?:${[name, ...(entry.aliases ?? [])].map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'gu'),
    }));
  // Each article's entities, by topic name.
  const named = new Map<string, Map<string, { kind: EntityKind; count: number }>>();
  for (const article of articles) {
    const mentions = mentionsOf.get(article.slug)!;
    const own = mentions.filter((m) => m.kind === 'person' && !m.surnameOnly).map((m) => personOf(m.name));
    const found = new Map<string, { kind: EntityKind; count: number }>();
    const note = (name: string, kind: EntityKind, count: number) => {
      const target = aliasTo.get(fold(name)) ?? name;
      if (suppressed.has(fold(target))) return;
      const kindOf = settings?.topics?.[target]?.kind === 'organisation' || settings?.topics?.[target]?.kind === 'person' ? settings.topics[target]!.kind as EntityKind : kind;
      const seen = found.get(target);
      if (seen) seen.count += count;
      else found.set(target, { kind: kindOf, count });
    };
    for (const m of mentions) {
      if (m.kind === 'organisation') note(spelled.get(m.name) ?? m.name, 'organisation', m.count);
      else if (!m.surnameOnly) note(canonicalPerson(personOf(m.name)), 'person', m.count);
      else if (organisations.has(m.name)) note(m.name, 'organisation', m.count);
      else {
        const person = own.find((p) => sameFamilyName(p.family, m.name, fold)) ?? soleBearer(m.name);
        if (person) note(canonicalPerson(person), 'person', m.count);
      }
    }
    // Topics an editor added (with a kind) are found by their names as written.
    const text = added.length ? article.body.map((b) => b.text).join('\n') : '';
    for (const { name, kind, pattern } of added) {
      const count = (text.match(pattern) ?? []).length;
      if (count > 0) note(name, kind, count);
    }
    // A headline that names it makes it more the article's subject.
    for (const [name, entry] of found) {
      if (article.headline.includes(name) || (entry.kind === 'person' && familyWord(name).test(article.headline))) entry.count += 3;
    }
    named.set(article.slug, found);
  }

  // Kept when enough articles name them.
  const articleCount = new Map<string, number>();
  for (const found of named.values()) for (const name of found.keys()) articleCount.set(name, (articleCount.get(name) ?? 0) + 1);
  const byArticle = new Map<string, { name: string; kind: EntityKind }[]>();
  for (const [slug, found] of named) {
    byArticle.set(
      slug,
      [...found]
        .filter(([name]) => (articleCount.get(name) ?? 0) >= minArticles || settings?.topics?.[name]?.aliases !== undefined && (articleCount.get(name) ?? 0) >= 1)
        .sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1))
        .slice(0, MAX_PER_ARTICLE)
        .map(([name, entry]) => ({ name, kind: entry.kind })),
    );
  }
  return { byArticle };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
