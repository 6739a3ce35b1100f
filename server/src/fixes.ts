import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { Digest } from './model/types';
import { offsetAt } from './model/lines';
import { ruleById } from './rules/index';
import type { Finding, Fix } from './rules/types';

function before(a: Range['start'], b: Range['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/**
 * Merges the edits of several fixes into one non-overlapping list (what LSP requires of a
 * WorkspaceEdit). An edit that overlaps one already taken is dropped with its whole fix, so a
 * fix is applied completely or not at all.
 */
export function mergeFixes(fixes: readonly Fix[]): TextEdit[] {
  const taken: TextEdit[] = [];
  const overlaps = (e: TextEdit) =>
    taken.some((t) => {
      if (before(e.range.end, t.range.start) || before(t.range.end, e.range.start)) return false;
      const emptyE = e.range.start.line === e.range.end.line && e.range.start.character === e.range.end.character;
      const emptyT = t.range.start.line === t.range.end.line && t.range.start.character === t.range.end.character;
      // Touching is fine unless two insertions land on the same spot.
      const touchAfter = e.range.start.line === t.range.end.line && e.range.start.character === t.range.end.character;
      const touchBefore = e.range.end.line === t.range.start.line && e.range.end.character === t.range.start.character;
      if ((touchAfter || touchBefore) && !(emptyE && emptyT)) return false;
      return true;
    });
  for (const fix of fixes) {
    if (fix.edits.some(overlaps)) continue;
    for (const e of fix.edits) taken.push(e);
  }
  return taken.sort((a, b) => (before(a.range.start, b.range.start) ? -1 : before(b.range.start, a.range.start) ? 1 : 0));
}

/** The fixes a diagnostic's code action menu offers: its own, then its group's, then the file's. */
export function fixesFor(finding: Finding, all: readonly Finding[]): Fix[] {
  const own = finding.fixes ?? [];
  if (own.length === 0) return [];
  const out = own.slice();
  const titles = ruleById.get(finding.rule)?.groupFixTitles;
  if (!titles) return out;
  const sameRule = all.filter((f) => f.rule === finding.rule && f.fixes?.length);
  const group = finding.group ? sameRule.filter((f) => f.group === finding.group) : [];
  if (group.length > 1) out.push({ title: titles.group, edits: mergeFixes(group.map((f) => f.fixes![0])) });
  if (sameRule.length > Math.max(group.length, 1)) {
    out.push({ title: titles.file, edits: mergeFixes(sameRule.map((f) => f.fixes![0])) });
  }
  return out;
}

/** The edits of `source.fixAll`: each fixable finding's preferred fix. */
export function fixAllEdits(findings: readonly Finding[]): TextEdit[] {
  return mergeFixes(findings.filter((f) => f.fixes?.length).map((f) => f.fixes![0]));
}

/** Applies non-overlapping edits to the digest's text. */
export function applyEdits(digest: Digest, edits: readonly TextEdit[]): string {
  const table = { starts: digest.lineStarts, ends: digest.lineEnds, eol: digest.eol };
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
