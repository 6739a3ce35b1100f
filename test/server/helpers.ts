// Tests read like the format: a digest written inline, with ⟦…⟧ around every range a rule must
// report and ‸ for a cursor. The markers are taken out before parsing; positions are UTF-16.
import assert from 'node:assert/strict';
import { applyEdits } from '../../server/src/fixes';
import { lint } from '../../server/src/lint';
import { parse } from '../../server/src/model/parse';
import type { Position, Range } from '../../server/src/model/types';
import type { Finding, Fix } from '../../server/src/rules/types';

export interface Marked {
  text: string;
  ranges: Range[];
  cursors: Position[];
}

/** Drops the first line break, the last line's indentation and the common indentation. */
export function dedent(src: string): string {
  const lines = src.replace(/^\n/, '').replace(/\n[ \t]*$/, '\n').split('\n');
  const indents = lines.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)![0].length);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(cut)).join('\n');
}

/** Reads the ⟦ ⟧ and ‸ markers out of (dedented) text. Ranges may span lines and nest. */
export function marked(src: string): Marked {
  const ranges: Range[] = [];
  const cursors: Position[] = [];
  const open: Position[] = [];
  let text = '';
  let line = 0;
  let character = 0;
  const input = dedent(src);
  for (let i = 0; i < input.length; i++) {
    const ch = input[i];
    if (ch === '⟦') open.push({ line, character });
    else if (ch === '⟧') ranges.push({ start: open.pop()!, end: { line, character } });
    else if (ch === '‸') cursors.push({ line, character });
    else {
      text += ch;
      // Counting code units makes an emoji two characters, as LSP positions want.
      if (ch === '\n' || (ch === '\r' && input[i + 1] !== '\n')) {
        line++;
        character = 0;
      } else if (ch !== '\r') character++;
    }
  }
  assert.equal(open.length, 0, 'unclosed ⟦');
  ranges.sort((a, b) => a.start.line - b.start.line || a.start.character - b.start.character);
  return { text, ranges, cursors };
}

export function lintText(text: string): Finding[] {
  return lint(parse(text));
}

/** `line:col-line:col "covered text"`, so a failing comparison shows what each range covers. */
export function show(text: string, r: Range): string {
  const lines = text.split(/\r\n|\r|\n/);
  const covered =
    r.start.line === r.end.line
      ? lines[r.start.line].slice(r.start.character, r.end.character)
      : lines[r.start.line].slice(r.start.character) + '⏎…';
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character} ${JSON.stringify(covered)}`;
}

/**
 * Lints the marked digest and asserts that `rule` reports exactly the marked ranges.
 * Returns those findings (in range order) and the clean text for further checks.
 */
export function expectRule(rule: string, src: string): { text: string; findings: Finding[] } {
  const { text, ranges } = marked(src);
  const findings = lintText(text).filter((f) => f.rule === rule);
  assert.deepEqual(
    findings.map((f) => show(text, f.range)),
    ranges.map((r) => show(text, r)),
  );
  return { text, findings };
}

/** The text after applying one fix. */
export function applyFix(text: string, fix: Fix): string {
  return applyEdits(parse(text), fix.edits);
}

/**
 * Applies the finding's fix number `which` and checks the result; then, re-linted, the rule offers
 * one fix fewer than before: the one just applied is gone for good (a fix is idempotent).
 */
export function expectFix(text: string, finding: Finding, expected: string, which = 0): void {
  const fix = finding.fixes?.[which];
  assert.ok(fix, `no fix #${which} on ${finding.rule}`);
  const after = applyFix(text, fix);
  assert.equal(after, expected);
  const fixable = (t: string) => lintText(t).filter((f) => f.rule === finding.rule && f.fixes?.length).length;
  assert.equal(fixable(after), fixable(text) - 1, 'the fixed problem is still offered a fix');
}

/** A well-formed paper block around the lines given, for rules that look at one element. */
export function paper(parts: { heading?: string; media?: string; vote?: string; authors?: string; bullets?: string } = {}): string {
  return [
    parts.heading ?? '### [PIXART-δ: Fast and Controllable Image Generation](https://arxiv.org/abs/2401.05252)',
    parts.media ?? '![](https://cdn-uploads.huggingface.co/production/uploads/a/l4v9s2xQHdqOJ8LY6hoXg.png)',
    parts.vote ?? 'Vote: 24',
    parts.authors ?? 'Authors: Junsong Chen, Yue Wu, Simian Luo, +',
    parts.bullets ?? '- 이 기술 보고서는 PIXART-δ를 소개합니다.',
  ].filter((p) => p !== '').join('\n\n');
}

/** Every LSP range anywhere in a model or finding list (objects with start and end positions). */
export function allRanges(value: unknown, out: Range[] = []): Range[] {
  // Typed arrays hold numbers (the model's shared number chunks, see numbers.ts), never ranges.
  if (ArrayBuffer.isView(value)) return out;
  if (Array.isArray(value)) {
    for (const v of value) if (typeof v === 'object' && v !== null) allRanges(v, out);
  } else if (typeof value === 'object' && value !== null) {
    const r = value as Partial<Range>;
    if (r.start && r.end && typeof r.start.line === 'number' && typeof r.end.character === 'number') out.push(r as Range);
    else for (const v of Object.values(value)) if (typeof v === 'object' && v !== null) allRanges(v, out);
  }
  return out;
}

/** The first range that is not inside the document or ends before it starts, as a message. */
export function badRange(text: string, ranges: readonly Range[]): string | undefined {
  const lengths = text.split(/\r\n|\r|\n/).map((l) => l.length);
  const inside = (p: Position) => p.line >= 0 && p.line < lengths.length && p.character >= 0 && p.character <= lengths[p.line];
  for (const r of ranges) {
    const ordered = r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character);
    if (!inside(r.start) || !inside(r.end) || !ordered) return `bad range ${JSON.stringify(r)} in a ${lengths.length}-line text`;
  }
  return undefined;
}
