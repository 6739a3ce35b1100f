import { LineSpan, skipSpaces, trimEnd } from './lines';
import { partnerOf } from './links';
import { ArxivNode, DayHeadingNode, PaperHeadingNode } from './nodes';

/** Heading level of a line (1–6) when it is an ATX heading, else 0. */
export function headingLevel(s: string, from: number): number {
  let i = from;
  while (i < s.length && s.charCodeAt(i) === 35 /* # */) i++;
  const level = i - from;
  if (level === 0 || level > 6) return 0;
  if (i === s.length) return level;
  const c = s.charCodeAt(i);
  return c === 32 || c === 9 ? level : 0;
}

const DAY = /^Daily Papers \((\d{4})-(\d{2})-(\d{2})\)$/;
export const ARXIV_ABS = 'https://arxiv.org/abs/';

export function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= days[m - 1];
}

/** The content of a heading line after its `#`s, trimmed, as a span. */
function headingContent(s: string, from: number, level: number, line: number): LineSpan {
  const a = skipSpaces(s, from + level);
  const b = contentEnd(s, a);
  return new LineSpan(s.slice(a, b), line, a, b);
}

/** Where a heading's content that starts at `a` ends: before trailing blanks and closing `#`s. */
function contentEnd(s: string, a: number): number {
  let b = trimEnd(s);
  // An optional closing sequence of #s (ATX) is not content.
  let c = b;
  while (c > a && s.charCodeAt(c - 1) === 35) c--;
  if (c < b && (c === a || s.charCodeAt(c - 1) === 32 || s.charCodeAt(c - 1) === 9)) b = trimEnd(s, c);
  if (b < a) b = a;
  return b;
}

export function parseDayHeading(s: string, from: number, line: number): DayHeadingNode {
  const content = headingContent(s, from, 2, line);
  const heading = new DayHeadingNode(line, from, trimEnd(s), content);
  const m = DAY.exec(content.text);
  if (!m) {
    heading.problem = 'shape';
    return heading;
  }
  const open = content.text.indexOf('(') + 1;
  const at = content.start + open;
  heading.date = new LineSpan(content.text.slice(open, open + 10), line, at, at + 10);
  if (!isRealDate(Number(m[1]), Number(m[2]), Number(m[3]))) heading.problem = 'calendar';
  return heading;
}

function digits(s: string, from: number, to: number): boolean {
  if (to > s.length) return false;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Reads an arXiv id (`YYMM.NNNNN[vN]`), or undefined when the text is not one. */
export function parseArxivId(text: string, line: number, at: number): ArxivNode | undefined {
  if (!digits(text, 0, 4) || text.charCodeAt(4) !== 46 /* . */) return undefined;
  let seq = 5;
  while (seq < text.length && text.charCodeAt(seq) >= 48 && text.charCodeAt(seq) <= 57) seq++;
  const n = seq - 5;
  if (n !== 4 && n !== 5) return undefined;
  let version: string | undefined;
  if (seq < text.length) {
    // `v` and a version number from 1, nothing after it.
    const first = text.charCodeAt(seq + 1);
    if (text.charCodeAt(seq) !== 118 /* v */ || !(first >= 49 && first <= 57) || !digits(text, seq + 2, text.length)) return undefined;
    version = text.slice(seq);
  }
  const month = (text.charCodeAt(2) - 48) * 10 + (text.charCodeAt(3) - 48);
  if (month < 1 || month > 12) return undefined;
  // Ids of this style exist from 0704 on; four-digit sequence numbers until 1412, five since 1501.
  const yymm = Number(text.slice(0, 4));
  if (yymm < 704 || (n === 4) !== yymm < 1501) return undefined;
  return new ArxivNode(text.length === seq ? text : text.slice(0, seq), version, line, at, at + text.length);
}

function outsideAscii(c: number): boolean {
  return c <= 32 || c >= 127;
}

export function parsePaperHeading(s: string, from: number, line: number): PaperHeadingNode {
  const a = skipSpaces(s, from + 3);
  const b = contentEnd(s, a);
  const heading = new PaperHeadingNode(s, line, from, trimEnd(s), a, b);
  const close = s.charCodeAt(a) === 91 ? partnerOf(s, a, 91, 93) : -1;
  if (close === -1 || close + 1 >= b || s.charCodeAt(close + 1) !== 40 || s.charCodeAt(b - 1) !== 41) {
    heading.problem = 'shape';
    return heading;
  }
  const ta = skipSpaces(s, a + 1);
  const tb = Math.max(ta, trimEnd(s, close));
  heading.urlStart = close + 2;
  heading.urlEnd = b - 1;
  // Other white space at either end (a no-break space, say) is not title text either.
  const trimmed = ta < tb && (outsideAscii(s.charCodeAt(ta)) || outsideAscii(s.charCodeAt(tb - 1)));
  if (ta === tb || (trimmed && s.slice(ta, tb).trim() === '')) {
    heading.problem = 'empty-title';
    heading.titleStart = a;
    heading.titleEnd = close + 1;
    return heading;
  }
  heading.titleStart = ta;
  heading.titleEnd = tb;
  heading.titleTrimmed = trimmed;
  // The destination as CommonMark reads it: blanks around it and `<…>` are not part of the URL.
  let ua = skipSpaces(s, close + 2);
  let ub = Math.max(ua, trimEnd(s, b - 1));
  if (ub - ua >= 2 && s.charCodeAt(ua) === 60 /* < */ && s.charCodeAt(ub - 1) === 62 /* > */) {
    ua++;
    ub--;
  }
  heading.urlStart = ua;
  heading.urlEnd = ub;
  if (!s.startsWith(ARXIV_ABS, ua)) {
    heading.problem = 'not-arxiv';
    return heading;
  }
  const ref = parseArxivId(s.slice(ua + ARXIV_ABS.length, ub), line, ua + ARXIV_ABS.length);
  if (!ref) {
    heading.problem = 'bad-id';
    return heading;
  }
  heading.arxiv = ref;
  return heading;
}
