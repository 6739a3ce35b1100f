import type { Day, Digest, Paper, Range } from '../model/types';
import type { Finding } from '../rules/types';
import { authorKey } from '../model/authors';
import { lineRange } from '../model/lines';
import { dayLabel, isTruncated, titleOf, votesOf } from '../features/paperText';

/**
 * What the workspace features need of one digest, kept instead of its parsed model and findings:
 * a few strings and ranges per paper and problem counts per rule. A file of the workspace costs
 * kilobytes here where its model and findings cost hundreds.
 */

/** Problems counted per rule id; the severity is applied when read, so settings need no re-read. */
export type RuleCounts = Readonly<Record<string, number>>;

/**
 * An author's spelling and comparison key. The index keeps one per distinct spelling (see
 * StringPool.author) and every paper that spells the name so points at it.
 */
export interface AuthorName {
  readonly name: string;
  /** Comparison key (the model's `Author.key`). */
  readonly key: string;
}

export interface PaperSummary {
  title: string;
  arxivId?: string;
  votes?: number;
  /** Unique authors by key, in order of first appearance, each as first spelled in the paper. */
  authors: readonly AuthorName[];
  /**
   * Where each of those first spellings is: its line, start and end character, three numbers per
   * author (see authorRange). Numbers in one list instead of an object or a range per author:
   * a workspace of 1,300 days holds over 200,000 of them.
   */
  authorSpans: readonly number[];
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
    const flat = ownCopy(s);
    this.strings.set(flat, flat);
    return flat;
  }

  /** Per distinct author spelling (pooled), its comparison key (pooled): one lookup per name. */
  private readonly keys = new Map<string, AuthorName>();

  author(name: string): AuthorName {
    const hit = this.keys.get(name);
    if (hit !== undefined) return hit;
    const entry: AuthorName = { name: this.get(name), key: this.get(authorKey(name)) };
    this.keys.set(entry.name, entry);
    return entry;
  }

  clear(): void {
    this.strings.clear();
    this.keys.clear();
  }
}

/** A string that keeps no larger text alive: short strings are copied by V8 anyway, longer ones may be slices. */
function ownCopy(s: string): string {
  return s.length < 13 ? s : Buffer.from(s, 'utf8').toString('utf8');
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

/** Scratch lists of the paper being summarised (summarising is synchronous: one pair serves). */
const NAMES: AuthorName[] = [];
const SPANS: number[] = [];

function paperSummary(paper: Paper, findings: readonly Finding[], pool: StringPool): PaperSummary {
  // Names are read from the model's lines without making its Author objects. One Authors: line
  // (nearly always) is deduplicated by the model's key hashes; more by a set of keys.
  const lines = paper.authors;
  const seen = lines.length > 1 ? new Set<string>() : undefined;
  let n = 0;
  for (let l = 0; l < lines.length; l++) {
    const line = lines[l];
    const repeats = seen ? undefined : line.repeats();
    for (let i = 0; i < line.count; i++) {
      if (repeats && repeats[i] !== -1) continue;
      const author = pool.author(line.nameOf(i));
      if (seen) {
        if (seen.has(author.key)) continue;
        seen.add(author.key);
      }
      NAMES[n] = author;
      SPANS[3 * n] = line.line;
      SPANS[3 * n + 1] = line.startOf(i);
      SPANS[3 * n + 2] = line.endOf(i);
      n++;
    }
  }
  const heading = paper.heading;
  const title = heading.title;
  const range = paper.range;
  const out: PaperSummary = {
    title: pool.get(titleOf(title, heading.content)),
    // Copies of the scratch lists at their length, so a summary holds no spare room.
    authors: NAMES.slice(0, n),
    authorSpans: SPANS.slice(0, 3 * n),
    truncated: isTruncated(paper),
    range: copyRange(range),
    headingRange: copyRange(heading.range),
    problems: countWithin(findings, range),
  };
  const votes = votesOf(paper);
  if (votes !== undefined) out.votes = votes;
  const id = heading.arxiv?.id;
  // Nearly every paper has an id of its own: pooling them would only grow the pool.
  if (id !== undefined) out.arxivId = ownCopy(id);
  if (title) out.titleRange = copyRange(title.range);
  return out;
}

/** Where the i-th author of a summarised paper is first spelled. */
export function authorRange(paper: PaperSummary, i: number): Range {
  const s = paper.authorSpans;
  return lineRange(s[3 * i], s[3 * i + 1], s[3 * i + 2]);
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
