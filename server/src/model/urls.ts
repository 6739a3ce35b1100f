import { lineRange } from './lines';
import { pairs } from './links';
import { append } from './lists';
import type { BareUrl } from './types';

function isUrlChar(c: number): boolean {
  // ASCII, printable, not white space, not `<` or `>` (which end an autolink).
  return c > 32 && c < 127 && c !== 60 && c !== 62;
}

function isSpace(ch: string): boolean {
  return /\s/.test(ch);
}

const NONE: number[] = [];

/**
 * Stretches of a line where a URL is not auto-linked: code spans (a run of backticks to the next
 * run of the same length) and link labels (`[…]` right before `(`), as [start, end) pairs in
 * order. Each backtick run and bracket is looked at a bounded number of times: linear per line.
 * @internal Exported for a test.
 */
export function notAutoLinked(s: string): number[] {
  const out: number[] = [];
  const code = s.indexOf('`') === -1 ? [] : codeSpans(s);
  let c = 0;
  if (s.indexOf('[') !== -1) {
    const brackets = pairs(s, 91, 93);
    for (const [open, close] of brackets) {
      if (close === -1 || s.charCodeAt(close + 1) !== 40 /* ( */) continue;
      // A bracket inside a code span is text, not a label.
      while (c < code.length && code[c + 1] <= open) c += 2;
      if (c < code.length && code[c] <= open) continue;
      out.push(open, close + 1);
    }
  }
  for (let i = 0; i < code.length; i++) out.push(code[i]);
  // Pairs in order of their start (labels and code spans may interleave, and labels may nest).
  const spans: [number, number][] = [];
  for (let i = 0; i < out.length; i += 2) spans.push([out[i], out[i + 1]]);
  spans.sort((a, b) => a[0] - b[0]);
  return spans.flat();
}

/** Code spans of a line as [start, end) pairs: each backtick run closes at the next run of its length. */
function codeSpans(s: string): number[] {
  const runs: number[] = []; // start, length
  for (let i = s.indexOf('`'); i !== -1; ) {
    let j = i;
    while (j < s.length && s.charCodeAt(j) === 96) j++;
    // (A backslash before an opening run is not read as an escape: a rare miss, on the safe side.)
    runs.push(i, j - i);
    i = s.indexOf('`', j);
  }
  // For each length, the runs of that length in order, walked by a pointer that only moves on.
  const byLength = new Map<number, number[]>();
  for (let r = 0; r < runs.length; r += 2) {
    let list = byLength.get(runs[r + 1]);
    if (!list) byLength.set(runs[r + 1], (list = []));
    list.push(r);
  }
  const next = new Map<number, number>();
  const out: number[] = [];
  let pos = 0;
  for (let r = 0; r < runs.length; r += 2) {
    const start = runs[r];
    const length = runs[r + 1];
    if (start < pos) continue;
    const list = byLength.get(length)!;
    let k = next.get(length) ?? 0;
    while (k < list.length && runs[list[k]] <= start) k++;
    next.set(length, k);
    if (k === list.length) continue;
    const close = runs[list[k]];
    out.push(start, close + length);
    pos = close + length;
  }
  return out;
}

/**
 * Finds bare http(s) URLs in a line of prose (not the destination of a `[..](..)` link nor a
 * `<…>` autolink, nor inside a code span or a link label, where nothing is auto-linked), and for
 * each the non-ASCII text glued to its end, if any.
 */
export function findBareUrls(s: string, line: number, found: BareUrl[]): BareUrl[] {
  let out = found;
  let from = 0;
  // Made once per line, on its first URL, and only when the line has a backtick or a bracket.
  let skip: number[] | undefined;
  let k = 0;
  for (;;) {
    const at = s.indexOf('http', from);
    if (at === -1) return out;
    from = at + 4;
    skip ??= s.indexOf('`') === -1 && s.indexOf('[') === -1 ? NONE : notAutoLinked(s);
    if (skip.length) {
      while (k < skip.length && skip[k + 1] <= at) k += 2;
      if (k < skip.length && skip[k] <= at) {
        from = Math.max(from, skip[k + 1]);
        continue;
      }
    }
    const rest = s.startsWith('https://', at) ? 8 : s.startsWith('http://', at) ? 7 : 0;
    if (rest === 0) continue;
    const prev = at > 0 ? s.charCodeAt(at - 1) : 32;
    if (prev === 60 /* < */ || prev === 93 /* ] */) continue;
    if (prev === 40 /* ( */ && at > 1 && s.charCodeAt(at - 2) === 93) continue;
    if (at > 0 && /[A-Za-z0-9]/.test(s[at - 1])) continue;
    let end = at + rest;
    let depth = 0;
    while (end < s.length) {
      const c = s.charCodeAt(end);
      if (!isUrlChar(c)) break;
      if (c === 40) depth++;
      else if (c === 41) {
        if (depth === 0) break;
        depth--;
      }
      end++;
    }
    if (end === at + rest) continue;
    const url: BareUrl = { url: s.slice(at, end), range: lineRange(line, at, end) };
    if (end < s.length && s.charCodeAt(end) >= 128 && !isSpace(s[end])) {
      let g = end;
      while (g < s.length && !isSpace(s[g]) && s.charCodeAt(g) !== 60 && !(s.charCodeAt(g) < 128 && /[)\].,;:!?"']/.test(s[g]))) g++;
      url.glued = { text: s.slice(end, g), range: lineRange(line, end, g) };
    }
    out = append(out, url);
    from = end;
  }
}
