import { parsePaperHeading, parseArxivId } from './headings';
import { isBlank, lineRange, LineSpan, range, skipSpaces, trimEnd } from './lines';
import { scanLinks, toProblem, urlSpan } from './links';
import { parseAuthors } from './authors';
import { findBareUrls, NO_URLS } from './urls';
import type { BareUrl, Bullet, Media, Paper, Range, VoteLine } from './types';

/**
 * A summary bullet with its continuation lines, its extent stored as numbers (bullets are most of
 * a digest's lines); the range is derived on demand.
 */
export class BulletLines implements Bullet {
  urls: BareUrl[] = NO_URLS;
  /** Last line of the bullet and where its text ends there. */
  endLine: number;
  endChar: number;

  constructor(
    /** Moved by incremental re-parsing when lines are inserted above. */
    public line: number,
    readonly start: number,
    endChar: number,
    public text: string,
  ) {
    this.endLine = line;
    this.endChar = endChar;
  }

  get range(): Range {
    return range(this.line, this.start, this.endLine, this.endChar);
  }
}

/** Where a block's lines come from: the whole document text and its line table. */
export interface Source {
  /** The text the offsets point into: the whole document, or a region of it (see base). */
  text: string;
  /** Absolute offsets of each line's start and content end. */
  starts: number[];
  ends: number[];
  /** Offset in the document of `text`'s first character (0 for the whole document). */
  base?: number;
}

/** The content of a line (without its break). */
export function lineOf(src: Source, line: number): string {
  const base = src.base ?? 0;
  return src.text.slice(src.starts[line] - base, src.ends[line] - base);
}

const THUMBNAIL = 'cdn-thumbnails.huggingface.co/social-thumbnails/papers/';
const VIDEO_SRC = /\bsrc\s*=\s*"([^"]*)"/;
const NON_NEGATIVE_INT = /^\d+$/;

function isBulletStart(s: string, at: number): number {
  const c = s.charCodeAt(at);
  if (c !== 45 && c !== 42 && c !== 43) return -1; // - * +
  const next = s.charCodeAt(at + 1);
  if (at + 1 === s.length) return at + 1;
  return next === 32 || next === 9 ? at + 2 : -1;
}

/**
 * Parses one paper block: its `###` heading line and the lines up to (not including) `end`.
 * A block depends on nothing outside its lines, so an edit can re-parse only the blocks it touched.
 */
export function parsePaper(src: Source, headingLine: number, end: number, firstLineOffset = 0): Paper {
  const hs = lineOf(src, headingLine);
  const heading = parsePaperHeading(hs, firstLineOffset, headingLine);
  const paper: Paper = {
    heading,
    range: lineRange(headingLine, heading.range.start.character, heading.range.end.character),
    media: [],
    votes: [],
    authors: [],
    bullets: [],
    links: [],
    unexpected: [],
    thumbnails: [],
  };
  let lastNonBlank = headingLine;
  let bullet: BulletLines | undefined;
  let blankSinceBullet = false;

  for (let line = headingLine + 1; line < end; line++) {
    const s = lineOf(src, line);
    if (isBlank(s)) {
      if (bullet) blankSinceBullet = true;
      continue;
    }
    lastNonBlank = line;
    const at = skipSpaces(s);
    const endChar = trimEnd(s);
    const marker = isBulletStart(s, at);

    if (marker !== -1) {
      bullet = new BulletLines(line, at, endChar, s.slice(marker, endChar));
      paper.bullets.push(bullet);
      blankSinceBullet = false;
      scanProse(paper, bullet, s, line);
      continue;
    }
    // Indented lines after a bullet, and lazy continuation lines right under one, belong to it.
    if (bullet && (at > 0 || (!blankSinceBullet && !startsElement(s, at)))) {
      bullet.text += '\n' + s.slice(at, endChar);
      bullet.endLine = line;
      bullet.endChar = endChar;
      blankSinceBullet = false;
      scanProse(paper, bullet, s, line);
      continue;
    }
    bullet = undefined;
    blankSinceBullet = false;

    if (s.startsWith('Vote:', at)) {
      paper.votes.push(parseVote(s, at, endChar, line));
    } else if (s.startsWith('Authors:', at)) {
      paper.authors.push(parseAuthors(s, at, endChar, line));
    } else if (s.startsWith('![', at)) {
      readImage(paper, s, line, at, endChar);
    } else if (startsWatchVideo(s, at)) {
      readVideoLink(paper, s, line, at, endChar);
    } else if (s.startsWith('<div><video', at) || s.startsWith('<video', at)) {
      readVideoTag(paper, s, line, at, endChar);
    } else {
      paper.unexpected.push(new LineSpan(s.slice(at, endChar), line, at, endChar));
      addLinkProblems(paper, s, line, false);
    }
  }
  if (lastNonBlank !== headingLine) {
    const last = lineOf(src, lastNonBlank);
    paper.range = range(headingLine, heading.range.start.character, lastNonBlank, trimEnd(last));
  }
  return paper;
}

function startsElement(s: string, at: number): boolean {
  return (
    s.startsWith('Vote:', at) || s.startsWith('Authors:', at) || s.startsWith('![', at) ||
    startsWatchVideo(s, at) || s.startsWith('<div><video', at) || s.startsWith('<video', at)
  );
}

function startsWatchVideo(s: string, at: number): boolean {
  return s.length - at >= 13 && s.slice(at, at + 13).toLowerCase() === '[watch video]';
}

function parseVote(s: string, at: number, endChar: number, line: number): VoteLine {
  const va = skipSpaces(s, at + 5);
  const vb = Math.max(va, endChar);
  const text = s.slice(va, vb);
  const vote: VoteLine = {
    line,
    range: lineRange(line, at, endChar),
    value: text ? new LineSpan(text, line, va, vb) : new LineSpan(text, line, at, at + 5),
  };
  if (NON_NEGATIVE_INT.test(text) && text.length <= 15) vote.count = Number(text);
  return vote;
}

function addLinkProblems(paper: Paper, s: string, line: number, strict: boolean): void {
  for (const link of scanLinks(s, strict)) {
    const p = toProblem(link, s, line, 0);
    if (p) paper.links.push(p);
  }
}

function readImage(paper: Paper, s: string, line: number, at: number, endChar: number): void {
  const links = scanLinks(s, true);
  const media: Media = { kind: 'image', range: lineRange(line, at, endChar) };
  const first = links[0];
  if (first) {
    media.url = urlSpan(first, line, 0);
    const u = media.url?.text;
    const k = u ? u.indexOf(THUMBNAIL) : -1;
    if (u && k !== -1 && media.url) {
      const rest = u.slice(k + THUMBNAIL.length);
      const dot = rest.lastIndexOf('.');
      const idText = dot === -1 ? rest : rest.slice(0, dot);
      const startChar = media.url.range.start.character + k + THUMBNAIL.length;
      const ref = parseArxivId(idText, line, startChar);
      if (ref) paper.thumbnails.push(ref);
    }
  }
  for (const link of links) {
    const p = toProblem(link, s, line, 0);
    if (p) paper.links.push(p);
  }
  paper.media.push(media);
}

function readVideoLink(paper: Paper, s: string, line: number, at: number, endChar: number): void {
  const links = scanLinks(s, true);
  const media: Media = { kind: 'video', range: lineRange(line, at, endChar) };
  if (links[0]) media.url = urlSpan(links[0], line, 0);
  for (const link of links) {
    const p = toProblem(link, s, line, 0);
    if (p) paper.links.push(p);
  }
  paper.media.push(media);
}

function readVideoTag(paper: Paper, s: string, line: number, at: number, endChar: number): void {
  const m = VIDEO_SRC.exec(s.slice(at, endChar));
  let src;
  if (m) {
    const start = at + m.index + m[0].length - 1 - m[1].length;
    src = new LineSpan(m[1], line, start, start + m[1].length);
  }
  const last = paper.media[paper.media.length - 1];
  if (last && last.kind === 'video' && !last.videoSrc && last.range.end.line === line - 1) {
    last.videoSrc = src;
    last.range = range(last.range.start.line, last.range.start.character, line, endChar);
    return;
  }
  paper.media.push({ kind: 'video', videoSrc: src, range: lineRange(line, at, endChar) });
}

function scanProse(paper: Paper, bullet: Bullet, s: string, line: number): void {
  bullet.urls = findBareUrls(s, line, bullet.urls);
  addLinkProblems(paper, s, line, false);
}
