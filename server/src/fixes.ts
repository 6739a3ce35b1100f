import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { Digest } from './model/types';
import { offsetAt } from './model/lines';
import { ruleById } from './rules/index';
import type { Finding, Fix } from './rules/types';

type Pos = Range['start'];

function cmp(a: Pos, b: Pos): number {
  return a.line - b.line || a.character - b.character;
}

function isEmpty(r: Range): boolean {
  return cmp(r.start, r.end) === 0;
}

/** Two edits clash when they overlap, or are two insertions at one spot; touching is fine. */
function clash(a: TextEdit, b: TextEdit): boolean {
  if (isEmpty(a.range) && isEmpty(b.range)) return cmp(a.range.start, b.range.start) === 0;
  return cmp(a.range.start, b.range.end) < 0 && cmp(b.range.start, a.range.end) < 0;
}

function byPosition(a: TextEdit, b: TextEdit): number {
  return cmp(a.range.start, b.range.start) || cmp(a.range.end, b.range.end);
}

/**
 * Merges the edits of several fixes into one non-overlapping list (what LSP requires of a
 * WorkspaceEdit). An edit that overlaps one already taken is dropped with its whole fix, so a
 * fix is applied completely or not at all. The taken edits stay sorted, and since they do not
 * overlap their ends are sorted too: each check is a binary search, so 50,000 fixes merge fast.
 */
export function mergeFixes(fixes: readonly Fix[]): TextEdit[] {
  const taken: TextEdit[] = [];
  const firstEndingAtOrAfter = (p: Pos) => {
    let lo = 0;
    let hi = taken.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cmp(taken[mid].range.end, p) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const clashes = (e: TextEdit) => {
    for (let i = firstEndingAtOrAfter(e.range.start); i < taken.length; i++) {
      if (cmp(taken[i].range.start, e.range.end) > 0) return false;
      if (clash(e, taken[i])) return true;
    }
    return false;
  };
  for (const fix of fixes) {
    if (fix.edits.some(clashes)) continue;
    for (const e of fix.edits) {
      let at = taken.length;
      while (at > 0 && byPosition(taken[at - 1], e) > 0) at--;
      taken.splice(at, 0, e);
    }
  }
  return taken;
}

/** The fixes a diagnostic's code action menu offers: its own, then its group's, then the file's. */
export function fixesFor(finding: Finding, all: readonly Finding[]): Fix[] {
  const own = finding.fixes ?? [];
  if (own.length === 0) return [];
  return [...own, ...sharedFixes(finding, all)];
}

/**
 * The fixes that cover several findings of the same rule at once: every repeat in the finding's
 * group (e.g. one Authors: line), then every one in the file. Each is offered only when it does
 * more than the one before it. Composed from the findings' own fixes; no rule runs again.
 */
export function sharedFixes(finding: Pick<Finding, 'rule' | 'group'>, all: readonly Finding[]): Fix[] {
  const titles = ruleById.get(finding.rule)?.groupFixTitles;
  if (!titles) return [];
  const out: Fix[] = [];
  const sameRule = all.filter((f) => f.rule === finding.rule && f.fixes?.length);
  const group = finding.group ? sameRule.filter((f) => f.group === finding.group) : [];
  if (group.length > 1) out.push({ title: titles.group, edits: mergeFixes(group.map((f) => f.fixes![0])) });
  if (sameRule.length > Math.max(group.length, 1)) {
    out.push({ title: titles.file, edits: mergeFixes(sameRule.map((f) => f.fixes![0])) });
  }
  return out;
}

/** Whether fix-all applies the finding's preferred fix: it has one, and its rule's fix is the one answer. */
export function autoFixable(finding: Finding): boolean {
  return Boolean(finding.fixes?.length) && ruleById.get(finding.rule)?.fixAll === true;
}

/** The edits of `source.fixAll` and `digest-lint --fix`: each auto-fixable finding's preferred fix. */
export function fixAllEdits(findings: readonly Finding[]): TextEdit[] {
  return mergeFixes(findings.filter(autoFixable).map((f) => f.fixes![0]));
}

/** Applies non-overlapping edits to the digest's text. */
export function applyEdits(digest: Digest, edits: readonly TextEdit[]): string {
  const table = { starts: digest.lineStarts, ends: digest.lineEnds };
  const spans = edits
    .map((e) => ({
      from: offsetAt(table, e.range.start.line, e.range.start.character),
      to: offsetAt(table, e.range.end.line, e.range.end.character),
      text: e.newText,
    }))
    .sort((a, b) => a.from - b.from || a.to - b.to);
  let out = '';
  let at = 0;
  for (const s of spans) {
    if (s.from < at) continue;
    out += digest.text.slice(at, s.from) + s.text;
    at = s.to;
  }
  return out + digest.text.slice(at);
}
