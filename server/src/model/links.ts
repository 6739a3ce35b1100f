import { lineRange } from './lines';
import type { LinkProblem } from './types';

export interface FoundLink {
  /** Offset of `[` (or `!` for an image) within the line. */
  start: number;
  /** Offset just past the link. */
  end: number;
  image: boolean;
  text: string;
  /** The link destination as written, with its offsets, when one could be read. */
  url?: { text: string; start: number; end: number };
  problem?: LinkProblem['kind'];
}

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;
const TITLE = /^(\S+)\s+("[^"]*"|'[^']*'|\([^)]*\))\s*$/;

/**
 * Pairs brackets of one kind on a line with a stack, so that a line of 100,000 `[` costs one pass.
 * Returns, for each opening offset, the offset of its closing partner (or -1).
 */
/** @internal Exported for a property test. */
export function pairs(s: string, open: number, close: number): Map<number, number> {
  const out = new Map<number, number>();
  const stack: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 92 /* \ */) {
      i++;
      continue;
    }
    if (c === open) stack.push(i);
    else if (c === close && stack.length > 0) out.set(stack.pop()!, i);
  }
  for (const i of stack) out.set(i, -1);
  return out;
}

/**
 * The partner of the opening bracket at `from` (not itself escaped), or -1, by one scan from it.
 * Gives what `pairs` gives for that bracket (a property test compares them).
 */
export function partnerOf(s: string, from: number, open: number, close: number): number {
  // Nearly always: the first closing bracket, with no opening one or backslash before it.
  // (Each search runs natively; the scan below is for nesting and escapes.)
  const first = s.indexOf(String.fromCharCode(close), from + 1);
  if (first === -1) return -1;
  if (absent(s, String.fromCharCode(open), from + 1, first) && absent(s, '\\', from + 1, first)) return first;
  let depth = 0;
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 92 /* \ */) i++;
    else if (c === open) depth++;
    else if (c === close && --depth === 0) return i;
  }
  return -1;
}

/** Whether s has no `c` in [from, to). */
function absent(s: string, c: string, from: number, to: number): boolean {
  const at = s.indexOf(c, from);
  return at === -1 || at >= to;
}

/** Scans per line before the bracket table is built: most lines have one or two links. */
const DIRECT_SCANS = 4;

/**
 * Closing partners of one kind of bracket on a line: the first few are found by a scan from the
 * bracket, after which one pass pairs them all (so many brackets on a line stay linear).
 */
class Partners {
  private table?: Map<number, number>;
  private scans = 0;

  constructor(
    private readonly s: string,
    private readonly open: number,
    private readonly close: number,
  ) {}

  of(at: number): number {
    if (!this.table && this.scans++ < DIRECT_SCANS) return partnerOf(this.s, at, this.open, this.close);
    this.table ??= pairs(this.s, this.open, this.close);
    return this.table.get(at) ?? -1;
  }
}

function nonSpaceRunEnd(s: string, from: number): number {
  let i = from;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c === 32 || c === 9) break;
    i++;
  }
  return i;
}

/**
 * End of a URL written without parentheses: at white space, `<`, `>` or the first non-ASCII
 * character, so `[a]https://x.io에서` wraps as `[a](https://x.io)에서`, the Korean left outside.
 */
function bareUrlEnd(s: string, from: number): number {
  let i = from;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c <= 32 || c >= 127 || c === 60 || c === 62) break;
    i++;
  }
  return i;
}

/** The label of the scraped video link, as the parser reads it (any case). */
export function isWatchVideo(label: string): boolean {
  return label.length === 11 && label.toLowerCase() === 'watch video';
}

/** Whether the character before `at` is an ASCII letter or digit (`a[0`, `x[i]`). */
function afterWordChar(s: string, at: number): boolean {
  const c = at > 0 ? s.charCodeAt(at - 1) : 0;
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function skipBlanks(s: string, from: number): number {
  let i = from;
  while (i < s.length && (s.charCodeAt(i) === 32 || s.charCodeAt(i) === 9)) i++;
  return i;
}

/**
 * The first `http://` or `https://` at or after an offset. Asked with offsets that only grow, it
 * searches each stretch of the line once, so a line of many lone `[` stays linear.
 */
class UrlSearch {
  private at = -2;
  constructor(private readonly s: string) {}

  from(offset: number): number {
    if (this.at === -1 || (this.at !== -2 && this.at >= offset)) return this.at;
    let i = this.s.indexOf('http', offset);
    while (i !== -1 && !(this.s.startsWith('://', i + 4) || this.s.startsWith('s://', i + 4))) i = this.s.indexOf('http', i + 4);
    return (this.at = i);
  }
}

/**
 * Finds Markdown link syntax on one line, well-formed or not.
 * `strictBrackets`: an unmatched `[` counts as an unclosed link (media lines); in prose only an
 * unmatched `![`, or a `[` with a URL after it on the line, does, since a lone `[` is ordinary
 * text there (`a[0]`). On media lines a URL may follow the `]` after blanks and still be read.
 */
export function scanLinks(s: string, strictBrackets: boolean): FoundLink[] {
  if (s.indexOf('[') === -1) return [];
  const brackets = new Partners(s, 91, 93);
  let parens: Partners | undefined;
  let urlAfter: UrlSearch | undefined;
  const found: FoundLink[] = [];
  let i = 0;
  while (i < s.length) {
    const open = s.indexOf('[', i);
    if (open === -1) break;
    if (open > 0 && s.charCodeAt(open - 1) === 92) {
      i = open + 1;
      continue;
    }
    const image = open > 0 && s.charCodeAt(open - 1) === 33; /* ! */
    const start = image ? open - 1 : open;
    const close = brackets.of(open);
    if (close === -1) {
      // In prose a lone `[` is text (`a[0`), unless it starts a word and a URL follows it on the
      // line: then a link was meant.
      if (image || strictBrackets || (!afterWordChar(s, open) && (urlAfter ??= new UrlSearch(s)).from(open) !== -1)) {
        found.push({ start, end: s.length, image, text: s.slice(open + 1), problem: 'unclosed-bracket' });
        break;
      }
      i = open + 1;
      continue;
    }
    const text = s.slice(open + 1, close);
    const after = close + 1;
    if (s.charCodeAt(after) === 40 /* ( */) {
      parens ??= new Partners(s, 40, 41);
      const end = parens.of(after);
      if (end === -1) {
        const urlEnd = nonSpaceRunEnd(s, after + 1);
        found.push({
          start, end: s.length, image, text,
          url: { text: s.slice(after + 1, urlEnd), start: after + 1, end: urlEnd },
          problem: 'unclosed-paren',
        });
        break;
      }
      found.push(destination(s, start, end + 1, image, text, after + 1, end));
      i = end + 1;
      continue;
    }
    // `[Watch Video] https://…` (and so on media lines) lost its parentheses as well; in prose a
    // label then a space then a URL is ordinary text.
    const urlAt = strictBrackets || isWatchVideo(text) ? skipBlanks(s, after) : after;
    if (s.startsWith('http://', urlAt) || s.startsWith('https://', urlAt)) {
      const urlEnd = bareUrlEnd(s, urlAt);
      found.push({
        start, end: urlEnd, image, text,
        url: { text: s.slice(urlAt, urlEnd), start: urlAt, end: urlEnd },
        problem: 'missing-parens',
      });
      i = urlEnd;
      continue;
    }
    // `[text]` alone is plain text or a reference link: not ours to judge.
    i = close + 1;
  }
  return found;
}

/** Whether s holds white space (as `\s` means it); ASCII is decided without a regular expression. @internal */
export function hasSpace(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 32 ? c === 32 || (c >= 9 && c <= 13) : c > 127 && SPACE.test(s[i])) return true;
  }
  return false;
}

const SPACE = /\s/;

function destination(
  s: string, start: number, end: number, image: boolean, text: string, from: number, to: number,
): FoundLink {
  let a = from;
  let b = to;
  while (a < b && (s.charCodeAt(a) === 32 || s.charCodeAt(a) === 9)) a++;
  while (b > a && (s.charCodeAt(b - 1) === 32 || s.charCodeAt(b - 1) === 9)) b--;
  if (a === b) return { start, end, image, text, url: { text: '', start: a, end: b }, problem: 'empty-url' };
  let raw = s.slice(a, b);
  if (raw.startsWith('<') && raw.endsWith('>')) {
    a++;
    b--;
    raw = raw.slice(1, -1);
  } else if (hasSpace(raw)) {
    const titled = TITLE.exec(raw);
    if (!titled) return { start, end, image, text, url: { text: raw, start: a, end: b }, problem: 'space-in-url' };
    raw = titled[1];
    b = a + raw.length;
  }
  const url = { text: raw, start: a, end: b };
  // Nearly every destination starts `https://`: its scheme needs no regular expression.
  const web = raw.startsWith('https://') || raw.startsWith('http://');
  const scheme = web ? null : SCHEME.exec(raw);
  if (scheme && !/^https?$/i.test(scheme[1])) return { start, end, image, text, url, problem: 'bad-scheme' };
  if (raw.length === 0) return { start, end, image, text, url, problem: 'empty-url' };
  return { start, end, image, text, url };
}

/** Turns a found link's problem into the model's LinkProblem (positions on the given line). */
export function toProblem(link: FoundLink, s: string, line: number, base: number): LinkProblem | undefined {
  if (!link.problem) return undefined;
  const kind = link.problem;
  const onUrl = kind === 'space-in-url' || kind === 'bad-scheme';
  const from = onUrl && link.url ? link.url.start : link.start;
  let to = onUrl && link.url ? link.url.end : link.end;
  if (kind === 'unclosed-bracket' || kind === 'unclosed-paren') {
    while (to > from && (s.charCodeAt(to - 1) === 32 || s.charCodeAt(to - 1) === 9)) to--;
  }
  if (from === to) to = Math.min(s.length, from + 1);
  const problem: LinkProblem = { kind, range: lineRange(line, base + from, base + to), text: s.slice(from, to) };
  if (kind === 'missing-parens' && link.url) {
    problem.urlRange = lineRange(line, base + link.url.start, base + link.url.end);
  }
  return problem;
}
