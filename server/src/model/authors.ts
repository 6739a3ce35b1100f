import { lineRange } from './lines';
import { AuthorsNode } from './nodes';
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
    /** Hash of the key (see repeatsOf); equal keys have equal hashes. */
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

/** FNV-1a over a key's UTF-16 units (parseAuthors gives the same for a plain name, read in place). */
function hashKey(key: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), FNV_PRIME);
  return h;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** Whether two plain-ASCII names have the same key (equal but for ASCII case). */
function sameAscii(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y && (x | 32) !== (y | 32)) return false;
    if (x !== y && ((x | 32) < 97 || (x | 32) > 122)) return false;
  }
  return true;
}

/** Whether two names have the same key. */
export function sameKey(a: string, b: string): boolean {
  return isPlainAscii(a) && isPlainAscii(b) ? sameAscii(a, b) : authorKey(a) === authorKey(b);
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
  return a instanceof Name ? a.hash : hashKey(a.key);
}

/**
 * Parses `Authors: A, B, C[, +]` on the line starting at offset `ls` of text, from character `at`
 * (the `A` of `Authors:`) to `endChar`. Each name is read in one pass to its comma, taking its key
 * hash on the way when it is plain ASCII (printable words, single spaces: its key is its lower
 * case); any other name is trimmed and keyed the general way.
 */
export function parseAuthors(text: string, ls: number, at: number, endChar: number, line: number): AuthorsNode {
  const end = ls + endChar;
  const spans = SPANS;
  let used = 0; // numbers in spans so far (the list is reused, never shortened)
  let truncated: Range | undefined;
  let from = ls + at + 'Authors:'.length;
  while (from <= end) {
    let a = from;
    let c = 0;
    while (a < end && ((c = text.charCodeAt(a)) === 32 || c === 9)) a++;
    let b = a; // past the last character that is not a space
    let h = FNV_OFFSET;
    let spaces = 0;
    let plain = true;
    let comma = a;
    for (; comma < end; comma++) {
      c = text.charCodeAt(comma);
      if (c === 44 /* , */) break;
      if (c === 32) {
        spaces++;
      } else if (c > 32 && c < 127) {
        if (spaces > 1) plain = false;
        else if (spaces === 1) h = Math.imul(h ^ 32, FNV_PRIME);
        spaces = 0;
        h = Math.imul(h ^ (c >= 65 && c <= 90 ? c + 32 : c), FNV_PRIME);
        b = comma + 1;
      } else {
        plain = false;
        b = comma + 1;
      }
    }
    if (!plain) {
      // Tabs, other white space, non-ASCII letters: trimmed by isSpace, keyed by authorKey.
      a = from;
      b = comma;
      while (a < b && isSpace(text.charCodeAt(a))) a++;
      while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
      if (a < b) h = hashKey(authorKey(text.slice(a, b)));
    }
    if (a < b) {
      // `+` marks a truncated list; it is never a name, even misplaced before the end.
      if (b === a + 1 && text.charCodeAt(a) === 43) {
        if (comma === end) truncated = lineRange(line, a - ls, b - ls);
      } else {
        spans[used++] = a - ls;
        spans[used++] = b - ls;
        spans[used++] = h;
      }
    }
    from = comma + 1;
  }
  const out = new AuthorsNode(text, ls, line, at, endChar, spans, used);
  if (truncated) out.truncated = truncated;
  return out;
}

/** The numbers of the line being parsed (parsing is synchronous: one list serves; the node copies them). */
const SPANS: number[] = [];
