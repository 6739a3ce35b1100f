import { lineRange } from './lines';
import { append } from './lists';
import type { BareUrl } from './types';

function isUrlChar(c: number): boolean {
  // ASCII, printable, not white space, not `<` or `>` (which end an autolink).
  return c > 32 && c < 127 && c !== 60 && c !== 62;
}

function isSpace(ch: string): boolean {
  return /\s/.test(ch);
}

/**
 * Finds bare http(s) URLs in a line of prose (not the destination of a `[..](..)` link nor a
 * `<…>` autolink), and for each the non-ASCII text glued to its end, if any.
 */

export function findBareUrls(s: string, line: number, found: BareUrl[]): BareUrl[] {
  let out = found;
  let from = 0;
  for (;;) {
    const at = s.indexOf('http', from);
    if (at === -1) return out;
    from = at + 4;
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
