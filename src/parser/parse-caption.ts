import type { ImageRecord } from '../types.ts';
import { findCaptionDate } from './caption-date.ts';

/**
 * Parenthesised endings that describe the picture, not who took it:
 * "(L)", "(C, top)", "(file photo)".
 */
const POSITIONAL = /^(?:[lrc]|l-r|r-l|(?:left|right|cent(?:er|re)|top|bottom|front|back|file|file photo)(?:, ?(?:left|right|cent(?:er|re)|top|bottom|front|back))?)$/iu;

/**
 * `REUTERS/`, `EPA-EFE/`, `AP Photo/`, `Photo: AFP/`: an upper-case agency
 * word and a slash, at the start or after a space. No nested repetition, and
 * the agency class excludes the space that starts a match, so each run of
 * capitals is scanned once.
 */
const AGENCY_SLASH = /(?:^| )(?:Photo: ?)?\p{Lu}[\p{Lu}\d&.-]*(?: Photo)? ?\//gu;

/**
 * Picture agencies and desks whose name alone, after a sentence, is a credit
 * (`… in Kyiv. Getty Images`, `… Chris McGrath/Getty Images`,
 * `… Name/AFP via Getty Images`). Lower case.
 */
const AGENCIES = new Set([
  'afp', 'ap', 'anadolu', 'anadolu agency', 'ansa', 'bloomberg', 'dpa', 'epa', 'epa-efe', 'getty images',
  'imago', 'pool', 'reuters', 'shutterstock', 'sipa', 'sputnik', 'tass', 'wana', 'xinhua',
]);

/** Leading words that introduce a credit rather than belong to it. */
const CREDIT_PREFIX = /^(?:photo(?:graph)?s?|picture|image|credit)(?: by|:) ?/iu;

/**
 * Splits a caption line into its text and trailing credit, and finds its date.
 * The credit loses its parentheses and any leading "Photo by"; a caption with
 * no recognisable credit keeps its whole text and `credit: null`.
 *
 * Uses `lastIndexOf` rather than a regex over the whole line, so lines of
 * 100 000 parentheses cost one pass.
 *
 * @example
 * parseCaption('Tehran, February 7, 2026. (Photo by ATTA KENARE / AFP)', 3)
 * // => { caption: 'Tehran, February 7, 2026.', credit: 'ATTA KENARE / AFP', date: '2026-02-07', line: 3 }
 * parseCaption('Moscow. REUTERS/Anastasia Barashkova', 9).credit
 * // => 'REUTERS/Anastasia Barashkova'
 */
export function parseCaption(text: string, line: number): ImageRecord {
  const split = splitParenthesisedCredit(text) ?? splitAgencyCredit(text);
  const caption = split ? split.caption : text;
  const credit = split ? split.credit : null;
  return { caption, credit, date: findCaptionDate(text), line };
}

function splitParenthesisedCredit(text: string): { caption: string; credit: string } | null {
  if (!text.endsWith(')')) return null;
  const open = text.lastIndexOf('(');
  if (open < 0) return null;
  const inner = text.slice(open + 1, -1).trim();
  if (inner === '' || inner.includes(')') || POSITIONAL.test(inner)) return null;
  const credit = inner.replace(CREDIT_PREFIX, '').trim();
  return credit === '' ? null : { caption: text.slice(0, open).trim(), credit };
}

/**
 * An unbracketed credit at the end: `… Moscow. REUTERS/Name`, `… Gaza AP Photo/Name`,
 * or a last sentence starting "Photo by". The part after the agency's slash
 * must read like a name (short, no digits), so "US/Israeli strikes on
 * February 7, 2026" stays caption text.
 */
function splitAgencyCredit(text: string): { caption: string; credit: string } | null {
  const stop = text.lastIndexOf('. ');
  const lastSentence = text.slice(stop + 2);
  if (stop >= 0 && CREDIT_PREFIX.test(lastSentence)) {
    const credit = lastSentence.replace(CREDIT_PREFIX, '').trim();
    if (credit !== '') return { caption: text.slice(0, stop + 1), credit };
  }
  if (stop >= 0 && namesAgency(lastSentence)) return { caption: text.slice(0, stop + 1), credit: lastSentence };
  let start = -1;
  for (const match of text.matchAll(AGENCY_SLASH)) start = match.index + (match[0].startsWith(' ') ? 1 : 0);
  if (start <= 0) return null;
  const credit = text.slice(start);
  const name = credit.slice(credit.indexOf('/') + 1).trim();
  if (name === '' || !isShortName(name)) return null;
  return { caption: text.slice(0, start).trim(), credit: credit.replace(CREDIT_PREFIX, '').trim() };
}

/** Reads like a name, not a sentence of caption: short, no digits, a few words. */
function isShortName(text: string): boolean {
  return text.length <= 80 && !/\d/u.test(text) && text.split(' ').length <= 8;
}

/** A short, digit-free sentence that is an agency, or ends `/Agency` or `via Agency`. */
function namesAgency(sentence: string): boolean {
  if (!isShortName(sentence)) return false;
  const lower = sentence.toLowerCase();
  const slash = lower.lastIndexOf('/');
  const via = lower.lastIndexOf(' via ');
  return AGENCIES.has(lower) || (slash > 0 && AGENCIES.has(lower.slice(slash + 1).trim())) || (via > 0 && AGENCIES.has(lower.slice(via + 5)));
}
