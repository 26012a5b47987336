/**
 * The typed hand-offs between Broadsheet's stages. Every stage is a pure
 * function from one of these shapes to the next; I/O lives at the edges
 * (`src/feeds/read-feeds.ts` reads `content/`, Eleventy writes `_site/`).
 */

/** A place in an input file. `line` is 1-based. */
export interface SourcePosition {
  file: string;
  line: number;
  /** Last line (1-based, inclusive) when the position covers a range of lines. */
  endLine?: number;
}

export type Severity = 'error' | 'warning';

/**
 * A content problem. Content problems never throw: they are collected and
 * printed like a compiler's messages (`content/feeds/x.txt:12: warning: …`).
 */
export interface Diagnostic extends SourcePosition {
  severity: Severity;
  message: string;
  /** A stable id for the kind of problem, e.g. `duplicate-article`. */
  rule?: string;
}

/** One photo of an article, as described by its caption line. */
export interface ImageRecord {
  /** The caption without its credit. */
  caption: string;
  /** The credit without parentheses or a leading "Photo by", or null. */
  credit: string | null;
  /** The caption's full date as `YYYY-MM-DD`, or null. */
  date: string | null;
  /** 1-based source line of the caption's first occurrence. */
  line: number;
}

export type BodyBlockType = 'paragraph' | 'subhead';

/** One paragraph or subhead of an article body, with its source line. */
export interface BodyBlock {
  type: BodyBlockType;
  text: string;
  line: number;
}

export type TextDirection = 'ltr' | 'rtl';

/** A clean article: the parser's output and the site's input. */
export interface ArticleRecord {
  /** URL-safe, non-empty, unique within one parse. */
  slug: string;
  headline: string;
  images: ImageRecord[];
  body: BodyBlock[];
  /** Publication date `YYYY-MM-DD` (from front matter or inferred), or null. */
  published: string | null;
  /** Where the article's first headline line stands. */
  source: SourcePosition;
  dir: TextDirection;
  /** BCP 47 language tag from feed front matter, or null when unknown. */
  lang: string | null;
  /** Feed-level source name from front matter, or null. */
  sourceName: string | null;
  /** IANA time zone from feed front matter, or null (the site's zone applies). */
  timeZone: string | null;
  wordCount: number;
}

export interface ParseResult {
  articles: ArticleRecord[];
  diagnostics: Diagnostic[];
}

/** A feed file's text with the name diagnostics should use for it. */
export interface FeedSource {
  file: string;
  text: string;
}

/* ---- Parser stages (src/parser/): the hand-offs inside parseFeed ---- */

/** One input line after normalisation; `text` is '' for a blank line. */
export interface FeedLine {
  text: string;
  /** 1-based line in the feed file. */
  line: number;
}

/** Feed-level defaults from a file's optional YAML front matter. */
export interface FeedMeta {
  sourceName: string | null;
  lang: string | null;
  timeZone: string | null;
  /** `YYYY-MM-DD`, applied to every article of the file. */
  published: string | null;
}

/** One article as found by the structure of the feed, before cleaning. */
export interface ArticleDraft {
  headline: FeedLine;
  /** Distinct caption lines, first occurrences, in order. */
  captions: FeedLine[];
  /** Non-blank body lines, in order. */
  body: FeedLine[];
  /** Last non-blank line that belongs to this article (repetitions included). */
  endLine: number;
  /** Why the article looks cut short, or null when it is complete. */
  truncated: string | null;
}
