import type { Range } from 'vscode-languageserver-types';

export type { Range, Position } from 'vscode-languageserver-types';

/** A piece of the document with its LSP range (UTF-16 code units). */
export interface Span {
  text: string;
  range: Range;
}

export interface DayHeading {
  /** Line index of the `##` heading. */
  line: number;
  /** Range of the whole heading line content. */
  range: Range;
  /** Text after `## `, trimmed; what a user wrote as the heading. */
  content: Span;
  /** `YYYY-MM-DD` when the heading has the expected shape (the date may still be invalid). */
  date?: Span;
  /** Why the heading is not a valid day heading; undefined when it is. */
  problem?: 'shape' | 'calendar';
}

export interface Day {
  heading: DayHeading;
  /** The ISO date when the heading is valid, else undefined. */
  date?: string;
  papers: Paper[];
  /** From the heading to the last line before the next `##` heading (or end of file). */
  range: Range;
}

export interface ArxivRef {
  /** `2401.05252`, without version. */
  id: string;
  /** `v2`, when present. */
  version?: string;
  /** Range of `ID[vN]` in the text. */
  range: Range;
}

export interface PaperHeading {
  line: number;
  range: Range;
  /** Text after `### `. */
  content: Span;
  title?: Span;
  url?: Span;
  arxiv?: ArxivRef;
  /** Why the heading does not have the `[Title](https://arxiv.org/abs/ID)` shape. */
  problem?: 'shape' | 'empty-title' | 'not-arxiv' | 'bad-id';
}

export type MediaKind = 'image' | 'video';

export interface Media {
  kind: MediaKind;
  /** The URL the media line points at, if one could be read. */
  url?: Span;
  /** For video: the `<div><video src>` URL. */
  videoSrc?: Span;
  /** Range of the media line(s). */
  range: Range;
  /** Whether `url` is there and reads `text` (compared in place: no span is made). */
  urlIs(text: string): boolean;
}

export interface VoteLine {
  line: number;
  range: Range;
  /** The text after `Vote:`, trimmed, with its range (empty text when nothing follows). */
  value: Span;
  /** The count when value is a non-negative integer. */
  count?: number;
}

export interface Author {
  name: string;
  /** Comparison key: NFC, trimmed, inner spaces collapsed, case-folded. */
  key: string;
  range: Range;
}

export interface AuthorsLine {
  line: number;
  range: Range;
  authors: Author[];
  /** How many names (authors.length, without making the names). */
  readonly count: number;
  /** The i-th name's text and range (authors[i].name and .range, without making any Author). */
  nameOf(i: number): string;
  rangeOf(i: number): Range;
  /** The i-th name's start and end character on the line (rangeOf without making a range). */
  startOf(i: number): number;
  endOf(i: number): number;
  /**
   * For i ≥ 1, where the separator before the i-th name starts: the end of the previous name when
   * only white space and one comma lie between them, else the last comma before the name, so what
   * else lies between (a misplaced `+`, an empty entry) stays when the name is removed with it.
   */
  separatorBefore(i: number): number;
  /** Where the blanks after the i-th name end when a comma or the line's end follows them, else the name's end. */
  blanksAfter(i: number): number;
  /** For each name the index of the first earlier name with the same key, or -1; undefined when none repeats. */
  repeats(): readonly number[] | undefined;
  /** Range of the closing `+` when the list ends with `, +`. */
  truncated?: Range;
}

export interface BareUrl {
  url: string;
  range: Range;
  /** Non-ASCII text glued to the end of the URL, which auto-linking swallows. */
  glued?: Span;
}

export interface Bullet {
  line: number;
  range: Range;
  /** Bullet text after the marker, continuation lines joined by newlines. */
  text: string;
  urls: BareUrl[];
}

export interface LinkProblem {
  kind: 'missing-parens' | 'unclosed-bracket' | 'unclosed-paren' | 'empty-url' | 'space-in-url' | 'bad-scheme';
  /** The offending text. */
  range: Range;
  /** For missing-parens: where the URL starts and ends, so a fix can wrap it. */
  urlRange?: Range;
  text: string;
}

export interface Paper {
  heading: PaperHeading;
  /** From the heading to the last non-blank line of the block. */
  range: Range;
  media: Media[];
  votes: VoteLine[];
  authors: AuthorsLine[];
  bullets: Bullet[];
  /** How many bullets (bullets.length, without making them). */
  readonly bulletCount: number;
  /** The bare URLs of all bullets, in order (each bullet's own are in its `urls`). */
  urls: BareUrl[];
  /** Malformed Markdown link syntax anywhere in the block outside the heading. */
  links: LinkProblem[];
  /** Non-blank lines that are none of the paper's elements. */
  unexpected: Span[];
  /** Thumbnail image URLs that carry an arXiv id, with that id's range. */
  thumbnails: ArxivRef[];
}

export interface Digest {
  text: string;
  /** Offset of each line start in text. */
  lineStarts: Int32Array;
  /** Offsets where each line's content ends (before `\r\n` or `\n`). */
  lineEnds: Int32Array;
  bom: boolean;
  /** The line ending most lines use; fixes write this one. */
  eol: '\n' | '\r\n';
  /** Whether the text holds any `\r`. */
  hasCR: boolean;
  /** True when the first non-blank line is a day heading. */
  isDigest: boolean;
  days: Day[];
  /** Papers that appear before any `##` heading. */
  orphanPapers: Paper[];
  /** Lines outside any paper that fit no element (intro text, stray lines). */
  unexpected: Span[];
  /** The blocks the days and papers were assembled from, in order; an edit re-parses only some. */
  blocks: Block[];
}

/**
 * A run of lines that parses on its own: the lines before the first heading, or a `##`/`###`
 * heading with the lines up to the next one.
 */
export interface Block {
  kind: 'preface' | 'day' | 'paper';
  /** First line. */
  line: number;
  /** Line after the last (the next block's first line, or the line count). */
  end: number;
  heading?: DayHeading;
  paper?: Paper;
  /** For a preface or day block: its stray lines. */
  unexpected: Span[];
  /**
   * For a day block: the day assembled from it and the paper blocks after it, last time. An edit
   * keeps the block object when it does not touch its lines, and the day when its papers are
   * the same objects too, so what was computed for that day (its findings) is kept.
   */
  day?: Day;
}

/** Every paper in document order, orphans first. */
export function allPapers(digest: Digest): Paper[] {
  const out = digest.orphanPapers.slice();
  for (const day of digest.days) for (const p of day.papers) out.push(p);
  return out;
}
