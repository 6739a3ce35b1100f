import { parsePaperHeading, parseArxivId } from './headings';
import { isBlank, LineSpan, range } from './lines';
import { isWatchVideo, scanLinks, toProblem, type FoundLink } from './links';
import { parseAuthors } from './authors';
import { append, MediaNode, PaperNode, VoteNode } from './nodes';
import { NumberRuns } from './numbers';
import { findBareUrls } from './urls';
import type { BareUrl, Bullet, Paper, Range } from './types';

/** A summary bullet with its continuation lines, made on demand from the paper's numbers. */
export class BulletLines implements Bullet {
  constructor(
    public line: number,
    readonly start: number,
    public endLine: number,
    public endChar: number,
    readonly text: string,
    public urls: BareUrl[],
  ) {}

  get range(): Range {
    return range(this.line, this.start, this.endLine, this.endChar);
  }

  toJSON(): Bullet {
    return { line: this.line, range: this.range, text: this.text, urls: this.urls };
  }
}

/** Where a block's lines come from: the whole document text and its line table. */
export interface Source {
  /** The text the offsets point into: the whole document, or a region of it (see base). */
  text: string;
  /** Absolute offsets of each line's start and content end. */
  starts: Int32Array;
  ends: Int32Array;
  /** Offset in the document of `text`'s first character (0 for the whole document). */
  base?: number;
}

/** The content of a line (without its break). */
export function lineOf(src: Source, line: number): string {
  const base = src.base ?? 0;
  return src.text.slice(src.starts[line] - base, src.ends[line] - base);
}

const THUMBNAIL = 'cdn-thumbnails.huggingface.co/social-thumbnails/papers/';
/** The `src` attribute (not `data-src`), in any case, quoted either way. */
const VIDEO_SRC = /(?:^|[\s<])src\s*=\s*(?:"([^"]*)"|'([^']*)')/i;

/**
 * Parses one paper block: its `###` heading line and the lines up to (not including) `end`.
 * A block depends on nothing outside its lines, so an edit can re-parse only the blocks it touched.
 * Lines are read in place in the source text: only the lines that are elements other than bullets
 * are cut out, and bullets are searched for `[` and `http` by one running search per block,
 * so most summary text is looked at by indexOf alone.
 */
export function parsePaper(src: Source, headingLine: number, end: number, firstLineOffset = 0): Paper {
  const text = src.text;
  const base = src.base ?? 0;
  const heading = parsePaperHeading(lineOf(src, headingLine), firstLineOffset, headingLine);
  const paper = new PaperNode(heading, text);
  // The bullets' numbers are written in place as a run of BULLETS (see numbers.ts): from `first`
  // of `bullets`, `used` so far.
  let bullets = BULLETS.chunk;
  let first = BULLETS.at;
  let used = 0;
  let bullet = -1; // index in the run of the current bullet's numbers
  let blankSinceBullet = false;
  // Where the next `[` and `://` are, from the block's second line on. A bare URL starts
  // `http://` or `https://`, so only a line holding `://` can have one; searching for `://`
  // instead of `http` takes half as long (`h` is common in English text, `:` is not).
  let nextBracket = -2;
  let nextScheme = -2;

  for (let line = headingLine + 1; line < end; line++) {
    const ls = src.starts[line] - base;
    const le = src.ends[line] - base;
    let a = ls;
    while (a < le && (text.charCodeAt(a) === 32 || text.charCodeAt(a) === 9)) a++;
    if (a === le || (text.charCodeAt(a) === 0xfeff && isBlank(text.slice(a, le)))) {
      if (bullet !== -1) blankSinceBullet = true;
      continue;
    }
    let e = le;
    while (e > a && (text.charCodeAt(e - 1) === 32 || text.charCodeAt(e - 1) === 9)) e--;
    const at = a - ls;
    const endChar = e - ls;
    paper.endLine = line;
    paper.endChar = endChar;
    const marker = bulletMarkerEnd(text, a, le);
    const continues = marker === -1 && bullet !== -1 && (at > 0 || (!blankSinceBullet && !startsElement(text, a, le)));
    if (marker !== -1 || continues) {
      if (marker !== -1) {
        if (first + used + 6 > bullets.length) {
          bullets = BULLETS.room(used, 6);
          first = BULLETS.at;
        }
        bullet = used;
        const k = first + used;
        bullets[k] = line;
        bullets[k + 1] = at;
        bullets[k + 2] = line;
        bullets[k + 3] = endChar;
        bullets[k + 4] = marker;
        bullets[k + 5] = e;
        used += 6;
      } else {
        const k = first + bullet;
        bullets[k + 2] = line;
        bullets[k + 3] = endChar;
        bullets[k + 5] = e;
      }
      blankSinceBullet = false;
      // Prose: only a line holding `[` or `://` is cut out and scanned.
      if (nextBracket !== -1 && nextBracket < ls) nextBracket = text.indexOf('[', ls);
      if (nextScheme !== -1 && nextScheme < ls) nextScheme = text.indexOf('://', ls);
      const bracket = nextBracket !== -1 && nextBracket < le;
      const http = nextScheme !== -1 && nextScheme < le;
      if (bracket || http) {
        const s = text.slice(ls, le);
        if (http) paper.urls = findBareUrls(s, line, paper.urls);
        if (bracket) addLinkProblems(paper, s, line, false);
      }
      continue;
    }
    bullet = -1;
    blankSinceBullet = false;

    if (text.startsWith('Vote:', a)) {
      paper.votes = append(paper.votes, parseVote(text, ls, at, endChar, line));
    } else if (text.startsWith('Authors:', a)) {
      paper.authors = append(paper.authors, parseAuthors(text, ls, at, endChar, line));
    } else if (text.startsWith('![', a)) {
      const close = simpleLink(text, a + 1, le);
      if (close !== -1) addImage(paper, text, ls, line, at, endChar, text.indexOf('](', a) + 2 - ls, close - ls);
      else readImage(paper, text.slice(ls, le), line, at, endChar);
    } else if (startsWatchVideo(text, a, le)) {
      const close = simpleLink(text, a, le);
      if (close !== -1) addVideoLink(paper, text, ls, line, at, endChar, text.indexOf('](', a) + 2 - ls, close - ls);
      else readVideoLink(paper, text.slice(ls, le), line, at, endChar);
    } else if (text.startsWith('<div><video', a) || text.startsWith('<video', a)) {
      readVideoTag(paper, text.slice(ls, le), line, at, endChar);
    } else {
      const s = text.slice(ls, le);
      paper.unexpected = append(paper.unexpected, new LineSpan(s.slice(at, endChar), line, at, endChar));
      addLinkProblems(paper, s, line, false);
    }
  }
  if (used) {
    paper.setBullets(bullets, first, used);
    BULLETS.end(used);
  }
  return paper;
}

/** Where the bullets' numbers are written: six per bullet, one run per paper. */
const BULLETS = new NumberRuns();

/**
 * A bullet's text from the source: from after its marker on its first line, then each further
 * non-blank line trimmed, joined by newlines (what the parser reads as the bullet).
 */
export function bulletText(src: string, from: number, to: number): string {
  let out = '';
  let at = from;
  let first = true;
  while (at <= to) {
    let nl = at;
    while (nl < to && src.charCodeAt(nl) !== 10 && src.charCodeAt(nl) !== 13) nl++;
    let a = at;
    let b = nl;
    // The first line keeps what follows its marker; every line loses its trailing blanks.
    if (!first) while (a < b && (src.charCodeAt(a) === 32 || src.charCodeAt(a) === 9)) a++;
    while (b > a && (src.charCodeAt(b - 1) === 32 || src.charCodeAt(b - 1) === 9)) b--;
    if (first) out = src.slice(a, b);
    else if (a < b && !isBlank(src.slice(a, b))) out += '\n' + src.slice(a, b);
    first = false;
    if (nl >= to) break;
    at = nl + (src.charCodeAt(nl) === 13 && src.charCodeAt(nl + 1) === 10 ? 2 : 1);
  }
  return out;
}

/** Offset just past a bullet marker (`-`, `*` or `+` and a space, or alone) at `a`, else -1. */
function bulletMarkerEnd(text: string, a: number, le: number): number {
  const c = text.charCodeAt(a);
  if (c !== 45 && c !== 42 && c !== 43) return -1; // - * +
  if (a + 1 === le) return a + 1;
  const next = text.charCodeAt(a + 1);
  return next === 32 || next === 9 ? a + 2 : -1;
}

function startsElement(text: string, a: number, le: number): boolean {
  return (
    text.startsWith('Vote:', a) || text.startsWith('Authors:', a) || text.startsWith('![', a) ||
    startsWatchVideo(text, a, le) || text.startsWith('<div><video', a) || text.startsWith('<video', a)
  );
}

/** `[Watch Video]` in any case at `a` (the label the malformed-link fix reads the same way). */
function startsWatchVideo(text: string, a: number, le: number): boolean {
  return le - a >= 13 && text.charCodeAt(a) === 91 && text.charCodeAt(a + 12) === 93 && isWatchVideo(text.slice(a + 1, a + 12));
}

function parseVote(text: string, ls: number, at: number, endChar: number, line: number): VoteNode {
  let va = at + 5;
  while (va < endChar && (text.charCodeAt(ls + va) === 32 || text.charCodeAt(ls + va) === 9)) va++;
  const vb = Math.max(va, endChar);
  const vote = new VoteNode(text, ls, line, at, endChar, va, vb);
  if (vb > va && vb - va <= 15 && allDigits(text, ls + va, ls + vb)) vote.count = Number(text.slice(ls + va, ls + vb));
  return vote;
}

function allDigits(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function addLinkProblems(paper: PaperNode, s: string, line: number, strict: boolean): void {
  addProblems(paper, scanLinks(s, strict), s, line);
}

/**
 * A media line that yields no URL (`![x]`, `[Watch Video]` alone, `<video>` without `src`) is no
 * media: the paper is missing its media. Its broken link syntax is reported as such; a line
 * without any is an unexpected line.
 */
function notMedia(paper: PaperNode, s: string, line: number, at: number, endChar: number, links: FoundLink[]): void {
  const before = paper.links.length;
  addProblems(paper, links, s, line);
  if (paper.links.length === before) paper.unexpected = append(paper.unexpected, new LineSpan(s.slice(at, endChar), line, at, endChar));
}

function addProblems(paper: PaperNode, links: FoundLink[], s: string, line: number): void {
  for (const link of links) {
    const p = toProblem(link, s, line, 0);
    if (p) paper.links = append(paper.links, p);
  }
}

/**
 * The common media line: `[label](http(s)://URL)` from the `[` at `open` to the line's end (at
 * `le`), with no `[` or `\\` in the label, no blank, `(`, `\\` or non-ASCII in the URL and no `[`
 * after it. Returns the offset of its `)`, else -1. On such a line scanLinks finds just this link,
 * without a problem, its URL between `](` and `)`: the line is read without it.
 */
function simpleLink(text: string, open: number, le: number): number {
  const close = text.indexOf(']', open + 1);
  if (close === -1 || close + 1 >= le || text.charCodeAt(close + 1) !== 40 /* ( */) return -1;
  for (let i = open + 1; i < close; i++) {
    const c = text.charCodeAt(i);
    if (c === 91 || c === 92) return -1;
  }
  const a = close + 2;
  if (!(text.startsWith('https://', a) || text.startsWith('http://', a))) return -1;
  let p = a;
  for (; p < le; p++) {
    const c = text.charCodeAt(p);
    if (c === 41 /* ) */) break;
    if (c <= 32 || c >= 127 || c === 40 || c === 92) return -1;
  }
  if (p === le) return -1;
  for (let i = p + 1; i < le; i++) if (text.charCodeAt(i) === 91) return -1;
  return p;
}

function readImage(paper: PaperNode, s: string, line: number, at: number, endChar: number): void {
  const links = scanLinks(s, true);
  const url = links[0]?.url;
  if (!url) return notMedia(paper, s, line, at, endChar, links);
  addImage(paper, s, 0, line, at, endChar, url.start, url.end);
  addProblems(paper, links, s, line);
}

/** An image whose URL is characters [start, end) of the line at offset `ls` of `src`. */
function addImage(paper: PaperNode, src: string, ls: number, line: number, at: number, endChar: number, start: number, end: number): void {
  const media = new MediaNode('image', line, at, endChar);
  media.setUrl(src, start, end, ls);
  const u = src.slice(ls + start, ls + end);
  const k = u.indexOf(THUMBNAIL);
  if (k !== -1) {
    const rest = u.slice(k + THUMBNAIL.length);
    const dot = rest.lastIndexOf('.');
    const idText = dot === -1 ? rest : rest.slice(0, dot);
    const ref = parseArxivId(idText, line, start + k + THUMBNAIL.length);
    if (ref) paper.thumbnails = append(paper.thumbnails, ref);
  }
  paper.media = append(paper.media, media);
}

function readVideoLink(paper: PaperNode, s: string, line: number, at: number, endChar: number): void {
  const links = scanLinks(s, true);
  const url = links[0]?.url;
  if (!url) return notMedia(paper, s, line, at, endChar, links);
  addVideoLink(paper, s, 0, line, at, endChar, url.start, url.end);
  addProblems(paper, links, s, line);
}

function addVideoLink(paper: PaperNode, src: string, ls: number, line: number, at: number, endChar: number, start: number, end: number): void {
  const media = new MediaNode('video', line, at, endChar);
  media.setUrl(src, start, end, ls);
  paper.media = append(paper.media, media);
}

function readVideoTag(paper: PaperNode, s: string, line: number, at: number, endChar: number): void {
  const m = VIDEO_SRC.exec(s.slice(at, endChar));
  let src;
  if (m) {
    const value = m[1] ?? m[2];
    const start = at + m.index + m[0].length - 1 - value.length;
    src = new LineSpan(value, line, start, start + value.length);
  }
  const last = paper.media[paper.media.length - 1];
  if (last && last.kind === 'video' && !last.videoSrc && last.endLine === line - 1) {
    last.videoSrc = src;
    last.endLine = line;
    last.endChar = endChar;
    return;
  }
  if (!src) return notMedia(paper, s, line, at, endChar, []);
  const media = new MediaNode('video', line, at, endChar);
  media.videoSrc = src;
  paper.media = append(paper.media, media);
}
