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
  TreeUndated,
  TreeUndatedResult,
  UndatedPlace,
} from '../protocol';
import { papersOf, type FileSummary, type PaperSummary, type RuleCounts } from '../workspace/summary';
import { check, type Cancel } from './cancel';

/**
 * The Daily Papers tree, from the workspace summaries: days of every digest merged by date, newest
 * first; a day's papers in file then document order, sent when the client expands the day. Papers
 * without a date to be filed under (before any day heading, or under a heading without a valid
 * date) come in undated groups after the days, one per file and heading: they cannot be merged
 * by date, and a user must still reach them, their problems most of all.
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

type Matcher = ((paper: PaperSummary) => boolean) | undefined;

/** Whether a paper's title, arXiv id or an author name contains the (lower-case) needle. */
function matcher(filter: string | undefined): Matcher {
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

/** Label of the group of papers before any day heading (a heading's group shows its text). */
const NO_DATE = 'No date';

interface UndatedGroup {
  place: UndatedPlace;
  label: string;
  papers: readonly PaperSummary[];
  /** The counts that make the group's problems. */
  counts: readonly RuleCounts[];
}

/** A file's undated groups with papers: those before its first day heading, then each day without a valid date. */
function* undatedGroups(file: FileSummary): Generator<UndatedGroup> {
  const { uri, orphans } = file;
  if (orphans.length > 0) {
    // Only the papers' lines count: the summary keeps no counts for the lines above the first paper.
    yield { place: { uri }, label: NO_DATE, papers: orphans, counts: orphans.map((p) => p.problems) };
  }
  for (const day of file.days) {
    if (day.date || day.papers.length === 0) continue;
    // The day's counts cover its heading and every line under it, papers included.
    yield { place: { uri, headingLine: day.headingRange.start.line }, label: day.label, papers: day.papers, counts: [day.problems] };
  }
}

function treeUndatedGroup(group: UndatedGroup, severityOf: SeverityOf, matches: Matcher): TreeUndated {
  const total: ProblemCounts = { errors: 0, warnings: 0, information: 0 };
  for (const counts of group.counts) problems(counts, severityOf, total);
  return {
    ...group.place,
    label: group.label,
    paperCount: group.papers.length,
    matchCount: matches ? group.papers.filter(matches).length : group.papers.length,
    problems: total,
  };
}

/**
 * The days of the tree with their counts, then the undated groups; with a filter, the days and
 * groups holding a matching paper.
 */
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
  const undated: TreeUndated[] = [];
  let totalUndated = 0;
  for (const file of byUri(files)) {
    check(token);
    for (const group of undatedGroups(file)) {
      totalUndated++;
      const node = treeUndatedGroup(group, severityOf, matches);
      if (node.matchCount > 0) undated.push(node);
    }
  }
  return { days, totalDays: byDate.size, undated, totalUndated, indexing };
}

/** The papers (matching the filter) of one undated group of a file, in document order. */
export function treeUndated(
  file: FileSummary | undefined,
  severityOf: SeverityOf,
  headingLine: number | undefined,
  filter?: string,
): TreeUndatedResult {
  if (!file) return { papers: [] };
  const matches = matcher(filter);
  const group = [...undatedGroups(file)].find((g) => g.place.headingLine === headingLine);
  const papers = group?.papers.filter((p) => !matches || matches(p)) ?? [];
  return { papers: papers.map((p) => treePaper(file.uri, p, severityOf)) };
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

function paperOn(papers: readonly PaperSummary[], line: number): PaperSummary | undefined {
  return papers.find((p) => p.range.start.line <= line && line <= p.range.end.line);
}

/** The paper whose block holds the line, with its dated day or its undated group. */
export function paperAt(file: FileSummary | undefined, severityOf: SeverityOf, line: number): PaperAtResult {
  if (!file) return null;
  const orphan = paperOn(file.orphans, line);
  if (orphan) return { undated: { uri: file.uri }, paper: treePaper(file.uri, orphan, severityOf) };
  for (const day of file.days) {
    if (line < day.headingRange.start.line) continue;
    const paper = paperOn(day.papers, line);
    if (!paper) continue;
    const hit = treePaper(file.uri, paper, severityOf);
    return day.date ? { date: day.date, paper: hit } : { undated: { uri: file.uri, headingLine: day.headingRange.start.line }, paper: hit };
  }
  return null;
}

/** How many papers of the file the tree shows (all of them, dated or not), and their problems. */
export function fileSummary(file: FileSummary | undefined, severityOf: SeverityOf): FileSummaryResult {
  if (!file) return null;
  let papers = 0;
  const total: ProblemCounts = { errors: 0, warnings: 0, information: 0 };
  for (const { paper } of papersOf(file)) {
    papers++;
    problems(paper.problems, severityOf, total);
  }
  return papers > 0 ? { papers, problems: total } : null;
}

/** The files the tree shows something of: a dated day, or a paper in an undated group. */
export function treeFiles(files: readonly FileSummary[]): TreeFilesResult {
  const shown = (f: FileSummary) => f.orphans.length > 0 || f.days.some((d) => d.date || d.papers.length > 0);
  return { uris: byUri(files.filter(shown)).map((f) => f.uri) };
}
