import type { Finding } from '../rules/types';
import { findingsWithin } from '../lookup';
import type { Paper } from '../model/types';
import type { ProblemCounts, TreeDay, TreePaper, TreeResult } from '../protocol';
import type { IndexedDoc } from '../workspace/index';
import { check, type Cancel } from './cancel';
import { isTruncated, paperTitle, uniqueAuthors, votesOf } from './paperText';

function count(findings: readonly Finding[]): ProblemCounts {
  const c: ProblemCounts = { errors: 0, warnings: 0, information: 0 };
  for (const f of findings) {
    if (f.severity === 'error') c.errors++;
    else if (f.severity === 'warning') c.warnings++;
    else c.information++;
  }
  return c;
}

function add(into: ProblemCounts, c: ProblemCounts): void {
  into.errors += c.errors;
  into.warnings += c.warnings;
  into.information += c.information;
}

function treePaper(uri: string, paper: Paper, findings: readonly Finding[]): TreePaper {
  const ref = paper.heading.arxiv;
  return {
    uri,
    title: paperTitle(paper),
    arxivId: ref?.id,
    votes: votesOf(paper),
    authors: uniqueAuthors(paper),
    truncated: isTruncated(paper),
    range: paper.range,
    headingRange: paper.heading.range,
    problems: count(findingsWithin(findings, paper.range)),
  };
}

/**
 * The Daily Papers tree: days of every indexed digest merged by date, newest first; papers in file
 * then document order. Days whose heading has no valid date, and papers before any day heading,
 * are left out: the tree is keyed by date, and those lines carry an error diagnostic of their own.
 */
export function tree(
  docs: readonly IndexedDoc[],
  findingsOf: (doc: IndexedDoc) => readonly Finding[],
  indexing: boolean,
  token?: Cancel,
): TreeResult {
  const byDate = new Map<string, TreeDay>();
  const ordered = [...docs].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  for (const doc of ordered) {
    check(token);
    const findings = findingsOf(doc);
    for (const day of doc.digest.days) {
      if (!day.date) continue;
      let node = byDate.get(day.date);
      if (!node) {
        node = { date: day.date, papers: [], problems: count([]), headings: [] };
        byDate.set(day.date, node);
      }
      node.headings.push({ uri: doc.uri, range: day.heading.range });
      add(node.problems, count(findingsWithin(findings, day.range)));
      for (const paper of day.papers) node.papers.push(treePaper(doc.uri, paper, findings));
    }
  }
  const days = [...byDate.values()].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  return { days, indexing };
}
