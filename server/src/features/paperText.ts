import type { Day, Paper, Span } from '../model/types';

/** How features name things, so outline, hover, symbols and tree agree. */

export function paperTitle(paper: Paper): string {
  return titleOf(paper.heading.title, paper.heading.content);
}

/** paperTitle from a heading's title and content (when the caller has them already). */
export function titleOf(title: Span | undefined, content: Span): string {
  return title?.text.trim() || content.text.trim() || '(untitled paper)';
}

export function dayLabel(day: Day): string {
  return day.date ?? (day.heading.content.text.trim() || '(invalid day heading)');
}

export function votesOf(paper: Paper): number | undefined {
  return paper.votes[0]?.count;
}

/** Unique author names (first spelling kept), in order of first appearance. */
export function uniqueAuthors(paper: Paper): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const line of paper.authors) {
    for (const a of line.authors) {
      if (seen.has(a.key)) continue;
      seen.add(a.key);
      out.push(a.name);
    }
  }
  return out;
}

export function isTruncated(paper: Paper): boolean {
  return paper.authors.some((l) => l.truncated !== undefined);
}

export function plural(n: number, one: string, many = one + 's'): string {
  return `${n} ${n === 1 ? one : many}`;
}
