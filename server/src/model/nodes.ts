import { lineRange, range, type LineSpan } from './lines';
import type {
  ArxivRef, AuthorsLine, Author, Bullet, DayHeading, LinkProblem, Media, MediaKind, Paper, PaperHeading, Range, Span,
  VoteLine,
} from './types';

/*
 * The model's nodes keep their extent as numbers and derive their LSP range on demand. A year of
 * digests has tens of thousands of papers; with a range object and two position objects for each
 * heading, vote, authors line and media line, most of a parse was allocating them and most of the
 * rest was the garbage collector moving them. Each node serialises like the plain interface it
 * implements (`toJSON`), so a model still prints as `{ …, range }`.
 */

/** The shared empty list of a node that has none of something; never pushed to (frozen). */
export const NONE: never[] = Object.freeze([]) as unknown as never[];

/** Appends to a node's list, making it on the first item (sized for one: most lists hold one). */
export function append<T>(list: T[], item: T): T[] {
  if (list === NONE) return [item];
  list.push(item);
  return list;
}

export class ArxivNode implements ArxivRef {
  constructor(
    readonly id: string,
    readonly version: string | undefined,
    public line: number,
    readonly start: number,
    readonly end: number,
  ) {}

  get range(): Range {
    return lineRange(this.line, this.start, this.end);
  }

  toJSON(): ArxivRef {
    return { id: this.id, version: this.version, range: this.range };
  }
}

export class DayHeadingNode implements DayHeading {
  date?: LineSpan;
  problem?: 'shape' | 'calendar';

  constructor(
    public line: number,
    readonly start: number,
    readonly end: number,
    readonly content: LineSpan,
  ) {}

  get range(): Range {
    return lineRange(this.line, this.start, this.end);
  }

  toJSON(): DayHeading {
    return { line: this.line, range: this.range, content: this.content, date: this.date, problem: this.problem };
  }
}

export class PaperHeadingNode implements PaperHeading {
  title?: LineSpan;
  url?: LineSpan;
  arxiv?: ArxivNode;
  problem?: PaperHeading['problem'];

  constructor(
    public line: number,
    readonly start: number,
    readonly end: number,
    readonly content: LineSpan,
  ) {}

  get range(): Range {
    return lineRange(this.line, this.start, this.end);
  }

  toJSON(): PaperHeading {
    const { line, range, content, title, url, arxiv, problem } = this;
    return { line, range, content, title, url, arxiv, problem };
  }
}

export class MediaNode implements Media {
  url?: LineSpan;
  videoSrc?: LineSpan;
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

  toJSON(): Media {
    return { kind: this.kind, url: this.url, videoSrc: this.videoSrc, range: this.range };
  }
}

export class VoteNode implements VoteLine {
  count?: number;

  constructor(
    public line: number,
    readonly start: number,
    readonly end: number,
    readonly value: LineSpan,
  ) {}

  get range(): Range {
    return lineRange(this.line, this.start, this.end);
  }

  toJSON(): VoteLine {
    return { line: this.line, range: this.range, value: this.value, count: this.count };
  }
}

export class AuthorsNode implements AuthorsLine {
  authors: Author[] = NONE;
  truncated?: Range;

  constructor(
    public line: number,
    readonly start: number,
    readonly end: number,
  ) {}

  get range(): Range {
    return lineRange(this.line, this.start, this.end);
  }

  toJSON(): AuthorsLine {
    return { line: this.line, range: this.range, authors: this.authors, truncated: this.truncated };
  }
}

export class PaperNode implements Paper {
  media: MediaNode[] = NONE;
  votes: VoteNode[] = NONE;
  authors: AuthorsNode[] = NONE;
  bullets: Bullet[] = NONE;
  links: LinkProblem[] = NONE;
  unexpected: Span[] = NONE;
  thumbnails: ArxivNode[] = NONE;
  /** Last non-blank line of the block and where its text ends. */
  endLine: number;
  endChar: number;

  constructor(readonly heading: PaperHeadingNode) {
    this.endLine = heading.line;
    this.endChar = heading.end;
  }

  get range(): Range {
    return range(this.heading.line, this.heading.start, this.endLine, this.endChar);
  }

  toJSON(): Paper {
    const { heading, range, media, votes, authors, bullets, links, unexpected, thumbnails } = this;
    return { heading, range, media, votes, authors, bullets, links, unexpected, thumbnails };
  }
}
