import { lineRange, LineSpan, skipSpaces, trimEnd } from './lines';
import type { ArxivRef, DayHeading, PaperHeading, Span } from './types';

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
const ARXIV_ID = /^(\d{2})(\d{2})\.(\d{4,5})(v[1-9]\d*)?$/;
export const ARXIV_ABS = 'https://arxiv.org/abs/';

export function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= days[m - 1];
}

/** The content of a heading line after its `#`s, trimmed, as a span. */
function headingContent(s: string, from: number, level: number, line: number): Span {
  const a = skipSpaces(s, from + level);
  let b = trimEnd(s);
  // An optional closing sequence of #s (ATX) is not content.
  let c = b;
  while (c > a && s.charCodeAt(c - 1) === 35) c--;
  if (c < b && (c === a || s.charCodeAt(c - 1) === 32 || s.charCodeAt(c - 1) === 9)) b = trimEnd(s, c);
  if (b < a) b = a;
  return new LineSpan(s.slice(a, b), line, a, b);
}

export function parseDayHeading(s: string, from: number, line: number): DayHeading {
  const content = headingContent(s, from, 2, line);
  const heading: DayHeading = { line, range: lineRange(line, from, trimEnd(s)), content };
  const m = DAY.exec(content.text);
  if (!m) {
    heading.problem = 'shape';
    return heading;
  }
  const at = content.range.start.character + content.text.indexOf('(') + 1;
  heading.date = new LineSpan(`${m[1]}-${m[2]}-${m[3]}`, line, at, at + 10);
  if (!isRealDate(Number(m[1]), Number(m[2]), Number(m[3]))) heading.problem = 'calendar';
  return heading;
}

/** Reads an arXiv id (`YYMM.NNNNN[vN]`), or undefined when the text is not one. */
export function parseArxivId(text: string, line: number, at: number): ArxivRef | undefined {
  const m = ARXIV_ID.exec(text);
  if (!m) return undefined;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return undefined;
  // Four-digit sequence numbers were used until 1412, five digits since 1501.
  const yymm = Number(m[1] + m[2]);
  if ((m[3].length === 4) !== yymm < 1501) return undefined;
  return { id: `${m[1]}${m[2]}.${m[3]}`, version: m[4], range: lineRange(line, at, at + text.length) };
}

/** Finds the `]` that closes the `[` at `open`, allowing nested brackets. */
function closingBracket(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 92) i++;
    else if (c === 91) depth++;
    else if (c === 93 && --depth === 0) return i;
  }
  return -1;
}

export function parsePaperHeading(s: string, from: number, line: number): PaperHeading {
  const content = headingContent(s, from, 3, line);
  const heading: PaperHeading = { line, range: lineRange(line, from, trimEnd(s)), content };
  const a = content.range.start.character;
  const b = content.range.end.character;
  const close = s.charCodeAt(a) === 91 ? closingBracket(s, a) : -1;
  if (close === -1 || close + 1 >= b || s.charCodeAt(close + 1) !== 40 || s.charCodeAt(b - 1) !== 41) {
    heading.problem = 'shape';
    return heading;
  }
  const titleText = s.slice(a + 1, close);
  const ta = skipSpaces(s, a + 1);
  const tb = Math.max(ta, trimEnd(s, close));
  heading.title = new LineSpan(titleText.trim(), line, ta, tb);
  const urlText = s.slice(close + 2, b - 1);
  heading.url = new LineSpan(urlText, line, close + 2, b - 1);
  if (heading.title.text === '') {
    heading.problem = 'empty-title';
    heading.title = new LineSpan('', line, a, close + 1);
    return heading;
  }
  if (!urlText.startsWith(ARXIV_ABS)) {
    heading.problem = 'not-arxiv';
    return heading;
  }
  const idText = urlText.slice(ARXIV_ABS.length);
  const ref = parseArxivId(idText, line, close + 2 + ARXIV_ABS.length);
  if (!ref) {
    heading.problem = 'bad-id';
    return heading;
  }
  heading.arxiv = ref;
  return heading;
}
