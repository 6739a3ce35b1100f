import { moveSpan, splitLines, type LineTable } from './lines';
import type { Name } from './authors';
import type { LineText } from './lineText';
import type { BulletLines } from './paper';
import { assemble, parseBlocks } from './parse';
import type { Block, Digest, Paper, Range } from './types';

/** One edit as LSP sends it: a range of the previous text and what replaces it. */
export interface TextChange {
  range: Range;
  text: string;
}

/**
 * The line table of the new text. An edit of LF-only text moves the lines after it by the same
 * offset, so the table is spliced instead of rescanned; anything involving `\r` is rescanned.
 */
function updateLines(prev: Digest, text: string, change: TextChange, from: number, to: number): LineTable {
  const { lineStarts: starts, lineEnds: ends } = prev;
  const lastLine = starts.length - 1;
  if (prev.hasCR || change.text.indexOf('\r') !== -1) return splitLines(text);
  const startLine = Math.min(change.range.start.line, lastLine);
  const endLine = Math.min(change.range.end.line, lastLine);
  if (from !== startLine || to !== endLine) return splitLines(text);
  const a = starts[startLine] + Math.min(change.range.start.character, ends[startLine] - starts[startLine]);
  const b = starts[endLine] + Math.min(change.range.end.character, ends[endLine] - starts[endLine]);
  const delta = change.text.length - (b - a);
  // The previous model is given up to the new one, so its line arrays are spliced in place.
  const inserted: number[] = [];
  for (let i = change.text.indexOf('\n'); i !== -1; i = change.text.indexOf('\n', i + 1)) inserted.push(a + i + 1);
  if (inserted.length > 10_000) return splitLines(text); // a paste that large: rescanning is as cheap
  const newStarts = starts;
  newStarts.splice(startLine + 1, endLine - startLine, ...inserted);
  const firstMoved = startLine + 1 + inserted.length;
  if (delta !== 0) for (let line = firstMoved; line < newStarts.length; line++) newStarts[line] += delta;
  const newEnds = ends;
  newEnds.splice(startLine, endLine - startLine + 1, ...new Array<number>(inserted.length + 1).fill(0));
  for (let line = startLine; line < firstMoved; line++) newEnds[line] = newStarts[line + 1] - 1;
  if (delta !== 0) for (let line = firstMoved; line < newEnds.length - 1; line++) newEnds[line] += delta;
  newEnds[newEnds.length - 1] = text.length;
  return { starts: newStarts, ends: newEnds, eol: '\n', hasCR: false };
}

/** Index of the last block whose first line is ≤ line. */
function blockAt(blocks: readonly Block[], line: number): number {
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (blocks[mid].line <= line) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function shiftRange(r: Range, d: number): void {
  r.start.line += d;
  r.end.line += d;
}

/** What day and paper headings share: their line, its range and the heading's text. */
function shiftHeading(h: { line: number; range: Range; content: { range: Range } }, d: number): void {
  h.line += d;
  shiftRange(h.range, d);
  moveSpan(h.content, d);
}

/** Moves every position of a paper by d lines (the model shares no range objects). */
export function shiftPaper(p: Paper, d: number): void {
  const h = p.heading;
  shiftHeading(h, d);
  if (h.title) moveSpan(h.title, d);
  if (h.url) moveSpan(h.url, d);
  if (h.arxiv) shiftRange(h.arxiv.range, d);
  shiftRange(p.range, d);
  for (const m of p.media) {
    shiftRange(m.range, d);
    if (m.url) moveSpan(m.url, d);
    if (m.videoSrc) moveSpan(m.videoSrc, d);
  }
  for (const v of p.votes) {
    v.line += d;
    shiftRange(v.range, d);
    moveSpan(v.value, d);
  }
  for (const line of p.authors) {
    line.line += d;
    shiftRange(line.range, d);
    for (const a of line.authors) (a as Name).line += d;
    if (line.truncated) shiftRange(line.truncated, d);
  }
  for (const b of p.bullets) {
    (b as BulletLines).line += d;
    (b as BulletLines).endLine += d;
    for (const u of b.urls) {
      shiftRange(u.range, d);
      if (u.glued) shiftRange(u.glued.range, d);
    }
  }
  for (const l of p.links) {
    shiftRange(l.range, d);
    if (l.urlRange) shiftRange(l.urlRange, d);
  }
  for (const u of p.unexpected) moveSpan(u, d);
  for (const t of p.thumbnails) shiftRange(t.range, d);
}

function shiftBlock(block: Block, d: number): void {
  block.line += d;
  block.end += d;
  if (block.heading) {
    shiftHeading(block.heading, d);
    if (block.heading.date) moveSpan(block.heading.date, d);
  }
  if (block.paper) shiftPaper(block.paper, d);
  for (const u of block.unexpected) moveSpan(u, d);
}

/**
 * The model of `text`, the previous text with one change applied, re-parsing only the blocks the
 * change touched (and the block before, whose extent a changed heading can alter). Blocks after
 * the change are reused, moved by the change's line delta. The previous model must not be used
 * afterwards: its reused blocks now carry the new positions.
 */
export function reparse(prev: Digest, text: string, change: TextChange): Digest {
  const blocks = prev.blocks;
  const oldCount = prev.lineStarts.length; // read before updateLines splices the arrays
  const startLine = Math.max(0, Math.min(change.range.start.line, oldCount - 1));
  const endLine = Math.max(startLine, Math.min(change.range.end.line, oldCount - 1));
  const table = updateLines(prev, text, change, startLine, endLine);
  const d = table.starts.length - oldCount;
  if (blocks.length === 0) return assemble(text, table, parseBlocks({ text, ...table }, 0, table.starts.length));

  // A `\r` before the change can merge with a `\n` it inserts: start one line early.
  const i = Math.max(0, blockAt(blocks, Math.max(0, startLine - 1)) - 1);
  const j = blockAt(blocks, endLine);
  const from = blocks[i].line;
  const to = blocks[j].end + d;
  const fresh = parseBlocks({ text, starts: table.starts, ends: table.ends }, from, to);

  const next: Block[] = blocks.slice(0, i);
  for (const b of fresh) next.push(b);
  for (let k = j + 1; k < blocks.length; k++) {
    if (d !== 0) shiftBlock(blocks[k], d);
    next.push(blocks[k]);
  }
  return assemble(text, table, next, prev.days);
}

/**
 * The model after an edit already applied to `lines` (LineText.apply's answer says which lines it
 * replaced): like reparse(), but the touched blocks are parsed from a slice of the lines and the
 * line table is the LineText's own, so no whole-document string is built. The model's `text` is
 * joined from the lines only if read.
 */
export function reparseLines(prev: Digest, lines: LineText, edit: { line: number; removed: number; added: number }): Digest {
  const blocks = prev.blocks;
  const oldCount = prev.lineStarts === lines.starts ? lines.lineCount - edit.added + edit.removed : prev.lineStarts.length;
  const d = lines.lineCount - oldCount;
  const first = Math.min(edit.line, oldCount - 1);
  const lastOld = Math.min(oldCount - 1, edit.line + Math.max(edit.removed, 1) - 1);
  const i = Math.max(0, blockAt(blocks, Math.max(0, first - 1)) - 1);
  const j = blockAt(blocks, lastOld);
  const from = blocks[i].line;
  const to = blocks[j].end + d;
  const table = { starts: lines.starts, ends: lines.ends, eol: lines.eol, hasCR: lines.hasCR };
  const base = lines.starts[from];
  const fresh = parseBlocks({ text: lines.slice(from, to), starts: lines.starts, ends: lines.ends, base }, from, to);
  const next: Block[] = blocks.slice(0, i);
  for (const b of fresh) next.push(b);
  for (let k = j + 1; k < blocks.length; k++) {
    if (d !== 0) shiftBlock(blocks[k], d);
    next.push(blocks[k]);
  }
  const head = lines.lineCount > 0 ? lines.slice(0, 1) : '';
  return assemble({ read: () => lines.toString(), bom: head.charCodeAt(0) === 0xfeff }, table, next, prev.days);
}
