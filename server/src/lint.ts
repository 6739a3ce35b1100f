import { allPapers, type Digest, type Paper } from './model/types';
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

function collector(active: ActiveRule, into: Finding[]) {
  return {
    report(r: Report) {
      into.push({ rule: active.rule.id, severity: active.severity, ...r });
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

export function compareFindings(a: Finding, b: Finding): number {
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0)
  );
}

/** Every finding of every active rule, sorted by position. */
export function lint(digest: Digest, options: LintOptions = {}): Finding[] {
  const active = activeRules(options);
  const out = lintDigestLevel(digest, active);
  for (const paper of allPapers(digest)) {
    for (const f of lintPaper(paper, active)) out.push(f);
  }
  return out.sort(compareFindings);
}
