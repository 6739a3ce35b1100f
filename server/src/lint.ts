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
    const { related, fixes, group } = r;
    if (related && fixes && group !== undefined) {
      // A finding with everything (a repeated author, the most common) is made in one piece.
      this.into.push({ rule: this.active.rule.id, severity: this.active.severity, message: r.message, range: r.range, related, fixes, group });
      return;
    }
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

/**
 * Moves a finding by d lines. Its ranges are replaced by moved copies, never changed in place: a
 * diagnostic made from the finding shares them and may still be waiting to be sent for the
 * version before.
 */
function shiftFinding(f: Finding, d: number): void {
  f.range = moved(f.range, d);
  const related = f.related;
  if (related) for (let i = 0; i < related.length; i++) related[i].range = moved(related[i].range, d);
  const fixes = f.fixes;
  if (fixes) {
    for (let i = 0; i < fixes.length; i++) {
      const edits = fixes[i].edits;
      for (let k = 0; k < edits.length; k++) edits[k].range = moved(edits[k].range, d);
    }
  }
}

/** A group about a line (`authors:8`) moved by d lines; other groups as they are. */
function movedGroup(group: string, d: number): string {
  const at = group.lastIndexOf(':') + 1;
  const n = Number(group.slice(at));
  return at > 0 && Number.isInteger(n) ? group.slice(0, at) + String(n + d) : group;
}

/** Moves a block's findings by d lines; findings of one group follow each other and share the moved name. */
function shiftFindings(findings: readonly Finding[], d: number): void {
  let from: string | undefined;
  let to = '';
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i];
    shiftFinding(f, d);
    if (f.group === undefined) continue;
    if (f.group !== from) {
      from = f.group;
      to = movedGroup(f.group, d);
    }
    f.group = to;
  }
}

const NO_FINDINGS: Finding[] = Object.freeze([]) as unknown as Finding[];

/**
 * A block's findings in order; most blocks have none, and they share one empty list. Rules that
 * report along a line (every repeat on an Authors: line) leave them in order already, and a
 * sort would copy the list.
 */
function sorted(found: Finding[]): Finding[] {
  if (found.length === 0) return NO_FINDINGS;
  for (let i = 1; i < found.length; i++) {
    if (compareFindings(found[i - 1], found[i]) > 0) {
      found.sort(compareFindings);
      break;
    }
  }
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
      shiftFindings(entry.findings, d);
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
  endPass(papers: number, days: number): void {
    this.drop(this.papers, papers);
    this.drop(this.days, days);
    this.pass++;
  }

  private drop<T>(map: Map<T, Entry>, live: number): void {
    if (map.size <= 2 * live + 64) return;
    for (const [key, entry] of map) if (entry.pass !== this.pass) map.delete(key);
  }
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0)
  );
}

/** The per-paper finding lists of papers, in order, into `lists`; returns how many findings. */
function paperLists(papers: readonly Paper[], kept: BlockFindings | undefined, rules: RuleSet, lists: Finding[][]): number {
  let n = 0;
  for (let i = 0; i < papers.length; i++) {
    const found = kept ? kept.paper(papers[i]) : sorted(lintPaper(papers[i], rules));
    if (found.length === 0) continue;
    lists.push(found);
    n += found.length;
  }
  return n;
}

/** Every rule at its own severity, made once: a workspace scan lints each of its files so. */
let DEFAULT_RULES: RuleSet | undefined;

function defaultRules(): RuleSet {
  return (DEFAULT_RULES ??= new RuleSet(activeRules()));
}

/**
 * Every finding of every active rule, sorted by position. With a BlockFindings, results of papers
 * and days already linted are reused and only the rules that look across days run again.
 */
export function lint(digest: Digest, options: LintOptions | BlockFindings = {}): Finding[] {
  // A one-off lint (no BlockFindings to keep results in) runs the same rules without recording.
  const kept = options instanceof BlockFindings ? options : undefined;
  const rules = kept ? kept.rules : (options as LintOptions).severities ? new RuleSet(activeRules(options as LintOptions)) : defaultRules();
  // Papers are in document order and each one's findings are sorted, so theirs come out sorted;
  // the few day- and digest-level findings are sorted and merged in. The result is made at its
  // final size: an edit relints a few blocks, and this list is most of what the rest costs.
  const lists: Finding[][] = [];
  let inPapers = paperLists(digest.orphanPapers, kept, rules, lists);
  let papers = digest.orphanPapers.length;
  const days = digest.days;
  for (let d = 0; d < days.length; d++) {
    papers += days[d].papers.length;
    inPapers += paperLists(days[d].papers, kept, rules, lists);
  }
  const others = lintDigestLevel(digest, rules);
  for (let d = 0; d < days.length; d++) {
    const found = kept ? kept.day(days[d]) : lintDay(days[d], rules);
    for (let k = 0; k < found.length; k++) others.push(found[k]);
  }
  kept?.endPass(papers, days.length);
  if (others.length > 1) others.sort(compareFindings);
  const out: Finding[] = new Array(inPapers + others.length);
  let at = 0;
  let j = 0;
  for (let l = 0; l < lists.length; l++) {
    const list = lists[l];
    for (let k = 0; k < list.length; k++) {
      const f = list[k];
      while (j < others.length && compareFindings(others[j], f) < 0) out[at++] = others[j++];
      out[at++] = f;
    }
  }
  while (j < others.length) out[at++] = others[j++];
  return out;
}
