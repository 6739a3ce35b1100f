import { headingLevel, parseDayHeading } from './headings';
import { isBlank, LineSpan, splitLines, trimEnd, type LineTable } from './lines';
import { NONE } from './lists';
import { lineOf, parsePaper, type Source } from './paper';
import { DayNode } from './nodes';
import type { Block, Digest, Paper } from './types';

/**
 * Parses a digest into its typed model. Never throws: any text yields a model, and lines that
 * fit no element are kept as `unexpected`.
 */
export function parse(text: string): Digest {
  const table = splitLines(text);
  const src: Source = { text, starts: table.starts, ends: table.ends };
  return assemble(text, table, parseBlocks(src, 0, table.starts.length));
}

/** The `##`/`###` level of a line that starts with `#` when it is a day or paper heading, else 0. */
function blockHeadingLevel(src: Source, line: number, offset: number): number {
  const start = src.starts[line] - (src.base ?? 0) + offset;
  const level = headingLevel(src.text.slice(start, src.ends[line] - (src.base ?? 0)), 0);
  return level === 2 || level === 3 ? level : 0;
}

/**
 * The column of a heading's `#` found at `at`, counted from `lineStart`, when only 0–3 spaces come
 * before it after `skip` (a byte order mark), else -1. CommonMark: four spaces or a tab make an
 * indented code block, not a heading.
 */
function headingIndent(text: string, lineStart: number, skip: number, at: number): number {
  const from = lineStart + skip;
  if (at < from || at - from > 3) return -1;
  for (let i = from; i < at; i++) if (text.charCodeAt(i) !== 32) return -1;
  return at - lineStart;
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
  const columns: number[] = [];
  // Headings start with `#`: each is found by a search for the next `#` from a line start, and
  // the lines in between are only counted, their text never read.
  const text = src.text;
  const base = src.base ?? 0;
  let line = from;
  let at = from < to ? text.indexOf('#', src.starts[from] - base) : -1;
  while (at !== -1) {
    while (line + 1 < to && src.starts[line + 1] - base <= at) line++;
    const offset = headingIndent(text, src.starts[line] - base, line === 0 && bom ? 1 : 0, at);
    if (offset !== -1) {
      const level = blockHeadingLevel(src, line, offset);
      if (level) {
        headings.push(line);
        levels.push(level);
        columns.push(offset);
      }
    }
    if (++line >= to) break;
    at = text.indexOf('#', src.starts[line] - base);
  }
  const blocks: Block[] = [];
  const first = headings.length ? headings[0] : to;
  if (first > from) {
    blocks.push({ kind: 'preface', line: from, end: first, unexpected: collectUnexpected(src, from + 0, first, bom), day: undefined });
  }
  for (let h = 0; h < headings.length; h++) {
    const line = headings[h];
    const end = h + 1 < headings.length ? headings[h + 1] : to;
    const offset = columns[h];
    if (levels[h] === 2) {
      const heading = parseDayHeading(lineOf(src, line), offset, line);
      blocks.push({ kind: 'day', line, end, heading, unexpected: collectUnexpected(src, line + 1, end, false), day: undefined });
    } else {
      blocks.push({ kind: 'paper', line, end, paper: parsePaper(src, line, end, offset), unexpected: NONE, day: undefined });
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

/** Whether blocks [from, to) are the papers of `papers`, in order. */
function samePapers(papers: readonly Paper[], blocks: readonly Block[], from: number, to: number): boolean {
  if (papers.length !== to - from) return false;
  for (let k = 0; k < papers.length; k++) if (papers[k] !== blocks[from + k].paper) return false;
  return true;
}

/**
 * Builds the digest's days, orphan papers and stray lines from its block list. A day block whose
 * following paper blocks are the same objects as last time keeps its day (see Block.day), so
 * what was computed for it (its findings) is kept across an edit elsewhere, and assembling after
 * an edit makes objects only for the days it touched.
 */
export function assemble(text: string | { read(): string; bom: boolean }, table: LineTable, blocks: Block[]): Digest {
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
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b];
    if (block.kind === 'paper') {
      // A paper block reached here comes before any day (a day takes the paper blocks after it).
      digest.orphanPapers.push(block.paper as Paper);
      continue;
    }
    const strays = block.unexpected;
    for (let k = 0; k < strays.length; k++) digest.unexpected.push(strays[k]);
    if (block.kind === 'preface') continue;
    const heading = block.heading!;
    if (b === 0 || (b === 1 && blocks[0].kind === 'preface' && blocks[0].unexpected.length === 0)) {
      digest.isDigest = heading.problem !== 'shape';
    }
    let end = b + 1;
    while (end < blocks.length && blocks[end].kind === 'paper') end++;
    let day = block.day;
    if (!day || !samePapers(day.papers, blocks, b + 1, end)) {
      const papers: Paper[] = new Array(end - b - 1);
      for (let k = b + 1; k < end; k++) papers[k - b - 1] = blocks[k].paper as Paper;
      day = block.day = new DayNode(heading, papers, strays);
    }
    digest.days.push(day);
    b = end - 1;
  }
  return digest;
}
