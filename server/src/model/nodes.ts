import { isPlainAscii, isSpace, Name, noRepeats, PAIRWISE, repeatsOf, sameAscii, sameKey } from './authors';
import { lineRange, LineSpan, moved, range } from './lines';
import { append, NONE } from './lists';

export { append, NONE };
import { BulletLines, bulletText } from './paper';
import type {
  ArxivRef, AuthorsLine, Author, BareUrl, Bullet, Day, DayHeading, LinkProblem, Media, MediaKind, Paper, PaperHeading, Range, Span,
  VoteLine,
} from './types';

/*
 * The model's nodes keep their extent as numbers and derive their LSP range on demand. A year of
 * digests has tens of thousands of papers; with a range object and two position objects for each
 * heading, vote, authors line and media line, most of a parse was allocating them and most of the
 * rest was the garbage collector moving them. Each node serialises like the plain interface it
 * implements (`toJSON`), so a model still prints as `{ …, range }`.
 */

/*
 * Fields are plain assignments in the constructor (`useDefineForClassFields: false` in
 * tsconfig.json): defining class fields as own properties cost a seventh of a parse on Node 20.
 * Optional fields are set to undefined there too, so every node of a class keeps one shape.
 */

/** A node on one line: its line and the characters it spans there. */
abstract class OnLine {
  constructor(
    /** Moved by incremental re-parsing when lines are inserted above. */
    public line: number,
    readonly start: number,
    readonly end: number,
  ) {}

  get range(): Range {
    return lineRange(this.line, this.start, this.end);
  }
}

export class ArxivNode extends OnLine implements ArxivRef {
  constructor(
    readonly id: string,
    readonly version: string | undefined,
    line: number,
    start: number,
    end: number,
  ) {
    super(line, start, end);
  }

  toJSON(): ArxivRef {
    return { id: this.id, version: this.version, range: this.range };
  }
}

export class DayHeadingNode extends OnLine implements DayHeading {
  date?: LineSpan = undefined;
  problem?: 'shape' | 'calendar' = undefined;

  constructor(
    line: number,
    start: number,
    end: number,
    readonly content: LineSpan,
  ) {
    super(line, start, end);
  }

  toJSON(): DayHeading {
    return { line: this.line, range: this.range, content: this.content, date: this.date, problem: this.problem };
  }
}

/** A piece of a node's line, its span made when asked for: [start, end) of `src` from `at`. */
function span(src: string, at: number, line: number, start: number, end: number): LineSpan {
  return new LineSpan(src.slice(at + start, at + end), line, start, end);
}

/**
 * A `###` line. Its content, title and URL are kept as character offsets (-1 when absent) and
 * made into spans when asked for: every paper has them, and few are ever read.
 */
export class PaperHeadingNode extends OnLine implements PaperHeading {
  arxiv?: ArxivNode = undefined;
  problem?: PaperHeading['problem'] = undefined;
  titleStart = -1;
  titleEnd = -1;
  /** The title's text is trimmed of white space other than spaces and tabs at either end. */
  titleTrimmed = false;
  urlStart = -1;
  urlEnd = -1;

  constructor(
    /** The heading's line. */
    private readonly src: string,
    line: number,
    start: number,
    end: number,
    readonly contentStart: number,
    readonly contentEnd: number,
  ) {
    super(line, start, end);
  }

  get content(): LineSpan {
    return span(this.src, 0, this.line, this.contentStart, this.contentEnd);
  }

  get title(): LineSpan | undefined {
    if (this.titleStart === -1) return undefined;
    // An empty title's range is its `[]`, and its text empty.
    if (this.problem === 'empty-title') return new LineSpan('', this.line, this.titleStart, this.titleEnd);
    const text = this.src.slice(this.titleStart, this.titleEnd);
    return new LineSpan(this.titleTrimmed ? text.trim() : text, this.line, this.titleStart, this.titleEnd);
  }

  get url(): LineSpan | undefined {
    return this.urlStart === -1 ? undefined : span(this.src, 0, this.line, this.urlStart, this.urlEnd);
  }

  toJSON(): PaperHeading {
    const { line, range, content, title, url, arxiv, problem } = this;
    return { line, range, content, title, url, arxiv, problem };
  }
}

export class MediaNode implements Media {
  videoSrc?: LineSpan = undefined;
  /** The link's URL on the first line (made into a span when asked for), or -1. */
  private src = '';
  /** Offset in `src` of the line's start. */
  private at = 0;
  private urlStart = -1;
  private urlEnd = -1;
  /** Last line (a `[Watch Video]` line and its `<video>` line make one media) and its end. */
  endLine: number;
  endChar: number;

  constructor(
    readonly kind: MediaKind,
    public line: number,
    readonly start: number,
    endChar: number,
  ) {
    this.endLine = line;
    this.endChar = endChar;
  }

  get range(): Range {
    return range(this.line, this.start, this.endLine, this.endChar);
  }

  get url(): LineSpan | undefined {
    return this.urlStart === -1 ? undefined : span(this.src, this.at, this.line, this.urlStart, this.urlEnd);
  }

  urlIs(text: string): boolean {
    return this.urlStart !== -1 && this.urlEnd - this.urlStart === text.length && this.src.startsWith(text, this.at + this.urlStart);
  }

  /** Sets the URL: characters [start, end) of the first line, which starts at offset `at` of `s`. */
  setUrl(s: string, start: number, end: number, at = 0): void {
    this.src = s;
    this.at = at;
    this.urlStart = start;
    this.urlEnd = end;
  }

  toJSON(): Omit<Media, 'urlIs'> {
    return { kind: this.kind, url: this.url, videoSrc: this.videoSrc, range: this.range };
  }
}

export class VoteNode extends OnLine implements VoteLine {
  count?: number = undefined;

  constructor(
    /** The text the line was read from, and the offset of the line's start in it. */
    private readonly src: string,
    private readonly at: number,
    line: number,
    start: number,
    end: number,
    /** Where the value is on the line (equal when nothing follows `Vote:`). */
    private readonly valueStart: number,
    private readonly valueEnd: number,
  ) {
    super(line, start, end);
  }

  /** The text after `Vote:`, trimmed; with nothing there, empty text over the `Vote:` itself. */
  get value(): LineSpan {
    if (this.valueStart === this.valueEnd) return new LineSpan('', this.line, this.start, this.start + 5);
    return span(this.src, this.at, this.line, this.valueStart, this.valueEnd);
  }

  toJSON(): VoteLine {
    return { line: this.line, range: this.range, value: this.value, count: this.count };
  }
}

/**
 * An `Authors:` line. Its names are kept as numbers (start, end, key hash per name) and made into
 * Name objects only when asked for: a year of digests has tens of thousands of names, which the
 * rules compare by hash and the editor shows a few at a time.
 */
export class AuthorsNode extends OnLine implements AuthorsLine {
  truncated?: Range = undefined;
  private names?: Name[] = undefined;
  /** Per name: start and end character, then its key hash (see Name.hash), from `first` in `spans`. */
  private readonly spans: Int32Array;
  private readonly first: number;
  readonly count: number;

  constructor(
    /** The text the line was read from, and the offset of the line's start in it. */
    private readonly src: string,
    private readonly at: number,
    line: number,
    start: number,
    end: number,
    /** Three numbers per name, as above, in spans[first, first + n): a run the node owns (see numbers.ts). */
    spans: Int32Array,
    first: number,
    n: number,
    /** Whether every name is plain (printable ASCII words, single spaces): read so by the parser. */
    private readonly plain: boolean,
  ) {
    super(line, start, end);
    this.spans = spans;
    this.first = first;
    this.count = n / 3;
  }

  get authors(): Author[] {
    if (this.names) return this.names;
    const out: Name[] = [];
    for (let i = 0; i < this.count; i++) out.push(this.make(i));
    return (this.names = out);
  }

  private make(i: number): Name {
    const k = this.first + 3 * i;
    const a = this.spans[k];
    const b = this.spans[k + 1];
    return new Name(this.src.slice(this.at + a, this.at + b), this.line, a, b, this.spans[k + 2]);
  }

  /** For each name the index of the first earlier one with the same key, or -1; undefined when none repeats. */
  repeats(): number[] | undefined {
    const n = this.count;
    if (n < 2) return undefined;
    if (n > PAIRWISE) return repeatsOf(this.authors);
    let out: number[] | undefined;
    const spans = this.spans;
    const hashes = this.first + 2;
    for (let i = 1; i < n; i++) {
      const h = spans[hashes + 3 * i];
      for (let j = 0; j < i; j++) {
        if (spans[hashes + 3 * j] !== h) continue;
        // Equal hashes: compare the keys themselves (nearly always the same name again).
        if (this.sameNames(i, j)) {
          (out ??= noRepeats(n))[i] = j;
          break;
        }
      }
    }
    return out;
  }

  /**
   * Whether names i and j have the same key. Two plain names (printable ASCII words, single
   * spaces) are compared where they stand, ignoring ASCII case: that is their keys' comparison,
   * without cutting them out. On a line the parser read as plain every name is; on another each
   * is checked. Any other pair is compared by sameKey.
   */
  private sameNames(i: number, j: number): boolean {
    const k = this.first + 3 * i;
    const m = this.first + 3 * j;
    const src = this.src;
    const p = this.at + this.spans[k];
    const q = this.at + this.spans[m];
    const n = this.spans[k + 1] - this.spans[k];
    const sameLength = n === this.spans[m + 1] - this.spans[m];
    if (this.plain) return sameLength && sameAscii(src, p, src, q, n);
    if (sameLength && isPlainAscii(src, p, p + n) && isPlainAscii(src, q, q + n)) {
      return sameAscii(src, p, src, q, n);
    }
    return sameKey(this.nameOf(i), this.nameOf(j));
  }

  nameOf(i: number): string {
    if (this.names) return this.names[i].name;
    const k = this.first + 3 * i;
    return this.src.slice(this.at + this.spans[k], this.at + this.spans[k + 1]);
  }

  rangeOf(i: number): Range {
    const k = this.first + 3 * i;
    return lineRange(this.line, this.spans[k], this.spans[k + 1]);
  }

  startOf(i: number): number {
    return this.spans[this.first + 3 * i];
  }

  endOf(i: number): number {
    return this.spans[this.first + 3 * i + 1];
  }

  separatorBefore(i: number): number {
    const k = this.first + 3 * i;
    const prev = this.spans[k - 2]; // where name i - 1 ends
    const src = this.src;
    const at = this.at;
    let comma = this.spans[k] - 1;
    while (comma > prev && src.charCodeAt(at + comma) !== 44 /* , */) comma--;
    let from = comma;
    while (from > prev && isSpace(src.charCodeAt(at + from - 1))) from--;
    return from === prev ? prev : comma;
  }

  /**
   * Where the blanks after name i end when a comma or the line's end follows them, so removing
   * a repeat with its separator leaves no blanks behind (`A,  A  , +` → `A, +`); else its end.
   */
  blanksAfter(i: number): number {
    const end = this.spans[this.first + 3 * i + 1];
    let to = end;
    while (to < this.end && isSpace(this.src.charCodeAt(this.at + to))) to++;
    return to === this.end || this.src.charCodeAt(this.at + to) === 44 /* , */ ? to : end;
  }

  /** Moves the line (and its names, if made) by d lines. */
  move(d: number): void {
    this.line += d;
    if (this.names) for (const a of this.names) a.line += d;
    if (this.truncated) this.truncated = moved(this.truncated, d);
  }

  toJSON(): AuthorsLine {
    return { line: this.line, range: this.range, authors: this.authors, truncated: this.truncated } as AuthorsLine;
  }
}

const NO_NUMBERS = new Int32Array(0);

export class PaperNode implements Paper {
  media: MediaNode[] = NONE;
  votes: VoteNode[] = NONE;
  authors: AuthorsNode[] = NONE;
  links: LinkProblem[] = NONE;
  unexpected: Span[] = NONE;
  thumbnails: ArxivNode[] = NONE;
  /** Bare URLs in the bullets, in order. */
  urls: BareUrl[] = NONE;
  /**
   * Per bullet: first line, its start character, last line, its end character, and the offsets in
   * `src` where the bullet's text starts and ends, from `bulletsAt` in `bulletSpans` (see
   * numbers.ts). Bullets are most of a digest's lines and the rules only count them: they are
   * made into objects when asked for.
   */
  private bulletSpans: Int32Array = NO_NUMBERS;
  private bulletsAt = 0;
  bulletCount = 0;
  /** Last non-blank line of the block and where its text ends. */
  endLine: number;
  endChar: number;
  private made?: BulletLines[] = undefined;

  constructor(
    readonly heading: PaperHeadingNode,
    /** The text the block was read from. */
    private readonly src: string,
  ) {
    this.endLine = heading.line;
    this.endChar = heading.end;
  }

  get range(): Range {
    return range(this.heading.line, this.heading.start, this.endLine, this.endChar);
  }

  /** Sets the bullets' numbers (six per bullet, as above): chunk[at, at + n), a run the paper owns (see numbers.ts). */
  setBullets(chunk: Int32Array, at: number, n: number): void {
    this.bulletSpans = chunk;
    this.bulletsAt = at;
    this.bulletCount = n / 6;
  }

  get bullets(): Bullet[] {
    if (this.made) return this.made;
    const out: BulletLines[] = [];
    const b = this.bulletSpans;
    let u = 0;
    for (let i = this.bulletsAt; i < this.bulletsAt + 6 * this.bulletCount; i += 6) {
      let urls: BareUrl[] = NONE;
      while (u < this.urls.length && this.urls[u].range.start.line <= b[i + 2]) urls = append(urls, this.urls[u++]);
      out.push(new BulletLines(b[i], b[i + 1], b[i + 2], b[i + 3], bulletText(this.src, b[i + 4], b[i + 5]), urls));
    }
    return (this.made = out);
  }

  /** Moves the paper by d lines. */
  move(d: number): void {
    this.endLine += d;
    const b = this.bulletSpans;
    for (let i = this.bulletsAt; i < this.bulletsAt + 6 * this.bulletCount; i += 6) {
      b[i] += d;
      b[i + 2] += d;
    }
    if (this.made) {
      for (const x of this.made) {
        x.line += d;
        x.endLine += d;
      }
    }
  }

  toJSON(): Paper {
    const { heading, range, media, votes, authors, bullets, links, unexpected, thumbnails, urls, bulletCount } = this;
    return { heading, range, media, votes, authors, bullets, links, unexpected, thumbnails, urls, bulletCount };
  }
}

/** A day: its heading, the stray lines under it and the papers up to the next `##`. */
export class DayNode implements Day {
  readonly date: string | undefined;

  constructor(
    readonly heading: DayHeading,
    readonly papers: Paper[],
    /** The stray lines between the heading and the first paper. */
    private readonly strays: readonly Span[],
  ) {
    this.date = heading.problem ? undefined : heading.date?.text;
  }

  /** From the heading to the end of its last paper (or stray line): derived, so a moved day needs no update. */
  get range(): Range {
    const start = this.heading.range.start;
    const last = this.papers[this.papers.length - 1];
    const end = last ? last.range.end : this.strays.length ? this.strays[this.strays.length - 1].range.end : this.heading.range.end;
    return { start: { line: start.line, character: start.character }, end: { line: end.line, character: end.character } };
  }

  toJSON(): Day {
    return { heading: this.heading, date: this.date, papers: this.papers, range: this.range };
  }
}
