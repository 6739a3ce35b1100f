import { moved } from './model/lines';
import type { Day, Digest, Paper } from './model/types';
import { rules as allRules } from './rules/index';
import type { Context, Finding, Report, Rule, Severity, SeveritySetting } from './rules/types';

export interface LintOptions {
  /** Per rule id: a severity, or 'off'. Unknown ids are ignored. */
  severities?: Readonly<Record<string, SeveritySetting>>;
}

export interface ActiveRule {
  rule: Rule;
  severity: Severity;
}

/** The rules that run under the given settings, each with its effective severity. */
export function activeRules(options: LintOptions = {}): ActiveRule[] {
  const out: ActiveRule[] = [];
  for (const rule of allRules) {
    const setting = options.severities?.[rule.id] ?? rule.severity;
    if (setting !== 'off') out.push({ rule, severity: setting });
  }
  return out;
}

/**
 * Turns a rule's reports into findings. A finding keeps the report's related entries, fixes and
 * ranges as they are, even where they are the model's own: ranges are values, replaced and never
 * changed when something moves (see `moved`). A finding kept across edits gets moved copies of
 * its ranges in its own related entries and edits, which are the report's. One collector per
 * active rule serves a whole lint pass; `into` says where the current paper's or day's findings go.
 */
class Collector implements Context {
  into: Finding[] = [];

  constructor(readonly active: ActiveRule) {}

  report(r: Report): void {
    const f: Finding = { rule: this.active.rule.id, severity: this.active.severity, message: r.message, range: r.range };
    if (r.related) f.related = r.related;
    if (r.fixes) f.fixes = r.fixes;
    if (r.group !== undefined) f.group = r.group;
    this.into.push(f);
  }
}

/** The active rules sorted by what they check, each with its collector. */
export class RuleSet {
  readonly paper: { rule: Rule; ctx: Collector }[] = [];
  readonly day: { rule: Rule; ctx: Collector }[] = [];
  readonly digest: { rule: Rule; ctx: Collector }[] = [];

  constructor(readonly active: readonly ActiveRule[]) {
    for (const a of active) {
      const ctx = new Collector(a);
      if (a.rule.checkPaper) this.paper.push({ rule: a.rule, ctx });
      if (a.rule.checkDay) this.day.push({ rule: a.rule, ctx });
      if (a.rule.checkDigest) this.digest.push({ rule: a.rule, ctx });
    }
  }
}

function rulesOf(active: readonly ActiveRule[] | RuleSet): RuleSet {
  return active instanceof RuleSet ? active : new RuleSet(active);
}

/** Findings of the per-paper rules for one paper: they depend on nothing outside its block. */
export function lintPaper(paper: Paper, active: readonly ActiveRule[] | RuleSet): Finding[] {
  const out: Finding[] = [];
  for (const { rule, ctx } of rulesOf(active).paper) {
    ctx.into = out;
    rule.checkPaper!(paper, ctx);
  }
  return out;
}

/** Findings of the per-day rules for one day: its heading and its papers in order. */
export function lintDay(day: Day, active: readonly ActiveRule[] | RuleSet): Finding[] {
  const out: Finding[] = [];
  for (const { rule, ctx } of rulesOf(active).day) {
    ctx.into = out;
    rule.checkDay!(day, ctx);
  }
  return out;
}

/** Findings of the rules that look across days. */
export function lintDigestLevel(digest: Digest, active: readonly ActiveRule[] | RuleSet): Finding[] {
  const out: Finding[] = [];
  for (const { rule, ctx } of rulesOf(active).digest) {
    ctx.into = out;
    rule.checkDigest!(digest, ctx);
  }
  return out;
}

function shiftFinding(f: Finding, d: number): void {
  f.range = moved(f.range, d);
  if (f.related) for (const r of f.related) r.range = moved(r.range, d);
  if (f.fixes) for (const fix of f.fixes) for (const e of fix.edits) e.range = moved(e.range, d);
  if (f.group !== undefined) {
    const at = f.group.lastIndexOf(':') + 1;
    const n = Number(f.group.slice(at));
    if (at > 0 && Number.isInteger(n)) f.group = f.group.slice(0, at) + String(n + d);
  }
}

const NO_FINDINGS: Finding[] = Object.freeze([]) as unknown as Finding[];

/** A block's findings in order; most blocks have none, and they share one empty list. */
function sorted(found: Finding[]): Finding[] {
  if (found.length === 0) return NO_FINDINGS;
  if (found.length > 1) found.sort(compareFindings);
  return found;
}

interface Entry {
  /** The block's heading line when these findings were made: a move shows as a difference. */
  line: number;
  findings: Finding[];
  /** The last lint pass that asked for this block. */
  pass: number;
}

/**
 * Per-paper and per-day findings of one document, kept across its versions. An incremental
 * re-parse reuses the paper and day objects of the blocks an edit did not touch, so their
 * findings are reused too, moved with the block when lines were inserted or removed above it.
 * Each lint pass keeps only the blocks of the version it linted, so nothing outlives its text.
 */
export class BlockFindings {
  private papers = new Map<Paper, Entry>();
  private days = new Map<Day, Entry>();
  /** Blocks seen in the current pass; entries of others are dropped when they pile up. */
  private pass = 0;
  readonly active: ActiveRule[];
  readonly rules: RuleSet;

  constructor(readonly options: LintOptions = {}) {
    this.active = activeRules(options);
    this.rules = new RuleSet(this.active);
  }

  /** The kept entry of a block, moved to `line`; undefined when the block is new. */
  private reuse<T>(map: Map<T, Entry>, key: T, line: number): Finding[] | undefined {
    const entry = map.get(key);
    if (!entry) return undefined;
    const d = line - entry.line;
    if (d !== 0) {
      for (const f of entry.findings) shiftFinding(f, d);
      entry.line = line;
    }
    entry.pass = this.pass;
    return entry.findings;
  }

  private keep<T>(map: Map<T, Entry>, key: T, line: number, found: Finding[]): Finding[] {
    const findings = sorted(found);
    map.set(key, { line, findings, pass: this.pass });
    return findings;
  }

  paper(paper: Paper): Finding[] {
    const line = paper.heading.line;
    return this.reuse(this.papers, paper, line) ?? this.keep(this.papers, paper, line, lintPaper(paper, this.rules));
  }

  day(day: Day): Finding[] {
    const line = day.heading.line;
    return this.reuse(this.days, day, line) ?? this.keep(this.days, day, line, lintDay(day, this.rules));
  }

  /**
   * Ends a lint pass. Blocks the pass did not ask for belong to no current version; they are
   * dropped once they are as many as the live ones, so an edit costs no map rebuild.
   */
  endPass(live: { papers: number; days: number }): void {
    for (const [map, count] of [[this.papers, live.papers], [this.days, live.days]] as const) {
      if (map.size <= 2 * count + 64) continue;
      for (const [key, entry] of map as Map<unknown, Entry>) if (entry.pass !== this.pass) map.delete(key as never);
    }
    this.pass++;
  }
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0)
  );
}

/**
 * Every finding of every active rule, sorted by position. With a BlockFindings, results of papers
 * and days already linted are reused and only the rules that look across days run again.
 */
export function lint(digest: Digest, options: LintOptions | BlockFindings = {}): Finding[] {
  // A one-off lint (no BlockFindings to keep results in) runs the same rules without recording.
  const kept = options instanceof BlockFindings ? options : undefined;
  const rules = kept ? kept.rules : new RuleSet(activeRules(options as LintOptions));
  const paperFindings = kept ? (p: Paper) => kept.paper(p) : (p: Paper) => sorted(lintPaper(p, rules));
  // Papers are in document order and each one's findings are sorted, so theirs come out sorted;
  // the few day- and digest-level findings are sorted and merged in.
  const inPapers: Finding[] = [];
  let papers = digest.orphanPapers.length;
  for (const paper of digest.orphanPapers) for (const f of paperFindings(paper)) inPapers.push(f);
  for (const day of digest.days) {
    papers += day.papers.length;
    for (const paper of day.papers) for (const f of paperFindings(paper)) inPapers.push(f);
  }
  const others = lintDigestLevel(digest, rules);
  for (const day of digest.days) for (const f of kept ? kept.day(day) : lintDay(day, rules)) others.push(f);
  kept?.endPass({ papers, days: digest.days.length });
  if (others.length === 0) return inPapers;
  others.sort(compareFindings);
  const out: Finding[] = [];
  let i = 0;
  let j = 0;
  while (i < inPapers.length || j < others.length) {
    if (j >= others.length || (i < inPapers.length && compareFindings(inPapers[i], others[j]) <= 0)) out.push(inPapers[i++]);
    else out.push(others[j++]);
  }
  return out;
}
