import { moved, moveSpan } from './lines';
import type { LineText } from './lineText';
import type { DayHeadingNode, PaperNode } from './nodes';
import { assemble, parseBlocks } from './parse';
import type { Block, Digest, Paper } from './types';

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

/** Moves every position of a paper by d lines (stored ranges are replaced, see `moved`). */
export function shiftPaper(paper: Paper, d: number): void {
  const p = paper as PaperNode;
  const h = p.heading;
  h.line += d;
  if (h.arxiv) h.arxiv.line += d;
  p.move(d);
  for (const m of p.media) {
    m.line += d;
    m.endLine += d;
    if (m.videoSrc) moveSpan(m.videoSrc, d);
  }
  for (const v of p.votes) v.line += d;
  for (const line of p.authors) line.move(d);
  for (const u of p.urls) {
    u.range = moved(u.range, d);
    if (u.glued) u.glued.range = moved(u.glued.range, d);
  }
  for (const l of p.links) {
    l.range = moved(l.range, d);
    if (l.urlRange) l.urlRange = moved(l.urlRange, d);
  }
  for (const u of p.unexpected) moveSpan(u, d);
  for (const t of p.thumbnails) t.line += d;
}

function shiftBlock(block: Block, d: number): void {
  block.line += d;
  block.end += d;
  if (block.heading) {
    const h = block.heading as DayHeadingNode;
    h.line += d;
    moveSpan(h.content, d);
    if (h.date) moveSpan(h.date, d);
  }
  if (block.paper) shiftPaper(block.paper, d);
  for (const u of block.unexpected) moveSpan(u, d);
}

/**
 * The model after an edit already applied to `lines` (LineText.apply's answer says which lines it
 * replaced): only the blocks the edit touched are re-parsed, from a slice of the lines, and the block
 * before them, whose extent a changed heading can alter. Later blocks are reused, moved by the
 * edit's line delta; the previous model must not be used afterwards. The line table is the
 * LineText's own, so no whole-document string is built. The model's `text` is
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
