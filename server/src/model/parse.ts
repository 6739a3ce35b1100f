import { headingLevel, parseDayHeading } from './headings';
import { isBlank, LineSpan, splitLines, trimEnd, type LineTable } from './lines';
import { NONE } from './lists';
import { lineOf, parsePaper, type Source } from './paper';
import type { Block, Day, Digest, Paper, Range } from './types';

/** True when the first non-blank line of text is a day heading (content detection). */
export function looksLikeDigest(text: string): boolean {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < text.length && /[ \t\r\n]/.test(text[i])) i++;
  if (i >= text.length) return false;
  let end = i;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  const line = text.slice(i, end);
  return headingLevel(line, 0) === 2 && parseDayHeading(line, 0, 0).problem !== 'shape';
}

/**
 * Parses a digest into its typed model. Never throws: any text yields a model, and lines that
 * fit no element are kept as `unexpected`.
 */
export function parse(text: string): Digest {
  const table = splitLines(text);
  const src: Source = { text, starts: table.starts, ends: table.ends };
  return assemble(text, table, parseBlocks(src, 0, table.starts.length));
}

/** The `##`/`###` level of a line when it is a day or paper heading, else 0. */
function blockHeadingLevel(src: Source, line: number, offset: number): number {
  const start = src.starts[line] - (src.base ?? 0) + offset;
  if (src.text.charCodeAt(start) !== 35 /* # */) return 0;
  const level = headingLevel(src.text.slice(start, src.ends[line] - (src.base ?? 0)), 0);
  return level === 2 || level === 3 ? level : 0;
}

/**
 * Parses lines [from, to) into blocks: an optional preface (lines before the first heading),
 * then one block per `##` or `###` heading reaching to the next one. `from` must be 0 or a
 * heading line. Blocks depend only on their own lines, which is what lets an edit re-parse
 * only the blocks it touched.
 */
export function parseBlocks(src: Source, from: number, to: number): Block[] {
  const bom = (src.base ?? 0) === 0 && src.text.charCodeAt(0) === 0xfeff;
  const headings: number[] = [];
  const levels: number[] = [];
  for (let line = from; line < to; line++) {
    const level = blockHeadingLevel(src, line, line === 0 && bom ? 1 : 0);
    if (level) {
      headings.push(line);
      levels.push(level);
    }
  }
  const blocks: Block[] = [];
  const first = headings.length ? headings[0] : to;
  if (first > from) {
    blocks.push({ kind: 'preface', line: from, end: first, unexpected: collectUnexpected(src, from + 0, first, bom) });
  }
  for (let h = 0; h < headings.length; h++) {
    const line = headings[h];
    const end = h + 1 < headings.length ? headings[h + 1] : to;
    const offset = line === 0 && bom ? 1 : 0;
    if (levels[h] === 2) {
      const heading = parseDayHeading(lineOf(src, line), offset, line);
      blocks.push({ kind: 'day', line, end, heading, unexpected: collectUnexpected(src, line + 1, end, false) });
    } else {
      blocks.push({ kind: 'paper', line, end, paper: parsePaper(src, line, end, offset), unexpected: NONE });
    }
  }
  return blocks;
}

function collectUnexpected(src: Source, from: number, to: number, bom: boolean) {
  const out = [];
  for (let line = from; line < to; line++) {
    const s = lineOf(src, line);
    if (isBlank(s)) continue;
    let a = line === 0 && bom ? 1 : 0;
    while (a < s.length && (s.charCodeAt(a) === 32 || s.charCodeAt(a) === 9)) a++;
    const b = trimEnd(s);
    out.push(new LineSpan(s.slice(a, b), line, a, b));
  }
  return out;
}

function copyRange(r: Range): Range {
  return { start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } };
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Builds the digest's days, orphan papers and stray lines from its block list. A day of `previous`
 * whose heading and papers are the very same objects is reused (with a fresh range), so what was
 * computed for it (its findings) can be kept across an edit elsewhere.
 */
export function assemble(
  text: string | { read(): string; bom: boolean },
  table: LineTable,
  blocks: Block[],
  previous: readonly Day[] = [],
): Digest {
  const digest: Digest = {
    text: typeof text === 'string' ? text : '',
    lineStarts: table.starts,
    lineEnds: table.ends,
    bom: typeof text === 'string' ? text.charCodeAt(0) === 0xfeff : text.bom,
    eol: table.eol,
    hasCR: table.hasCR,
    isDigest: false,
    days: [],
    orphanPapers: [],
    unexpected: [],
    blocks,
  };
  // A model kept in step with a LineText joins its text only if someone reads it.
  if (typeof text !== 'string') Object.defineProperty(digest, 'text', { get: text.read, enumerable: false });
  const before = new Map(previous.map((d) => [d.heading, d]));
  let day: Day | undefined;
  const finish = () => {
    if (!day) return;
    const last = day.papers[day.papers.length - 1];
    if (last) day.range.end = { line: last.range.end.line, character: last.range.end.character };
    const old = before.get(day.heading);
    if (old && sameList(old.papers, day.papers)) {
      old.range = day.range;
      day = old;
    }
    digest.days.push(day);
  };
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b];
    if (block.kind === 'preface') {
      for (const u of block.unexpected) digest.unexpected.push(u);
    } else if (block.kind === 'day') {
      const heading = block.heading!;
      if (b === 0 || (b === 1 && blocks[0].kind === 'preface' && blocks[0].unexpected.length === 0)) {
        digest.isDigest = heading.problem !== 'shape';
      }
      finish();
      day = { heading, date: heading.problem ? undefined : heading.date?.text, papers: [], range: copyRange(heading.range) };
      for (const u of block.unexpected) {
        digest.unexpected.push(u);
        day.range.end = { line: u.range.end.line, character: u.range.end.character };
      }
    } else {
      const paper = block.paper as Paper;
      if (day) {
        day.papers.push(paper);
      } else {
        digest.orphanPapers.push(paper);
      }
    }
  }
  finish();
  return digest;
}
