import type { Author, AuthorsLine, Day, Digest, Paper, Position, Range } from './model/types';
import type { Finding } from './rules/types';

/** Position-to-element lookups over a parsed digest, shared by hover, references and completion. */

export function contains(range: Range, pos: Position): boolean {
  const { start, end } = range;
  if (pos.line < start.line || pos.line > end.line) return false;
  if (pos.line === start.line && pos.character < start.character) return false;
  if (pos.line === end.line && pos.character > end.character) return false;
  return true;
}

export interface PaperPlace {
  paper: Paper;
  /** Undefined for papers before any day heading. */
  day?: Day;
}

/** Every paper with its day, in document order. */
export function papersWithDays(digest: Digest): PaperPlace[] {
  const out: PaperPlace[] = digest.orphanPapers.map((paper) => ({ paper }));
  for (const day of digest.days) for (const paper of day.papers) out.push({ paper, day });
  return out;
}

/** The paper whose `###` heading is on the position's line. */
export function paperHeadingAt(digest: Digest, pos: Position): PaperPlace | undefined {
  return papersWithDays(digest).find((p) => p.paper.heading.line === pos.line);
}

export interface AuthorPlace extends PaperPlace {
  line: AuthorsLine;
  author: Author;
}

/** The author name under the position (its range, ends included). */
export function authorAt(digest: Digest, pos: Position): AuthorPlace | undefined {
  for (const place of papersWithDays(digest)) {
    const { paper } = place;
    if (pos.line < paper.heading.line || pos.line > paper.range.end.line) continue;
    for (const line of paper.authors) {
      if (line.line !== pos.line) continue;
      const author = line.authors.find((a) => contains(a.range, pos));
      if (author) return { ...place, line, author };
    }
  }
  return undefined;
}

/** Findings that start inside the lines of a block (paper or day). */
export function findingsWithin(findings: readonly Finding[], block: Range): Finding[] {
  return findings.filter((f) => f.range.start.line >= block.start.line && f.range.start.line <= block.end.line);
}
