import { lineRange } from './lines';
import type { Author, AuthorsLine, Range } from './types';

/**
 * One name of an Authors: line, stored as numbers: a year of digests holds hundreds of thousands
 * of names, and three objects per range would be most of the model. The range and the comparison
 * key are derived on demand.
 */
export class Name implements Author {
  constructor(
    readonly name: string,
    /** Moved by incremental re-parsing when lines are inserted above. */
    public line: number,
    readonly start: number,
    readonly end: number,
  ) {}

  get range(): Range {
    return lineRange(this.line, this.start, this.end);
  }

  get key(): string {
    return authorKey(this.name);
  }
}

/** Printable ASCII words separated by single spaces, nothing around them. */
function isPlainAscii(name: string): boolean {
  let prevSpace = true;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c === 32) {
      if (prevSpace) return false;
      prevSpace = true;
    } else if (c > 32 && c < 127) {
      prevSpace = false;
    } else {
      return false;
    }
  }
  return !prevSpace;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || (c > 127 && /\s/.test(String.fromCharCode(c)));
}

/**
 * The comparison key of a name: NFC, trimmed, inner white space collapsed, case-folded.
 * Upper-casing first folds what lower-casing alone keeps apart (`ß`/`SS`, final `ς`/`σ`).
 */
export function authorKey(name: string): string {
  // Most names are plain ASCII with single spaces: lower-casing is the whole fold for them.
  if (isPlainAscii(name)) return name.toLowerCase();
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toUpperCase().toLowerCase().normalize('NFC');
}

/** Parses `Authors: A, B, C[, +]` starting at `at` (the `A` of `Authors:`). */
export function parseAuthors(s: string, at: number, endChar: number, line: number): AuthorsLine {
  const out: AuthorsLine = { line, range: lineRange(line, at, endChar), authors: [] };
  let from = at + 'Authors:'.length;
  while (from <= endChar) {
    let comma = s.indexOf(',', from);
    if (comma === -1 || comma > endChar) comma = endChar;
    let a = from;
    let b = comma;
    while (a < b && isSpace(s.charCodeAt(a))) a++;
    while (b > a && isSpace(s.charCodeAt(b - 1))) b--;
    if (a < b) {
      const name = s.slice(a, b);
      // `+` marks a truncated list; it is never a name, even misplaced before the end.
      if (name === '+') {
        if (comma === endChar) out.truncated = lineRange(line, a, b);
      } else out.authors.push(new Name(name, line, a, b));
    }
    from = comma + 1;
  }
  return out;
}
