import type { Author, Day, Digest, Paper, Range } from '../model/types';
import type { Finding } from '../rules/types';
import { Name } from '../model/authors';
import { dayLabel, isTruncated, titleOf, votesOf } from '../features/paperText';

/**
 * What the workspace features need of one digest, kept instead of its parsed model and findings:
 * a few strings and ranges per paper and problem counts per rule. A file of the workspace costs
 * kilobytes here where its model and findings cost hundreds.
 */

/** Problems counted per rule id; the severity is applied when read, so settings need no re-read. */
export type RuleCounts = Readonly<Record<string, number>>;

export interface AuthorEntry {
  /** First spelling of the name in the paper. */
  name: string;
  /** Comparison key (the model's `Author.key`). */
  key: string;
  /** Where that first spelling is: one line. */
  line: number;
  start: number;
  end: number;
}

export interface PaperSummary {
  title: string;
  arxivId?: string;
  votes?: number;
  /** Unique authors by key, in order of first appearance. */
  authors: AuthorEntry[];
  truncated: boolean;
  /** The whole paper block. */
  range: Range;
  /** The `###` heading line. */
  headingRange: Range;
  /** The title inside the heading, when it has the link shape. */
  titleRange?: Range;
  problems: RuleCounts;
}

export interface DaySummary {
  /** The ISO date when the heading is valid. */
  date?: string;
  /** The date, or the heading text when it is not valid (for symbol containers). */
  label: string;
  headingRange: Range;
  papers: PaperSummary[];
  /** Problems of the whole day block: heading, papers and the lines between. */
  problems: RuleCounts;
}

export interface FileSummary {
  uri: string;
  /** Papers before any day heading. */
  orphans: PaperSummary[];
  days: DaySummary[];
}

const NONE: RuleCounts = Object.freeze({});

/**
 * Strings from the model are often slices of the whole file text and would keep it alive; the
 * pool hands out one flat copy per distinct value (author names repeat across the workspace).
 */
export class StringPool {
  private readonly strings = new Map<string, string>();

  get(s: string): string {
    const hit = this.strings.get(s);
    if (hit !== undefined) return hit;
    // Short strings are copied by V8 anyway; longer ones may be slices of the file text.
    const flat = s.length < 13 ? s : Buffer.from(s, 'utf8').toString('utf8');
    this.strings.set(flat, flat);
    return flat;
  }

  /** Per distinct author spelling (pooled), its comparison key (pooled): one lookup per name. */
  private readonly keys = new Map<string, { name: string; key: string }>();

  author(a: Author): { name: string; key: string } {
    const hit = this.keys.get(a.name);
    if (hit !== undefined) return hit;
    const entry = { name: this.get(a.name), key: this.get(a.key) };
    this.keys.set(entry.name, entry);
    return entry;
  }

  clear(): void {
    this.strings.clear();
    this.keys.clear();
  }
}

function copyRange(r: Range): Range {
  return { start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } };
}

/** Index of the first finding starting on or after `line` (findings are sorted by position). */
function lowerBound(findings: readonly Finding[], line: number): number {
  let lo = 0;
  let hi = findings.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (findings[mid].range.start.line < line) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Per rule, the findings that start inside the lines of a block (as `findingsWithin` selects). */
function countWithin(findings: readonly Finding[], block: Range): RuleCounts {
  let out: Record<string, number> | undefined;
  for (let i = lowerBound(findings, block.start.line); i < findings.length; i++) {
    const f = findings[i];
    if (f.range.start.line > block.end.line) break;
    out ??= {};
    out[f.rule] = (out[f.rule] ?? 0) + 1;
  }
  return out ?? NONE;
}

function paperSummary(paper: Paper, findings: readonly Finding[], pool: StringPool): PaperSummary {
  const authors: AuthorEntry[] = [];
  // One Authors: line (nearly always) is deduplicated by the model's key hashes; more by a set.
  const seen = paper.authors.length > 1 ? new Set<string>() : undefined;
  for (const line of paper.authors) {
    const repeats = seen ? undefined : line.repeats();
    const names = line.authors;
    for (let i = 0; i < names.length; i++) {
      if (repeats && repeats[i] !== -1) continue;
      const a = names[i];
      const { name, key } = pool.author(a);
      if (seen) {
        if (seen.has(key)) continue;
        seen.add(key);
      }
      authors.push(authorEntry(name, key, a));
    }
  }
  const heading = paper.heading;
  const title = heading.title;
  const range = paper.range;
  const out: PaperSummary = {
    title: pool.get(titleOf(title, heading.content)),
    authors,
    truncated: isTruncated(paper),
    range: copyRange(range),
    headingRange: copyRange(heading.range),
    problems: countWithin(findings, range),
  };
  const votes = votesOf(paper);
  if (votes !== undefined) out.votes = votes;
  const id = heading.arxiv?.id;
  if (id !== undefined) out.arxivId = pool.get(id);
  if (title) out.titleRange = copyRange(title.range);
  return out;
}

/** A name's entry; a model's name (a Name) gives its extent without making a range for it. */
function authorEntry(name: string, key: string, a: Author): AuthorEntry {
  if (a instanceof Name) return { name, key, line: a.line, start: a.start, end: a.end };
  const { start, end } = a.range;
  return { name, key, line: start.line, start: start.character, end: end.character };
}

function daySummary(day: Day, findings: readonly Finding[], pool: StringPool): DaySummary {
  const out: DaySummary = {
    label: pool.get(dayLabel(day)),
    headingRange: copyRange(day.heading.range),
    papers: day.papers.map((p) => paperSummary(p, findings, pool)),
    problems: countWithin(findings, day.range),
  };
  if (day.date !== undefined) out.date = pool.get(day.date);
  return out;
}

/**
 * The summary of one digest version from its model and its findings (sorted by position, as
 * `lint` returns them). Shares nothing with the model: the model can be dropped afterwards.
 */
export function summarize(uri: string, digest: Digest, findings: readonly Finding[], pool: StringPool): FileSummary {
  return {
    uri,
    orphans: digest.orphanPapers.map((p) => paperSummary(p, findings, pool)),
    days: digest.days.map((d) => daySummary(d, findings, pool)),
  };
}

/** Every paper of a summary in document order, orphans first, with its day. */
export function* papersOf(file: FileSummary): Generator<{ paper: PaperSummary; day?: DaySummary }> {
  for (const paper of file.orphans) yield { paper };
  for (const day of file.days) for (const paper of day.papers) yield { paper, day };
}
