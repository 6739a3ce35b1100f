import { headingLevel, parseDayHeading } from './headings';

/**
 * Content detection: a text is a digest when its first non-blank line is a day heading
 * (`## Daily Papers (YYYY-MM-DD)`). Blank means spaces and tabs only; a byte order mark at the
 * very start is skipped. However many blank lines come first, the editor (client and server), the
 * workspace index and the CLI give the same answer: each reads until that line, never a fixed head.
 */

/** True when the line, the first non-blank one of a text (without its break), is a day heading. */
export function isDigestHeadLine(line: string): boolean {
  // Up to three spaces may indent a heading (as the parser reads it); a tab or four make code.
  let i = 0;
  while (i < 3 && line.charCodeAt(i) === 32) i++;
  const head = i ? line.slice(i) : line;
  return headingLevel(head, 0) === 2 && parseDayHeading(head, 0, 0).problem !== 'shape';
}

/**
 * The verdict on the start of a text: undefined when `head` does not yet hold the whole first
 * non-blank line and more text follows (`complete` false), so a reader goes on reading.
 */
export function headVerdict(head: string, complete: boolean): boolean | undefined {
  let i = head.charCodeAt(0) === 0xfeff ? 1 : 0;
  // The line's own indentation counts (a heading may have three spaces, not four): keep its start.
  let lineStart = i;
  for (let c; i < head.length && ((c = head.charCodeAt(i)) === 32 || c === 9 || c === 10 || c === 13); ) {
    if (c === 10 || c === 13) lineStart = i + 1;
    i++;
  }
  if (i >= head.length) return complete ? false : undefined;
  let end = i;
  while (end < head.length && head.charCodeAt(end) !== 10 && head.charCodeAt(end) !== 13) end++;
  if (end === head.length && !complete) return undefined;
  return isDigestHeadLine(head.slice(lineStart, end));
}

/** True when the first non-blank line of text is a day heading. */
export function looksLikeDigest(text: string): boolean {
  return headVerdict(text, true) === true;
}

/** The same verdict on a text held as lines (without their breaks), read up to the first non-blank one. */
export function linesLookLikeDigest(lineCount: number, lineAt: (i: number) => string): boolean {
  return decidingLine(lineCount, lineAt).digest;
}

/**
 * The verdict with the line that gave it: the first non-blank line, or lineCount when there is
 * none. An edit after that line cannot change the verdict.
 */
export function decidingLine(lineCount: number, lineAt: (i: number) => string): { line: number; digest: boolean } {
  for (let i = 0; i < lineCount; i++) {
    let line = lineAt(i);
    if (i === 0 && line.charCodeAt(0) === 0xfeff) line = line.slice(1);
    if (!/^[ \t]*$/.test(line)) return { line: i, digest: isDigestHeadLine(line) };
  }
  return { line: lineCount, digest: false };
}
