/**
 * Generates one article: the record a correct parser should produce and the
 * feed lines that encode it in the scraped format (headline, captions twice,
 * `TT`, headline again, captions twice again, body).
 */
import type { BodyBlockType, ImageRecord, TextDirection } from '../../src/types.ts';
import { type DateStyle, formatCaptionDate, isoDate, weekdayName } from './dates.ts';
import type { Random } from './random.ts';
import * as words from './vocabulary.ts';

/** One photo: the record fields plus the caption line exactly as the feed has it. */
export interface GeneratedImage extends Pick<ImageRecord, 'caption' | 'credit' | 'date'> {
  raw: string;
}

/**
 * A generated article: what a correct parser should return for it, and the
 * lines that encode it in a feed. `published` follows the parser's rule: the
 * lede names the weekday of the publication day, which falls 0–3 days after
 * the latest caption date; with no dated caption it is null.
 */
export interface GeneratedArticle {
  headline: string;
  images: GeneratedImage[];
  body: { type: BodyBlockType; text: string }[];
  published: string | null;
  dir: TextDirection;
  lines: string[];
}

/** What the article generator needs besides randomness. */
export interface ArticleContext {
  /** Day number (UTC days since 1970-01-01) the article is published on. */
  day: number;
  /** Headlines already used in this feed; the new one is added. */
  headlines: Set<string>;
}

/** Share of articles written in Arabic (right to left, caseless, no inferable weekday). */
const ARABIC_SHARE = 0.02;

/**
 * Generates one article from the random stream.
 *
 * @example
 * const article = generateArticle(createRandom(1), { day: dayOf('2025-09-04'), headlines: new Set() });
 * article.lines[0] === article.headline; // true
 */
export function generateArticle(random: Random, context: ArticleContext): GeneratedArticle {
  return random.chance(ARABIC_SHARE) ? arabicArticle(random, context) : englishArticle(random, context);
}

function englishArticle(random: Random, { day, headlines }: ArticleContext): GeneratedArticle {
  const headline = uniqueHeadline(random, headlines, () => englishHeadline(random));
  const images = distinctImages(random, photoCount(random), () => englishImage(random, day - random.pick([0, 0, 1, 1, 2, 3])));
  const captionDays = images.map((image) => image.date).filter((d): d is string => d !== null);
  const published = captionDays.length > 0 ? isoDate(day) : null;
  const body = [{ type: 'paragraph' as const, text: lede(random, weekdayName(day)) }, ...englishBody(random)];
  return { headline, images, body, published, dir: 'ltr', lines: articleLines(random, headline, images, body) };
}

function arabicArticle(random: Random, { headlines }: ArticleContext): GeneratedArticle {
  const verbs = ['تناقش', 'ترفض', 'تقر', 'تؤجل', 'تدعم', 'تراجع'];
  const headline = uniqueHeadline(random, headlines, () =>
    `${random.pick(words.AR_ACTORS)} ${random.pick(verbs)} ${random.pick(words.AR_TOPICS)} في ${random.pick(words.AR_PLACES)}`,
  );
  const images = distinctImages(random, photoCount(random), () => {
    const caption = `${random.pick(words.AR_CAPTIONS)} في ${random.pick(words.AR_PLACES)}.`;
    const [credit, creditText] = pickCredit(random);
    return { caption, credit, date: null, raw: `${caption} ${creditText}` };
  });
  const body = distinctParagraphs(random, words.AR_SENTENCES, random.int(3, 9)).map((text) => ({
    type: 'paragraph' as const,
    text,
  }));
  return { headline, images, body, published: null, dir: 'rtl', lines: articleLines(random, headline, images, body) };
}

function englishHeadline(random: Random): string {
  switch (random.int(0, 2)) {
    case 0:
      return `${random.pick(words.HEADLINE_ACTORS)} ${random.pick(words.HEADLINE_VERBS)} ${random.pick(words.HEADLINE_OBJECTS)} in ${random.pick(words.PLACES)[0]}`;
    case 1:
      return `${random.pick(words.DISASTERS)} Kills ${random.int(2, 60)} in ${random.pick(words.REGIONS)} ${random.pick(words.PLACES)[1]}`;
    default:
      return `${random.pick(words.PLACES)[1]}: ${random.pick(words.HEADLINE_ACTORS)} ${random.pick(words.HEADLINE_VERBS)} ${random.pick(words.HEADLINE_OBJECTS)}`;
  }
}

function uniqueHeadline(random: Random, used: Set<string>, draw: () => string): string {
  let headline = draw();
  // Redraws are rare below ~50,000 articles; the counter suffix only guards
  // against an endless loop if the lists are ever exhausted.
  for (let attempt = 0; used.has(headline); attempt++) headline = attempt < 50 ? draw() : `${draw()}, Part ${attempt}`;
  used.add(headline);
  return headline;
}

/** Zero, one or two photos, in roughly the proportions of real feeds. */
function photoCount(random: Random): number {
  const roll = random.next();
  return roll < 0.12 ? 0 : roll < 0.75 ? 1 : 2;
}

function distinctImages(random: Random, count: number, draw: () => GeneratedImage): GeneratedImage[] {
  const images: GeneratedImage[] = [];
  while (images.length < count) {
    const image = draw();
    if (!images.some((other) => other.raw === image.raw)) images.push(image);
  }
  return images;
}

function englishImage(random: Random, captionDay: number): GeneratedImage {
  const [city, country] = random.pick(words.PLACES);
  const where = `${random.pick(words.CAPTION_SUBJECTS)} in ${city}, ${country}`;
  const dated = random.chance(0.85);
  const style: DateStyle = random.chance(0.1) ? 'ap' : random.chance(0.5) ? 'day-month-year' : 'month-day-year';
  const caption = !dated
    ? `${where}.`
    : style === 'day-month-year'
      ? `${where}, ${formatCaptionDate(captionDay, style)}.`
      : `${where} ${formatCaptionDate(captionDay, style)}.`;
  const [credit, creditText] = pickCredit(random);
  return { caption, credit, date: dated ? isoDate(captionDay) : null, raw: `${caption} ${creditText}` };
}

/** A credit in one of the three real styles: [record value, text as printed]. */
function pickCredit(random: Random): [string, string] {
  switch (random.int(0, 2)) {
    case 0:
      return ['EPA', '(EPA)'];
    case 1: {
      const credit = `REUTERS/${random.pick(words.REUTERS_PHOTOGRAPHERS)}`;
      return [credit, credit];
    }
    default: {
      const credit = `${random.pick(words.AFP_PHOTOGRAPHERS)} / AFP`;
      return [credit, `(Photo by ${credit})`];
    }
  }
}

/** The first paragraph, naming the publication weekday and no other. */
function lede(random: Random, weekday: string): string {
  const clause = random.pick(words.CLAUSES);
  switch (random.int(0, 2)) {
    case 0:
      return `${random.pick(words.OFFICIALS)} said on ${weekday} that ${clause}, in a statement that drew swift reactions.`;
    case 1:
      return `Authorities in ${random.pick(words.PLACES)[0]} said ${clause}, ${random.pick(words.AGENCIES)} reported ${weekday}.`;
    default:
      return `${random.pick(words.OFFICIALS)} said ${weekday} ${clause}, defying pressure from critics at home and abroad.`;
  }
}

function englishBody(random: Random): { type: BodyBlockType; text: string }[] {
  const blocks: { type: BodyBlockType; text: string }[] = [];
  const paragraphs = distinctParagraphs(random, words.SENTENCES, random.int(3, 17)).map((text) => fillSlots(random, text));
  paragraphs.forEach((text, i) => {
    // Subheads come after the opening paragraphs and never twice in a row.
    if (i >= 3 && i < paragraphs.length - 1 && blocks.at(-1)?.type === 'paragraph' && random.chance(0.08)) {
      blocks.push({ type: 'subhead', text: random.pick(words.SUBHEADS) });
    }
    blocks.push({ type: 'paragraph', text });
  });
  return blocks;
}

/**
 * Paragraphs of one to three sentences, no two alike: a repeated line is
 * what the scrape's duplication looks like, and the body must not mimic it.
 */
function distinctParagraphs(random: Random, list: readonly string[], count: number): string[] {
  const seen = new Set<string>();
  while (seen.size < count) {
    const picked = new Set(Array.from({ length: random.int(1, 3) }, () => random.pick(list)));
    seen.add([...picked].join(' '));
  }
  return [...seen];
}

/** Fills a sentence template's `{slot}`s; an official opening a sentence keeps its capital. */
function fillSlots(random: Random, template: string): string {
  return template.replace(/\{(\w+)\}/g, (_, slot: string, offset: number) => {
    switch (slot) {
      case 'city':
        return random.pick(words.PLACES)[0];
      case 'country':
        return random.pick(words.PLACES)[1];
      case 'n':
        return String(random.int(2, 90));
      case 'clause':
        return random.pick(words.CLAUSES);
      case 'agency':
        return random.pick(words.AGENCIES);
      default: {
        const official = random.pick(words.OFFICIALS);
        const opensSentence = offset === 0 || template[offset - 2] === '.';
        return opensSentence ? official : official.replace(/^(The|A) /, (article) => article.toLowerCase());
      }
    }
  });
}

/** Lays the article out as the scrape does; some paragraphs sit on consecutive lines. */
function articleLines(
  random: Random,
  headline: string,
  images: readonly GeneratedImage[],
  body: readonly { type: BodyBlockType; text: string }[],
): string[] {
  const captions = images.flatMap((image) => [image.raw, image.raw]);
  const lines = [headline, '', ...captions, 'TT', '', headline, '', ...captions];
  if (captions.length > 0) lines.push('');
  body.forEach((block, i) => {
    const previous = body[i - 1];
    const tight = previous?.type === 'paragraph' && block.type === 'paragraph' && random.chance(0.08);
    if (i > 0 && !tight) lines.push('');
    lines.push(block.text);
  });
  return lines;
}
