/**
 * People and organisations an article names, for topics.
 *
 * Finding them: runs of capitalised words in the article's paragraphs (not
 * its Title-Case headline, its ALL-CAPS subheads or its captions, whose
 * credits are names of photographers), with a leading title taken off
 * ("Prime Minister Elena Novak" → Elena Novak) and a possessive ("Putin's").
 *
 * Telling them apart: `compromise`'s lexicon, the dataset its tagger is
 * built on (shipped as word lists, src/discovery/word-tags.ts), knows
 * some 3,000 given names and 230 one-word organisations. A run is a
 * person when its first word is a given name, or a title stood before
 * it, or (two words or more) its last word is a known family name; an
 * organisation when it is a known organisation or a short acronym (NATO,
 * FSB), or its first or last word is one organisations are named with
 * (Ministry, Council, Service, Party…), or it is what a news agency is
 * called ("state news agency Xinhua"). Anything else is not an entity:
 * precision first, so topic pages do not fill with false names
 * (tests/discovery/entities.test.ts measures it on labelled articles).
 * Places are the gazetteer's (src/discovery/place-names.ts), not these.
 *
 * compromise's full tagger was measured at 37 ms per kilobyte of news text
 * here (docs/performance.md), 14 minutes for a 10,000-article archive; the
 * lexicon lookups cost microseconds.
 */
import type { Gazetteer } from './place-names.ts';
import { aliasKey } from './place-names.ts';
import { shippedWordTags } from './word-tags.ts';

export type EntityKind = 'person' | 'organisation';

/** One entity an article names, as the article writes it. */
export interface EntityMention {
  /** The name, as written (titles and possessives off): "Vladimir Putin", "Putin", "NATO". */
  name: string;
  kind: EntityKind;
  /** Times named. */
  count: number;
  /** True for a one-word person name ("Putin"): a family name that refers to a full name. */
  surnameOnly: boolean;
  /** The acronym the article spells it out with once ("Federal Security Service (FSB)"). */
  acronym?: string;
}

// compromise's word list, reduced to what is asked of a word here (src/discovery/word-tags.ts).
const isGivenName = (word: string) => shippedWordTags().isGivenName(word);
const isFamilyName = (word: string) => shippedWordTags().isFamilyName(word);
const isKnownOrganisation = (word: string) => shippedWordTags().isKnownOrganisation(word);
const isKnownPlace = (word: string) => shippedWordTags().isKnownPlace(word);
const isKnownWord = (word: string) => shippedWordTags().isKnown(word);
const hasOtherTagThanFamilyName = (word: string) => shippedWordTags().hasOtherTag(word);

/** Words before a name that say it is a person's: taken off the name. */
const TITLES = new Set([
  'president', 'vice', 'prime', 'minister', 'foreign', 'defence', 'defense', 'interior', 'finance', 'chancellor', 'secretary', 'general',
  'lieutenant', 'major', 'colonel', 'admiral', 'captain', 'commander', 'gen', 'lt', 'col', 'mr', 'mrs', 'ms', 'dr', 'sen', 'senator',
  'rep', 'representative', 'congressman', 'congresswoman', 'king', 'queen', 'prince', 'princess', 'pope', 'sheikh', 'crown', 'envoy',
  'special', 'deputy', 'chief', 'spokesman', 'spokeswoman', 'spokesperson', 'governor', 'mayor', 'judge', 'justice', 'ambassador',
  'director', 'chairman', 'chairwoman', 'chair', 'ceo', 'leader', 'speaker', 'emir', 'ayatollah', 'supreme', 'state', 'premier',
  'senior', 'former', 'acting', 'opposition', 'attorney', 'dictator', 'officer', 'analyst',
  'economist', 'sergeant', 'field', 'marshal', 'rear', 'air', 'vice-president', 'first', 'lady', 'cardinal', 'bishop', 'rabbi', 'imam',
]);
/** Words organisations are named with, first ("Ministry of…") or last ("Security Council"). */
const ORGANISATION_WORDS = new Set([
  'ministry', 'council', 'service', 'services', 'party', 'agency', 'bank', 'union', 'commission', 'court', 'committee', 'parliament',
  'army', 'navy', 'forces', 'force', 'guard', 'guards', 'corporation', 'corp', 'inc', 'ltd', 'group', 'fund', 'organization',
  'organisation', 'alliance', 'federation', 'institute', 'university', 'association', 'authority', 'company', 'airlines', 'airways',
  'police', 'front', 'movement', 'assembly', 'senate', 'congress', 'office', 'department', 'bureau', 'nations', 'coalition', 'league',
  'foundation', 'hospital', 'network', 'times', 'post', 'journal', 'tribune', 'herald', 'broadcasting', 'news', 'press', 'exchange',
  'brigade', 'brigades', 'battalion', 'command', 'directorate', 'cabinet', 'government', 'club', 'society', 'trust', 'board',
]);
/** Capitalised words that start sentences or headings and name nothing. */
const NOT_NAMES = new Set([
  'the', 'a', 'an', 'in', 'on', 'at', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'but', 'and', 'or', 'this', 'that', 'these', 'those',
  'his', 'her', 'their', 'its', 'our', 'my', 'after', 'before', 'when', 'while', 'if', 'as', 'for', 'with', 'from', 'by', 'to', 'of',
  'according', 'there', 'here', 'some', 'many', 'most', 'all', 'no', 'not', 'one', 'two', 'three', 'last', 'next', 'first', 'new',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december', 'photo', 'reporting', 'editing', 'writing', 'updated', 'read',
  'what', 'why', 'how', 'who', 'where', 'which', 'asked', 'speaking', 'meanwhile', 'however', 'also', 'still', 'yet', 'so', 'then',
  'earlier', 'later', 'since', 'until', 'during', 'despite', 'under', 'over', 'about', 'sir', 'lord', 'state', 'authorities', 'officials',
  'police', 'government', 'ministry', 'president', 'minister', 'general', 'city', 'north', 'south', 'east', 'west', 'central',
]);
/** All-capitals words that are not organisations. */
const NOT_ACRONYMS = new Set(['TT', 'AM', 'PM', 'OK', 'TV', 'CEO', 'GDP', 'AI', 'ID', 'II', 'III', 'IV', 'VI', 'UTC', 'GMT', 'USD', 'EUR', 'DNA', 'COVID', 'HIV', 'AIDS', 'PHOTO', 'FILE', 'VIDEO', 'UPDATE', 'LIVE', 'BREAKING']);
/**
 * News agencies, which the lexicon does not know and which reports name in
 * passing ("Reuters reported", "according to AFP"). Captions' credits are
 * never read, so these are the agencies the text itself cites.
 */
const NEWS_AGENCIES = new Set(['Reuters', 'AFP', 'AP', 'Xinhua', 'TASS', 'Interfax', 'RIA', 'Anadolu', 'Yonhap', 'Kyodo', 'ANSA', 'EFE', 'DPA', 'PTI', 'IRNA', 'WAFA', 'MENA', 'SANA', 'Bernama', 'Antara', 'Bloomberg', 'IANS', 'UNB', 'KCNA']);
/** Joining words allowed inside a name ("Ministry of Foreign Affairs", "Ali bin Hussein"). */
const JOINERS = new Set(['of', 'for', 'the', 'de', 'del', 'der', 'van', 'von', 'bin', 'al', 'el', 'la', 'le', 'da', 'dos', 'du', 'di', 'ibn']);

const WORD = /[\p{Lu}](?:[\p{L}\p{M}'’.-]|&(?=\p{Lu}))*|[\p{Ll}][\p{L}\p{M}'’-]*|\d[\d,.]*|[^\s\p{L}\p{N}]+/gu;
const CAPITALISED = /^\p{Lu}/u;
/** `WORD` for ASCII text, where the Unicode classes reduce to these: the same words, faster. */
const ASCII_WORD = /[A-Z](?:[A-Za-z'.-]|&(?=[A-Z]))*|[a-z][A-Za-z'-]*|\d[\d,.]*|[^\sA-Za-z0-9]+/g;
const NON_ASCII = /[^\x00-\x7F]/;

/**
 * A paragraph's words. Most news text is ASCII, which a regex without
 * Unicode classes splits the same way, faster; `wordsOfReference` is the
 * plain version, held equal by a property test.
 */
export function wordsOf(paragraph: string): string[] {
  return (NON_ASCII.test(paragraph) ? paragraph.match(WORD) : paragraph.match(ASCII_WORD)) ?? [];
}

export function wordsOfReference(paragraph: string): string[] {
  return paragraph.match(WORD) ?? [];
}

/**
 * Whether a word starts with a capital: most words of a text are ASCII
 * lower case, told apart by their first character's code without a Unicode
 * regex. `startsCapitalisedReference` is the plain version, held equal by a
 * property test.
 */
export function startsCapitalised(word: string): boolean {
  const code = word.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90;
  return CAPITALISED.test(word);
}

export function startsCapitalisedReference(word: string): boolean {
  return CAPITALISED.test(word);
}
const ACRONYM = /^[A-Z]{2,6}$/;

/**
 * The people and organisations a text names, most named first.
 *
 * @example
 * findEntities(['President Vladimir Putin met NATO chief Mark Rutte. Putin said…'], gazetteer).map((e) => e.name)
 * // => ['Vladimir Putin', 'NATO', 'Mark Rutte', 'Putin']
 */
export function findEntities(paragraphs: readonly string[], gazetteer: Gazetteer): EntityMention[] {
  const found = new Map<string, EntityMention>();
  const acronyms = new Map<string, EntityMention>();
  // The mention the last run made new, if any: what an "(ACRONYM)" after the run spells.
  let created: EntityMention | null = null;
  const add = (name: string, kind: EntityKind) => {
    const key = `${kind}\0${name}`;
    const seen = found.get(key);
    if (seen) seen.count++;
    else found.set(key, (created = { name, kind, count: 1, surnameOnly: kind === 'person' && !name.includes(' ') }));
  };
  for (const paragraph of paragraphs) {
    // A paragraph of capitals or of Title Case words (a heading, a credit line) is not prose to read names from.
    if (!/\p{Ll}/u.test(paragraph)) continue;
    const words = wordsOf(paragraph);
    let i = 0;
    while (i < words.length) {
      const word = words[i]!;
      if (!startsCapitalised(word)) {
        i++;
        continue;
      }
      const sentenceStart = i === 0 || /[.!?:"“”]$/.test(words[i - 1]!);
      // The run: capitalised words, with joiners between two of them.
      let end = i + 1;
      while (end < words.length) {
        const next = words[end]!;
        if (startsCapitalised(next) && !/[.,;:!?]$/.test(words[end - 1]!)) end++;
        else if (JOINERS.has(next) && end + 1 < words.length && startsCapitalised(words[end + 1]!) && !/[.,;:!?]$/.test(words[end - 1]!)) end += 2;
        else break;
        if (/[,;:!?]$/.test(words[end - 1]!) || /\.$/.test(words[end - 1]!) && words[end - 1]!.length > 2) break;
      }
      const run = words.slice(i, end).map(clean);
      // "Federal Security Service (FSB)": the acronym is the same organisation.
      const spelledOut = words[end] === '(' && ACRONYM.test(words[end + 1] ?? '') && /^\)/.test(words[end + 2] ?? '') ? words[end + 1]! : null;
      const before = i > 0 ? words[i - 1]!.toLowerCase() : '';
      const after = words.slice(end, end + 2).map((w) => w.toLowerCase()).join(' ');
      i = end;
      created = null;
      classify(run, { sentenceStart, before, after }, gazetteer, add);
      const added = created as EntityMention | null;
      if (spelledOut && added && added.kind === 'organisation' && added.name !== spelledOut) acronyms.set(spelledOut, added);
    }
  }
  // Each acronym's mentions count for the name it spells.
  for (const [acronym, full] of acronyms) {
    const short = found.get(`organisation\0${acronym}`);
    full.acronym = acronym;
    if (short) {
      full.count += short.count;
      found.delete(`organisation\0${acronym}`);
    }
  }
  return [...found.values()].sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** A word without its trailing punctuation or possessive. */
function clean(word: string): string {
  return word.replace(/[.,;:!?]+$/, (tail) => (/^[A-Z]\.$/.test(word) ? tail : '')).replace(/['’]s$/, '').replace(/['’]$/, '');
}

interface RunContext {
  sentenceStart: boolean;
  /** The word before the run, lower case. */
  before: string;
  /** The two words after it, lower case. */
  after: string;
}

/** Verbs of speech after a name: "Abbas Araghchi told", "Rutte said". */
const SPEECH = /^(said|says|told|added|wrote|warned|asked|stated|argued|insisted|noted|announced|tweeted|posted|replied|recalled|explained)\b/;

const isTitle = (word: string) => TITLES.has(word.toLowerCase().replace(/\.$/, ''));

/**
 * Cuts a run at its titles ("NATO Secretary General Mark Rutte" → NATO, and
 * Mark Rutte after a title) and classifies each part.
 */
function classify(run: string[], context: RunContext, gazetteer: Gazetteer, add: (name: string, kind: EntityKind) => void): void {
  let titled = isTitle(context.before.replace(/[^a-z.-]/g, ''));
  let start = 0;
  let i = 0;
  while (start < run.length) {
    // The part: run[start, i), up to the next title.
    i = start;
    while (i < run.length && !isTitle(run[i]!)) i++;
    if (i > start) {
      const after = i === run.length ? context.after : run[i]!.toLowerCase();
      classifyPart(run.slice(start, i), { ...context, sentenceStart: context.sentenceStart && start === 0, after }, titled, gazetteer, add);
    }
    // The titles after it lead into the next part.
    let j = i;
    while (j < run.length && isTitle(run[j]!)) j++;
    titled = j > i;
    start = j;
  }
}

function classifyPart(part: string[], context: RunContext, titled: boolean, gazetteer: Gazetteer, add: (name: string, kind: EntityKind) => void): void {
  let words = part;
  // A place at the front is the place's ("Russia's Federal Security Service", "Iranian officials").
  while (words.length > 1 && isPlace(words[0]!, gazetteer)) words = words.slice(1);
  while (words.length > 1 && JOINERS.has(words[words.length - 1]!)) words = words.slice(0, -1);
  while (words.length > 1 && JOINERS.has(words[0]!)) words = words.slice(1);
  if (words.length === 0) return;
  const name = words.join(' ');
  const first = words[0]!;
  const last = words[words.length - 1]!;
  if (words.length === 1 && NOT_NAMES.has(first.toLowerCase())) return;
  if (isPlace(name, gazetteer)) return;
  const speaks = SPEECH.test(context.after);

  if (words.length === 1) {
    if (NEWS_AGENCIES.has(first)) return add(first, 'organisation');
    if (ACRONYM.test(first)) {
      if (!NOT_ACRONYMS.has(first) && !isPlace(first, gazetteer)) add(first, 'organisation');
      return;
    }
    if (isKnownOrganisation(first)) return add(first, 'organisation');
    // "state news agency Xinhua", "told Reuters".
    if (/agency$/.test(context.before) || context.before === 'told' && /^[A-Z][a-z]+$/.test(first) && !isGivenName(first) && !isFamilyName(first) && !isKnownWord(first) && context.after === '') return add(first, 'organisation');
    if (isKnownPlace(first) || hasOtherTagThanFamilyName(first)) return;
    // A lone family name: the topic index joins it to the full name it stands for, or drops it.
    if (titled || speaks || isFamilyName(first) || !context.sentenceStart) add(first, 'person');
    return;
  }
  if (words.some((w) => NOT_NAMES.has(w.toLowerCase()) && !JOINERS.has(w))) return;
  const lowerFirst = first.toLowerCase();
  const lowerLast = last.toLowerCase();
  if (ORGANISATION_WORDS.has(lowerLast) || ORGANISATION_WORDS.has(lowerFirst) || words.some(isKnownOrganisation)) return add(name, 'organisation');
  if (words.length > 4 || words.some((w) => JOINERS.has(w) && w !== 'bin' && w !== 'al' && w !== 'ibn' && w !== 'van' && w !== 'von' && w !== 'de')) return;
  if (words.some((w) => isKnownPlace(w) && !isGivenName(w) && !isFamilyName(w))) return;
  if (isGivenName(first) || titled || speaks || (isFamilyName(last) && !isKnownPlace(last))) add(name, 'person');
}

function isPlace(text: string, gazetteer: Gazetteer): boolean {
  return gazetteer.aliases.has(aliasKey(text));
}
