import { headingLevel, parseDayHeading } from './headings';
import { isBlank, lineRange, range, splitLines, trimEnd } from './lines';
import { parsePaper, type Source } from './paper';
import type { Day, Digest, Paper } from './types';

/** True when the first non-blank line of text is a day heading (content detection). */
export function looksLikeDigest(text: string): boolean {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < text.length && /[ \t\r\n]/.test(text[i])) i++;
  if (i >= text.length) return false;
  let end = i;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  const line = text.slice(i, end);
  return headingLevel(line, 0) === 2 && parseDayHeading(line, 0, 0).problem !== 'shape';
}

/**
 * Parses a digest into its typed model. Never throws: any text yields a model, and lines that
 * fit no element are kept as `unexpected`.
 */
export function parse(text: string): Digest {
  const table = splitLines(text);
  const bom = text.charCodeAt(0) === 0xfeff;
  const src: Source = { text, starts: table.starts, ends: table.ends };
  const lineCount = table.starts.length;
  const digest: Digest = {
    text,
    lineStarts: table.starts,
    lineEnds: table.ends,
    bom,
    eol: table.eol,
    isDigest: false,
    days: [],
    orphanPapers: [],
    unexpected: [],
  };

  // Pass 1: heading lines only. Everything else belongs to the block above it.
  const headings: { line: number; level: number }[] = [];
  for (let line = 0; line < lineCount; line++) {
    const start = table.starts[line] + (line === 0 && bom ? 1 : 0);
    if (text.charCodeAt(start) !== 35 /* # */) continue;
    const s = text.slice(start, table.ends[line]);
    const level = headingLevel(s, 0);
    if (level === 2 || level === 3) headings.push({ line, level });
  }

  let day: Day | undefined;
  let firstContent = true;
  const preface = headings.length ? headings[0].line : lineCount;
  collectUnexpected(digest, src, 0, preface, bom);
  if (digest.unexpected.length) firstContent = false;

  for (let h = 0; h < headings.length; h++) {
    const { line, level } = headings[h];
    const next = h + 1 < headings.length ? headings[h + 1].line : lineCount;
    const offset = line === 0 && bom ? 1 : 0;
    if (level === 2) {
      const s = text.slice(table.starts[line], table.ends[line]);
      const heading = parseDayHeading(s, offset, line);
      if (firstContent) digest.isDigest = heading.problem !== 'shape';
      firstContent = false;
      day = {
        heading,
        date: heading.problem ? undefined : heading.date?.text,
        papers: [],
        range: heading.range,
      };
      digest.days.push(day);
      collectUnexpected(digest, src, line + 1, next, false);
      extendDay(day, src, next);
    } else {
      firstContent = false;
      const paper: Paper = parsePaper(src, line, next, offset);
      if (day) {
        day.papers.push(paper);
        extendDay(day, src, next);
      } else {
        digest.orphanPapers.push(paper);
      }
    }
  }
  return digest;
}

/** A day's range runs to its last non-blank line before `end`. */
function extendDay(day: Day, src: Source, end: number): void {
  for (let line = end - 1; line > day.heading.line; line--) {
    const s = src.text.slice(src.starts[line], src.ends[line]);
    if (!isBlank(s)) {
      day.range = range(day.heading.line, day.heading.range.start.character, line, trimEnd(s));
      return;
    }
  }
}

function collectUnexpected(digest: Digest, src: Source, from: number, to: number, bom: boolean): void {
  for (let line = from; line < to; line++) {
    const s = src.text.slice(src.starts[line], src.ends[line]);
    if (isBlank(s)) continue;
    let a = line === 0 && bom ? 1 : 0;
    while (a < s.length && (s.charCodeAt(a) === 32 || s.charCodeAt(a) === 9)) a++;
    const b = trimEnd(s);
    digest.unexpected.push({ text: s.slice(a, b), range: lineRange(line, a, b) });
  }
}
