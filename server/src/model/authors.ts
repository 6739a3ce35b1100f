import { lineRange } from './lines';
import { AuthorsNode } from './nodes';
import { NumberRuns } from './numbers';
import type { Author, Range } from './types';

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
    /** The key's hash (see keyHash): equal keys have equal hashes. */
    readonly hash: number,
  ) {}

  get range(): Range {
    return lineRange(this.line, this.start, this.end);
  }

  get key(): string {
    return authorKey(this.name);
  }

  toJSON(): Author {
    return { name: this.name, key: this.key, range: this.range };
  }
}

/** Whether s[from, to) is printable ASCII words separated by single spaces, nothing around them. */
export function isPlainAscii(s: string, from = 0, to = s.length): boolean {
  let prevSpace = true;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
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

/** White space as names are trimmed of it. */
export function isSpace(c: number): boolean {
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

/**
 * A hash of a key that costs nothing to take while parsing: its length and its first UTF-16 unit.
 * Equal keys have equal hashes, which is all repeatsOf needs to skip a pair; names of one line
 * seldom share both, and a pair that does is compared by key. (A hash over every character
 * was a third of reading an Authors: line.)
 */
export function keyHash(key: string): number {
  return key.length === 0 ? 0 : plainHash(key.length, key.charCodeAt(0));
}

/** keyHash of a key of `length` units starting with `first` (lower-cased already). */
function plainHash(length: number, first: number): number {
  return Math.min(length, 0x7fff) * 0x10000 + first;
}

/** An ASCII letter lower-cased; any other unit as it is. */
function lowerAscii(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/**
 * Whether the n units of a from `ai` and of b from `bi`, plain ASCII names both, have the same key:
 * they are equal but for ASCII case.
 */
export function sameAscii(a: string, ai: number, b: string, bi: number, n: number): boolean {
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(ai + i);
    const y = b.charCodeAt(bi + i);
    if (x !== y && ((x | 32) !== (y | 32) || (x | 32) < 97 || (x | 32) > 122)) return false;
  }
  return true;
}

/** Whether two names have the same key. */
export function sameKey(a: string, b: string): boolean {
  if (isPlainAscii(a) && isPlainAscii(b)) return a.length === b.length && sameAscii(a, 0, b, 0, a.length);
  return authorKey(a) === authorKey(b);
}

/** Small lists are compared pairwise by hash; longer ones go through a map of keys. */
export const PAIRWISE = 64;

/**
 * For each name of a list, the index of the first earlier name with the same key, or -1; undefined
 * when no name repeats (the common case). Equal to comparing `authorKey`s, but a list of plain
 * ASCII names (nearly all of them) is compared without building a key string per name.
 */
export function repeatsOf(names: readonly Author[]): number[] | undefined {
  const n = names.length;
  if (n < 2) return undefined;
  let out: number[] | undefined;
  if (n > PAIRWISE) {
    const first = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const key = names[i].key;
      const j = first.get(key);
      if (j === undefined) first.set(key, i);
      else (out ??= noRepeats(n))[i] = j;
    }
    return out;
  }
  for (let i = 1; i < n; i++) {
    const h = hashOf(names[i]);
    for (let j = 0; j < i; j++) {
      if (hashOf(names[j]) !== h) continue;
      const a = names[i].name;
      const b = names[j].name;
      if (sameKey(a, b)) {
        (out ??= noRepeats(n))[i] = j;
        break;
      }
    }
  }
  return out;
}

/**
 * n times -1, the answer of repeatsOf before any repeat is entered. A plain list: a typed array
 * costs several objects and a backing store, and a line with repeats gets one per lint.
 */
export function noRepeats(n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(-1);
  return out;
}

/** A name's key hash: the parser's, or computed for an author made elsewhere. */
function hashOf(a: Author): number {
  return a instanceof Name ? a.hash : keyHash(a.key);
}

/**
 * Parses `Authors: A, B, C[, +]` on the line starting at offset `ls` of text, from character `at`
 * (the `A` of `Authors:`) to `endChar`. A line of plain names (printable ASCII, no two spaces in a
 * row: nearly every line) is read in one pass that only looks for commas; any other line name by
 * name, each trimmed by isSpace and keyed the general way unless it is plain.
 */
export function parseAuthors(text: string, ls: number, at: number, endChar: number, line: number): AuthorsNode {
  const end = ls + endChar;
  const from = ls + at + 'Authors:'.length;
  TRUNCATED.at = -1;
  let used = readPlainLine(text, ls, from, end);
  const plain = used !== -1;
  if (!plain) used = readNames(text, ls, from, end);
  const out = new AuthorsNode(text, ls, line, at, endChar, NAMES.chunk, NAMES.at, used, plain);
  NAMES.end(used);
  if (TRUNCATED.at !== -1) out.truncated = lineRange(line, TRUNCATED.at - ls, TRUNCATED.at + 1 - ls);
  return out;
}

/** Where the last line read ended in `+` (a truncated list), else -1. */
const TRUNCATED = { at: -1 };

/**
 * Reads the names of text[from, end) into NAMES when every character is printable ASCII or a
 * space and no two spaces follow each other; returns how many numbers, or -1 for any other line
 * (what it wrote then is overwritten). Such a line's names are trimmed of at most one space each
 * side, and each one's key is its lower case, whose hash is known from its first character.
 */
function readPlainLine(text: string, ls: number, from: number, end: number): number {
  let used = 0;
  let a = from; // where the current name's piece starts
  let prev = 44;
  for (let i = from; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 44 /* , */) {
      used = plainName(text, ls, a, i, used, false);
      a = i + 1;
    } else if (c < 32 || c > 126 || (c === 32 && prev === 32)) {
      return -1;
    }
    prev = c;
  }
  return plainName(text, ls, a, end, used, true);
}

/** Enters the name in text[a, b) less a space each side (see readPlainLine); returns the run's new length. */
function plainName(text: string, ls: number, a: number, b: number, used: number, last: boolean): number {
  if (a < b && text.charCodeAt(a) === 32) a++;
  if (b > a && text.charCodeAt(b - 1) === 32) b--;
  if (a === b) return used;
  // `+` marks a truncated list; it is never a name, even misplaced before the end.
  if (b === a + 1 && text.charCodeAt(a) === 43) {
    if (last) TRUNCATED.at = a;
    return used;
  }
  return enterName(ls, a, b, plainHash(b - a, lowerAscii(text.charCodeAt(a))), used);
}

/** Writes a name's numbers (see NAMES) after the first `used` of the line's run; returns the run's new length. */
function enterName(ls: number, a: number, b: number, hash: number, used: number): number {
  const spans = NAMES.room(used, 3);
  const k = NAMES.at + used;
  spans[k] = a - ls;
  spans[k + 1] = b - ls;
  spans[k + 2] = hash;
  return used + 3;
}

/**
 * Reads the names of any line into NAMES, each to its comma: a plain name (printable words,
 * single spaces: its key is its lower case) is trimmed of spaces; any other (tabs, other white
 * space, non-ASCII letters) is trimmed by isSpace and keyed by authorKey. Returns how many numbers.
 */
function readNames(text: string, ls: number, from: number, end: number): number {
  let used = 0;
  while (from <= end) {
    let a = from;
    let c = 0;
    while (a < end && ((c = text.charCodeAt(a)) === 32 || c === 9)) a++;
    let b = a; // past the last character that is not a space
    let spaces = 0;
    let plain = true;
    let comma = a;
    for (; comma < end; comma++) {
      c = text.charCodeAt(comma);
      if (c === 44 /* , */) break;
      if (c === 32) {
        spaces++;
      } else {
        if (c <= 32 || c >= 127 || spaces > 1) plain = false;
        spaces = 0;
        b = comma + 1;
      }
    }
    let hash = 0;
    if (!plain) {
      a = from;
      b = comma;
      while (a < b && isSpace(text.charCodeAt(a))) a++;
      while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
      if (a < b) hash = keyHash(authorKey(text.slice(a, b)));
    } else if (a < b) {
      hash = plainHash(b - a, lowerAscii(text.charCodeAt(a)));
    }
    if (a < b) {
      if (b === a + 1 && text.charCodeAt(a) === 43) {
        if (comma === end) TRUNCATED.at = a;
      } else {
        used = enterName(ls, a, b, hash, used);
      }
    }
    from = comma + 1;
  }
  return used;
}

/** Where the names' numbers are written: three per name (start, end, key hash), one run per line. */
const NAMES = new NumberRuns();
