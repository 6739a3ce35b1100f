import type { Range } from './types';

export interface LineTable {
  /** Offset of each line start. */
  starts: number[];
  /** Offset where each line's content ends (before its line break). */
  ends: number[];
  /** The line break most lines use. */
  eol: '\n' | '\r\n';
  /** Whether any `\r` occurs (then edits cannot be followed by offset arithmetic alone). */
  hasCR: boolean;
}

/**
 * Splits text into lines the way LSP documents do: `\r\n`, `\n` and a lone `\r` all end a line.
 * The common case (no `\r` at all) runs on indexOf alone.
 */
export function splitLines(text: string): LineTable {
  if (text.indexOf('\r') === -1) return splitLF(text);
  const starts: number[] = [0];
  const ends: number[] = [];
  let crlf = 0;
  let lf = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      ends.push(i);
      starts.push(i + 1);
      lf++;
    } else if (c === 13) {
      ends.push(i);
      if (i + 1 < n && text.charCodeAt(i + 1) === 10) {
        i++;
        crlf++;
      }
      starts.push(i + 1);
    }
  }
  ends.push(text.length);
  return { starts, ends, eol: crlf > lf ? '\r\n' : '\n', hasCR: true };
}

/** Line break offsets found by splitLF, kept between calls: fresh memory is what a large array costs most. */
let breaks = new Int32Array(1024);

/**
 * The lines of a text without `\r`. The breaks are collected in a reused typed array, then the
 * lists are made at their exact length: growing them by push copied them over and over, and a
 * list sized by a guess was mostly written twice (about 3 MB for a year of digests).
 */
function splitLF(text: string): LineTable {
  let found = breaks;
  let n = 0; // line breaks so far
  let at = text.indexOf('\n');
  while (at !== -1) {
    if (n === found.length) {
      const more = new Int32Array(found.length * 2);
      more.set(found);
      breaks = found = more;
    }
    found[n++] = at;
    at = text.indexOf('\n', at + 1);
  }
  const starts: number[] = new Array(n + 1);
  const ends: number[] = new Array(n + 1);
  starts[0] = 0;
  for (let i = 0; i < n; i++) {
    const b = found[i];
    ends[i] = b;
    starts[i + 1] = b + 1;
  }
  ends[n] = text.length;
  return { starts, ends, eol: '\n', hasCR: false };
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
