import { allPapers, type Digest, type Paper, type Range } from './model/types';
import { rules as allRules } from './rules/index';
import type { Finding, Report, Rule, Severity, SeveritySetting } from './rules/types';

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

function copy(r: Range): Range {
  return { start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } };
}

/**
 * Findings own their ranges: rules report ranges of the model, and a finding kept across edits is
 * moved on its own, so it must share no position with the model or with another finding.
 */
function collector(active: ActiveRule, into: Finding[]) {
  return {
    report(r: Report) {
      const f: Finding = { rule: active.rule.id, severity: active.severity, message: r.message, range: copy(r.range) };
      if (r.related) f.related = r.related.map((x) => ({ range: copy(x.range), message: x.message }));
      if (r.fixes) {
        f.fixes = r.fixes.map((fix) => ({ title: fix.title, edits: fix.edits.map((e) => ({ range: copy(e.range), newText: e.newText })) }));
      }
      if (r.group !== undefined) f.group = r.group;
      into.push(f);
    },
  };
}

/** Findings of the per-paper rules for one paper: they depend on nothing outside its block. */
export function lintPaper(paper: Paper, active: readonly ActiveRule[]): Finding[] {
  const out: Finding[] = [];
  for (const a of active) a.rule.checkPaper?.(paper, collector(a, out));
  return out;
}

/** Findings of the rules that look across papers and days. */
export function lintDigestLevel(digest: Digest, active: readonly ActiveRule[]): Finding[] {
  const out: Finding[] = [];
  for (const a of active) a.rule.checkDigest?.(digest, collector(a, out));
  return out;
}

function shiftFinding(f: Finding, d: number): void {
  const move = (r: Range) => {
    r.start.line += d;
    r.end.line += d;
  };
  move(f.range);
  if (f.related) for (const r of f.related) move(r.range);
  if (f.fixes) for (const fix of f.fixes) for (const e of fix.edits) move(e.range);
  if (f.group !== undefined) f.group = f.group.replace(/\d+$/, (n) => String(Number(n) + d));
}

interface PaperEntry {
  /** The paper's heading line when these findings were made: a move shows as a difference. */
  line: number;
  findings: Finding[];
}

/**
 * Per-paper findings kept across document versions. An incremental re-parse reuses the paper
 * objects of the blocks an edit did not touch, so their findings are reused too, moved with the
 * paper when lines were inserted or removed above it. One instance per set of lint options.
 */
export class PaperFindings {
  private entries = new WeakMap<Paper, PaperEntry>();
  readonly active: ActiveRule[];

  constructor(readonly options: LintOptions = {}) {
    this.active = activeRules(options);
  }

  get(paper: Paper): Finding[] {
    const hit = this.entries.get(paper);
    if (hit) {
      const d = paper.heading.line - hit.line;
      if (d !== 0) {
        for (const f of hit.findings) shiftFinding(f, d);
        hit.line = paper.heading.line;
      }
      return hit.findings;
    }
    const findings = lintPaper(paper, this.active);
    this.entries.set(paper, { line: paper.heading.line, findings });
    return findings;
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
 * Every finding of every active rule, sorted by position. With a PaperFindings, per-paper results
 * of papers already linted are reused and only the digest-level rules run again.
 */
export function lint(digest: Digest, options: LintOptions | PaperFindings = {}): Finding[] {
  const perPaper = options instanceof PaperFindings ? options : new PaperFindings(options);
  const out = lintDigestLevel(digest, perPaper.active);
  for (const paper of allPapers(digest)) {
    for (const f of perPaper.get(paper)) out.push(f);
  }
  return out.sort(compareFindings);
}
