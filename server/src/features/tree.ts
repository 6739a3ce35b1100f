import type { Severity } from '../rules/types';
import type {
  DayHeadingLocation,
  FileSummaryResult,
  PaperAtResult,
  ProblemCounts,
  TreeDay,
  TreeDayResult,
  TreeFilesResult,
  TreePaper,
  TreeResult,
} from '../protocol';
import type { FileSummary, PaperSummary, RuleCounts } from '../workspace/summary';
import { check, type Cancel } from './cancel';

/**
 * The Daily Papers tree, from the workspace summaries: days of every digest merged by date, newest
 * first; a day's papers in file then document order, sent when the client expands the day. Days
 * whose heading has no valid date, and papers before any day heading, are left out: the tree is
 * keyed by date, and those lines carry an error diagnostic of their own.
 */

/** The severity a rule's findings have under the current settings; undefined when it is off. */
export type SeverityOf = (rule: string) => Severity | undefined;

function problems(counts: RuleCounts, severityOf: SeverityOf, into: ProblemCounts = { errors: 0, warnings: 0, information: 0 }): ProblemCounts {
  for (const rule in counts) {
    const severity = severityOf(rule);
    if (severity === 'error') into.errors += counts[rule];
    else if (severity === 'warning') into.warnings += counts[rule];
    else if (severity === 'information') into.information += counts[rule];
  }
  return into;
}

function byUri(files: readonly FileSummary[]): FileSummary[] {
  return [...files].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
}

/** Whether a paper's title, arXiv id or an author name contains the (lower-case) needle. */
function matcher(filter: string | undefined): ((paper: PaperSummary) => boolean) | undefined {
  const needle = filter?.trim().toLowerCase();
  if (!needle) return undefined;
  return (paper) =>
    paper.title.toLowerCase().includes(needle) ||
    (paper.arxivId?.toLowerCase().includes(needle) ?? false) ||
    paper.authors.some((a) => a.name.toLowerCase().includes(needle));
}

function treePaper(uri: string, paper: PaperSummary, severityOf: SeverityOf): TreePaper {
  return {
    uri,
    title: paper.title,
    arxivId: paper.arxivId,
    votes: paper.votes,
    authors: paper.authors.map((a) => a.name),
    truncated: paper.truncated,
    range: paper.range,
    headingRange: paper.headingRange,
    problems: problems(paper.problems, severityOf),
  };
}

/** The days of the tree with their counts; with a filter, the days holding a matching paper. */
export function treeDays(
  files: readonly FileSummary[],
  severityOf: SeverityOf,
  indexing: boolean,
  filter?: string,
  token?: Cancel,
): TreeResult {
  const matches = matcher(filter);
  const byDate = new Map<string, TreeDay>();
  for (const file of files) {
    check(token);
    for (const day of file.days) {
      if (!day.date) continue;
      let node = byDate.get(day.date);
      if (!node) {
        node = { date: day.date, paperCount: 0, matchCount: 0, problems: { errors: 0, warnings: 0, information: 0 } };
        byDate.set(day.date, node);
      }
      node.paperCount += day.papers.length;
      node.matchCount += matches ? day.papers.filter(matches).length : day.papers.length;
      problems(day.problems, severityOf, node.problems);
    }
  }
  const all = [...byDate.values()];
  const days = (matches ? all.filter((d) => d.matchCount > 0) : all).sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  return { days, totalDays: byDate.size, indexing };
}

/** The papers of one date (matching the filter) from every file, in file then document order. */
export function treeDay(
  files: readonly FileSummary[],
  severityOf: SeverityOf,
  date: string,
  filter?: string,
  token?: Cancel,
): TreeDayResult {
  const matches = matcher(filter);
  const papers: TreePaper[] = [];
  const headings: DayHeadingLocation[] = [];
  for (const file of byUri(files)) {
    check(token);
    for (const day of file.days) {
      if (day.date !== date) continue;
      headings.push({ uri: file.uri, range: day.headingRange });
      for (const paper of day.papers) if (!matches || matches(paper)) papers.push(treePaper(file.uri, paper, severityOf));
    }
  }
  return { date, papers, headings };
}

/** The paper of a dated day whose block holds the line. */
export function paperAt(file: FileSummary | undefined, severityOf: SeverityOf, line: number): PaperAtResult {
  for (const day of file?.days ?? []) {
    if (!day.date || line < day.headingRange.start.line) continue;
    for (const paper of day.papers) {
      if (paper.range.start.line <= line && line <= paper.range.end.line) {
        return { date: day.date, paper: treePaper(file!.uri, paper, severityOf) };
      }
    }
  }
  return null;
}

/** How many papers of the file the tree shows, and their problems. */
export function fileSummary(file: FileSummary | undefined, severityOf: SeverityOf): FileSummaryResult {
  let papers = 0;
  const total: ProblemCounts = { errors: 0, warnings: 0, information: 0 };
  for (const day of file?.days ?? []) {
    if (!day.date) continue;
    papers += day.papers.length;
    for (const paper of day.papers) problems(paper.problems, severityOf, total);
  }
  return papers > 0 ? { papers, problems: total } : null;
}

/** The files holding at least one dated day, by path. */
export function treeFiles(files: readonly FileSummary[]): TreeFilesResult {
  return { uris: byUri(files.filter((f) => f.days.some((d) => d.date))).map((f) => f.uri) };
}
