import { moved, moveSpan } from './lines';
import type { LineText } from './lineText';
import type { DayHeadingNode, PaperNode } from './nodes';
import { spliceIn } from './lists';
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
  const media = p.media;
  for (let i = 0; i < media.length; i++) {
    const m = media[i];
    m.line += d;
    m.endLine += d;
    if (m.videoSrc) moveSpan(m.videoSrc, d);
  }
  const votes = p.votes;
  for (let i = 0; i < votes.length; i++) votes[i].line += d;
  const authors = p.authors;
  for (let i = 0; i < authors.length; i++) authors[i].move(d);
  const urls = p.urls;
  for (let i = 0; i < urls.length; i++) {
    const u = urls[i];
    u.range = moved(u.range, d);
    if (u.glued) u.glued.range = moved(u.glued.range, d);
  }
  const links = p.links;
  for (let i = 0; i < links.length; i++) {
    const l = links[i];
    l.range = moved(l.range, d);
    if (l.urlRange) l.urlRange = moved(l.urlRange, d);
  }
  const unexpected = p.unexpected;
  for (let i = 0; i < unexpected.length; i++) moveSpan(unexpected[i], d);
  const thumbnails = p.thumbnails;
  for (let i = 0; i < thumbnails.length; i++) thumbnails[i].line += d;
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
  const unexpected = block.unexpected;
  for (let i = 0; i < unexpected.length; i++) moveSpan(unexpected[i], d);
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
  // The previous model is not used afterwards: its block list becomes the new one.
  if (d !== 0) for (let k = j + 1; k < blocks.length; k++) shiftBlock(blocks[k], d);
  spliceIn(blocks, i, j - i + 1, fresh);
  const head = lines.lineCount > 0 ? lines.slice(0, 1) : '';
  return assemble({ read: () => lines.toString(), bom: head.charCodeAt(0) === 0xfeff }, table, blocks);
}
