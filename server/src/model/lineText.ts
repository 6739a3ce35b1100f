import { splitLines } from './lines';
import type { Position, Range } from './types';

/**
 * A document's text as an array of lines, each with its own line break. An edit replaces the
 * lines it touches and moves the offsets of the others, instead of building a new string of the
 * whole document: for a 10 MB digest that copy (V8 flattens the spliced string on first read)
 * cost more than everything else a keystroke does. The whole text is joined only when asked for,
 * once per version.
 */
export class LineText {
  /** Each line with its break (`\n`, `\r\n`, `\r`; none on the last line). */
  private lines: string[];
  /**
   * Offset of each line start, and of each line's content end (before its break): views of the
   * first lineCount numbers of buffers with room to grow. A model made from this text holds the
   * views of its version; an edit that keeps the number of lines changes them in place, one that
   * changes it makes new views (see reparseLines).
   */
  starts: Int32Array;
  ends: Int32Array;
  private joined: string | undefined;
  private crCount: number;
  private crlfCount: number;
  private lfCount: number;

  constructor(text: string) {
    const table = splitLines(text);
    this.starts = table.starts;
    this.ends = table.ends;
    this.lines = new Array<string>(table.starts.length);
    for (let i = 0; i < table.starts.length; i++) {
      this.lines[i] = text.slice(table.starts[i], i + 1 < table.starts.length ? table.starts[i + 1] : text.length);
    }
    this.joined = text;
    this.crCount = 0;
    this.crlfCount = 0;
    this.lfCount = 0;
    this.count(this.lines, 1);
  }

  private count(lines: readonly string[], sign: number): void {
    for (const l of lines) {
      if (l.endsWith('\r\n')) this.crlfCount += sign;
      else if (l.endsWith('\n')) this.lfCount += sign;
      else if (l.endsWith('\r')) this.crCount += sign;
    }
  }

  get lineCount(): number {
    return this.lines.length;
  }

  get length(): number {
    const last = this.lines.length - 1;
    return this.starts[last] + this.lines[last].length;
  }

  /** The line break most lines use. */
  get eol(): '\n' | '\r\n' {
    return this.crlfCount > this.lfCount ? '\r\n' : '\n';
  }

  get hasCR(): boolean {
    return this.crCount + this.crlfCount > 0;
  }

  /** The whole text; joined once per version. */
  toString(): string {
    this.joined ??= this.lines.join('');
    return this.joined;
  }

  /** Lines [from, to) with their breaks, as one string. */
  slice(from: number, to: number): string {
    if (this.joined !== undefined) return this.joined.slice(this.starts[from], to < this.starts.length ? this.starts[to] : this.joined.length);
    return this.lines.slice(from, to).join('');
  }

  offsetAt(p: Position): number {
    if (p.line < 0) return 0;
    if (p.line >= this.lines.length) return this.length;
    return this.starts[p.line] + Math.min(Math.max(0, p.character), this.ends[p.line] - this.starts[p.line]);
  }

  positionAt(offset: number): Position {
    const at = Math.max(0, Math.min(offset, this.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= at) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: Math.min(at, this.ends[lo]) - this.starts[lo] };
  }

  /**
   * Applies one edit (a range of the current text and its replacement). Returns the first line
   * that changed, the old and new number of lines from there that were replaced.
   */
  apply(range: Range, text: string): { line: number; removed: number; added: number } {
    let first = Math.max(0, Math.min(range.start.line, this.lines.length - 1));
    let last = Math.max(first, Math.min(range.end.line, this.lines.length - 1));
    const a = this.offsetAt(range.start);
    const b = Math.max(a, this.offsetAt(range.end));
    // A lone `\r` ending the line before may pair with a `\n` the edit starts with: take it in.
    if (first > 0 && this.lines[first - 1].endsWith('\r')) first--;
    const regionStart = this.starts[first];
    const old = this.lines.slice(first, last + 1);
    const joinedOld = old.join('');
    const replaced = joinedOld.slice(0, a - regionStart) + text + joinedOld.slice(b - regionStart);
    let region = replaced;
    let oldLength = joinedOld.length;
    // The region must end at a line break or at the end of the text, so the next line is untouched;
    // a region that now ends in `\r` before a line starting `\n` takes that line in as well.
    while (last + 1 < this.lines.length && region.endsWith('\r') && this.lines[last + 1].startsWith('\n')) {
      last++;
      old.push(this.lines[last]);
      oldLength += this.lines[last].length;
      region += this.lines[last];
    }
    const table = splitLines(region);
    const fresh = new Array<string>(table.starts.length);
    for (let i = 0; i < table.starts.length; i++) {
      fresh[i] = region.slice(table.starts[i], i + 1 < table.starts.length ? table.starts[i + 1] : region.length);
    }
    // A region that ends with a line break yields an empty last line, which belongs to the line
    // after the region (or is the document's empty last line when there is none).
    if (last + 1 < this.lines.length && fresh.length > 1 && fresh[fresh.length - 1] === '') fresh.pop();
    this.count(old, -1);
    this.count(fresh, 1);
    const delta = region.length - oldLength;
    this.lines.splice(first, old.length, ...(fresh.length > 10_000 ? [] : fresh));
    if (fresh.length > 10_000) {
      // Spreading that many arguments can overflow the stack: insert in pieces.
      for (let i = 0; i < fresh.length; i += 10_000) this.lines.splice(first + i, 0, ...fresh.slice(i, i + 10_000));
    }
    // Offsets: the replaced lines get fresh ones, the lines after move by the length change.
    const tail = first + old.length; // first line after the replaced ones, before the edit
    const count = this.starts.length - old.length + fresh.length;
    if (count !== this.starts.length) {
      this.starts = regrown(this.starts, tail, first + fresh.length, count);
      this.ends = regrown(this.ends, tail, first + fresh.length, count);
    }
    let at = regionStart;
    for (let i = 0; i < fresh.length; i++) {
      const l = fresh[i];
      this.starts[first + i] = at;
      this.ends[first + i] = at + l.length - (l.endsWith('\r\n') ? 2 : l.endsWith('\n') || l.endsWith('\r') ? 1 : 0);
      at += l.length;
    }
    if (delta !== 0) {
      for (let i = first + fresh.length; i < count; i++) {
        this.starts[i] += delta;
        this.ends[i] += delta;
      }
    }
    this.joined = undefined;
    return { line: first, removed: old.length, added: fresh.length };
  }
}

/**
 * A view of `count` offsets whose numbers from `tail` on have moved to `to` (the lines after an
 * edit, before the edit's own lines are written). The buffer grows by half when it is full, so
 * typing new lines does not copy the whole table each time.
 */
function regrown(view: Int32Array, tail: number, to: number, count: number): Int32Array {
  const buffer = new Int32Array(view.buffer, view.byteOffset, view.buffer.byteLength / 4 - view.byteOffset / 4);
  if (count <= buffer.length) {
    buffer.copyWithin(to, tail, view.length);
    return buffer.subarray(0, count);
  }
  const more = new Int32Array(count + (count >> 1) + 16);
  more.set(view.subarray(0, Math.min(tail, to)));
  more.set(view.subarray(tail), to);
  return more.subarray(0, count);
}
