import type { Range } from './types';

export interface LineTable {
  /** Offset of each line start. */
  starts: Int32Array;
  /** Offset where each line's content ends (before its line break). */
  ends: Int32Array;
  /** The line break most lines use. */
  eol: '\n' | '\r\n';
  /** Whether any `\r` occurs (then edits cannot be followed by offset arithmetic alone). */
  hasCR: boolean;
}

/**
 * Splits text into lines the way LSP documents do: `\r\n`, `\n` and a lone `\r` all end a line.
 * The common case (no `\r` at all) runs on indexOf alone.
 *
 * The offsets are kept in typed arrays. A list of numbers for every line of a large file is a
 * large object to V8, and every large object is put on memory fresh from the system, which costs a
 * page fault per 4 KB on these machines: the two lists of a 10 MB file (110,000 lines) made the
 * table cost 3.5× the split itself (454 faults); typed arrays come from the C heap, which reuses
 * what it freed (81 faults, 1.2× the split).
 */
export function splitLines(text: string): LineTable {
  if (text.indexOf('\r') === -1) return splitLF(text);
  let starts = scratch(0, 1024);
  let ends = scratch(1, 1024);
  let n = 0; // line breaks so far
  let crlf = 0;
  let lf = 0;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 10 && c !== 13) continue;
    // (The two lists may differ in size: splitLF grows only the first.)
    if (n + 1 >= starts.length || n + 1 >= ends.length) {
      starts = scratch(0, n * 2 + 2);
      ends = scratch(1, n * 2 + 2);
    }
    ends[n] = i;
    if (c === 10) lf++;
    else if (i + 1 < length && text.charCodeAt(i + 1) === 10) {
      i++;
      crlf++;
    }
    starts[++n] = i + 1;
  }
  starts[0] = 0;
  ends[n] = length;
  return { starts: starts.slice(0, n + 1), ends: ends.slice(0, n + 1), eol: crlf > lf ? '\r\n' : '\n', hasCR: true };
}

/** Two growing arrays the splitters collect offsets in, kept between calls. */
const SCRATCH: Int32Array[] = [new Int32Array(1024), new Int32Array(1024)];

/** Scratch list k with room for at least `size` numbers, keeping what it holds. */
function scratch(k: number, size: number): Int32Array {
  const held = SCRATCH[k];
  if (held.length >= size) return held;
  const more = new Int32Array(Math.max(size, held.length * 2));
  more.set(held);
  return (SCRATCH[k] = more);
}

/**
 * The lines of a text without `\r`: its breaks are found by indexOf and collected in scratch.
 * Each loop is a function of its own. With both loops in one function, called once per parse, V8
 * compiled the first loop on the fly (on-stack replacement) before the code after it had ever run,
 * and that code left it at the loop's end with a deoptimisation on every call: twice per parse,
 * for as long as the process lived (`--trace-deopt`).
 */
function splitLF(text: string): LineTable {
  const n = findBreaks(text);
  const starts = new Int32Array(n + 1);
  const ends = new Int32Array(n + 1);
  fillTable(SCRATCH[0], n, starts, ends);
  ends[n] = text.length;
  return { starts, ends, eol: '\n', hasCR: false };
}

/** Collects the offsets of the `\n`s of text in scratch list 0; returns how many. */
function findBreaks(text: string): number {
  let found = SCRATCH[0];
  let n = 0;
  let at = text.indexOf('\n');
  while (at !== -1) {
    if (n === found.length) found = scratch(0, n * 2);
    found[n++] = at;
    at = text.indexOf('\n', at + 1);
  }
  return n;
}

/** Line i ends at the i-th break and line i + 1 starts after it. */
function fillTable(breaks: Int32Array, n: number, starts: Int32Array, ends: Int32Array): void {
  for (let i = 0; i < n; i++) {
    const b = breaks[i];
    ends[i] = b;
    starts[i + 1] = b + 1;
  }
}

export function range(line: number, startChar: number, endLine: number, endChar: number): Range {
  return { start: { line, character: startChar }, end: { line: endLine, character: endChar } };
}

/**
 * The range d lines further down, as a new object. Ranges are values: once a node, a finding or a
 * diagnostic holds one, it is never changed in place, so the model, its findings, their fixes and
 * their diagnostics may share range and position objects freely (a diagnostic waiting to be sent
 * keeps the positions of its version); moving something gives it a moved copy.
 */
export function moved(r: Range, d: number): Range {
  return { start: { line: r.start.line + d, character: r.start.character }, end: { line: r.end.line + d, character: r.end.character } };
}

export function lineRange(line: number, startChar: number, endChar: number): Range {
  return { start: { line, character: startChar }, end: { line, character: endChar } };
}

export function isBlank(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 0xfeff) return false;
  }
  return true;
}

/** Offset of the first non-space character of s at or after `from` (s.length when none). */
export function skipSpaces(s: string, from = 0): number {
  let i = from;
  while (i < s.length && (s.charCodeAt(i) === 32 || s.charCodeAt(i) === 9)) i++;
  return i;
}

/** End offset of s with trailing spaces and tabs removed. */
export function trimEnd(s: string, to = s.length): number {
  let i = to;
  while (i > 0 && (s.charCodeAt(i - 1) === 32 || s.charCodeAt(i - 1) === 9)) i--;
  return i;
}

/** Converts a position to an offset into text, clamping to the line and the document. */
export function offsetAt(table: Pick<LineTable, 'starts' | 'ends'>, line: number, character: number): number {
  if (line < 0) return 0;
  if (line >= table.starts.length) return table.ends[table.ends.length - 1];
  const start = table.starts[line];
  return Math.min(start + Math.max(0, character), table.ends[line]);
}

/**
 * A piece of one line with its text, its extent stored as numbers: spans are made for every
 * heading, vote and stray line, and three objects per range were a large part of a parse. The
 * range is derived on demand.
 */
export class LineSpan {
  constructor(
    readonly text: string,
    /** Moved by incremental re-parsing when lines are inserted above. */
    public line: number,
    readonly start: number,
    readonly end: number,
  ) {}

  get range(): Range {
    return lineRange(this.line, this.start, this.end);
  }

  /** Serialised like a plain span, `{ text, range }`. */
  toJSON(): { text: string; range: Range } {
    return { text: this.text, range: this.range };
  }
}

/** Moves a span made by the parser (a LineSpan) by d lines. */
export function moveSpan(span: { range: Range }, d: number): void {
  (span as LineSpan).line += d;
}
