import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { DiagnosticsMemo, toDiagnostics } from '../../server/src/features/diagnostics';
import { findingAt } from '../../server/src/features/codeActions';
import { BlockFindings, lint } from '../../server/src/lint';
import { reparseLines } from '../../server/src/model/incremental';
import { LineText } from '../../server/src/model/lineText';
import { parse } from '../../server/src/model/parse';
import type { Finding } from '../../server/src/rules/types';

const text = readFileSync(join(__dirname, '..', 'fixtures', 'daily-papers-2023-12-29.md'), 'utf8');
const URI = 'file:///w/daily-papers-2023-12-29.md';

/** The server's path for one edit: lines, model, kept findings, memoised diagnostics. */
function session() {
  const lines = new LineText(text);
  let model = parse(text);
  const kept = new BlockFindings();
  const memo = new DiagnosticsMemo();
  let findings = lint(model, kept);
  return {
    diagnostics: () => memo.of(URI, findings),
    findings: () => findings,
    edit(line: number, character: number, inserted: string) {
      const at = { line, character };
      model = reparseLines(model, lines, lines.apply({ start: at, end: at }, inserted));
      findings = lint(model, kept);
    },
  };
}

describe('diagnostics kept across edits', () => {
  it('sends the same diagnostic objects for findings an edit did not touch, new ones for the rest', () => {
    const s = session();
    const before = s.diagnostics();
    const beforeFindings = s.findings();
    assert.ok(before.length > 5);
    // A character typed at the end re-lints the last papers (and the rules across days) only.
    const last = before[before.length - 1].range.end.line;
    s.edit(last + 1, 0, 'x');
    const after = s.diagnostics();
    const made = new Map(beforeFindings.map((f, i) => [f, before[i]]));
    let same = 0;
    s.findings().forEach((f, i) => {
      const old = made.get(f);
      if (old) assert.equal(after[i], old, 'a kept finding keeps its diagnostic');
      else assert.ok(!before.includes(after[i]), 'a new finding gets a new diagnostic');
      if (old) same++;
    });
    assert.ok(same > before.length / 2, `${same} of ${before.length} kept`);
    // A line inserted at the top moves every finding: each one's diagnostic is remade, moved,
    // and those made before keep the positions of their version (one may still be waiting to be sent).
    const sentBefore = JSON.stringify(after);
    s.edit(0, 0, '\n');
    const moved = s.diagnostics();
    assert.equal(JSON.stringify(after), sentBefore);
    assert.equal(moved.length, after.length);
    moved.forEach((d, i) => {
      assert.notEqual(d, after[i]);
      assert.equal(d.range.start.line, after[i].range.start.line + 1);
    });
    assert.deepEqual(moved, toDiagnostics(URI, s.findings()));
    // And again, for findings that have moved before.
    const sentMoved = JSON.stringify(moved);
    s.edit(0, 0, '\n');
    assert.equal(JSON.stringify(moved), sentMoved);
    assert.deepEqual(s.diagnostics(), toDiagnostics(URI, s.findings()));
  });

  it('matches diagnostics made afresh after any edits, and keeps the object of every finding that did not move', () => {
    const lines = text.split('\n').length;
    const edit = fc.record({
      line: fc.nat({ max: lines - 1 }),
      character: fc.nat({ max: 40 }),
      remove: fc.nat({ max: 60 }),
      inserted: fc.constantFrom('', 'x', '\n', '\n\n', ', Junsong Chen', '### [T](https://arxiv.org/abs/2312.00001)\n', '## Daily Papers (2023-12-30)\n', '- '),
    });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => {
        const doc = new LineText(text);
        let model = parse(text);
        const kept = new BlockFindings();
        const memo = new DiagnosticsMemo();
        let findings = lint(model, kept);
        let sent = memo.of(URI, findings);
        for (const e of edits) {
          const before = new Map(findings.map((f, i) => [f, { diagnostic: sent[i], range: f.range }]));
          const start = { line: Math.min(e.line, doc.lineCount - 1), character: e.character };
          const startOffset = doc.offsetAt(start);
          const end = doc.positionAt(Math.min(doc.length, startOffset + e.remove));
          model = reparseLines(model, doc, doc.apply({ start, end }, e.inserted));
          findings = lint(model, kept);
          sent = memo.of(URI, findings);
          assert.deepEqual(sent, toDiagnostics(URI, findings));
          findings.forEach((f, i) => {
            const old = before.get(f);
            if (old && old.range === f.range) assert.equal(sent[i], old.diagnostic, 'a finding that did not move keeps its diagnostic');
            else if (old) assert.notEqual(sent[i], old.diagnostic, 'a moved finding gets a new diagnostic');
          });
        }
      }),
      { numRuns: 60 },
    );
  });

  it('makes diagnostics per document: the same finding under another uri names that uri', () => {
    const findings = lint(parse(text));
    const memo = new DiagnosticsMemo();
    const a = memo.of('file:///a.md', findings);
    const b = memo.of('file:///b.md', findings);
    const related = (ds: typeof a) => ds.flatMap((d) => d.relatedInformation ?? []).map((r) => r.location.uri);
    assert.ok(related(a).length > 0);
    assert.ok(related(a).every((u) => u === 'file:///a.md'));
    assert.ok(related(b).every((u) => u === 'file:///b.md'));
  });
});

describe('findingAt (the finding a code action request names)', () => {
  const findings = lint(parse(text));

  it('finds every finding by rule and range, and nothing at a range no finding has', () => {
    for (const f of findings) assert.equal(findingAt(findings, f.rule, f.range), findings.find((g) => g.rule === f.rule && sameRange(g, f)));
    const r = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
    assert.equal(findingAt(findings, 'duplicate-author', r), undefined);
    assert.equal(findingAt([], 'duplicate-author', r), undefined);
  });

  it('agrees with a linear search on random lists sharing start positions', () => {
    const pos = fc.record({ line: fc.nat({ max: 4 }), character: fc.nat({ max: 3 }) });
    const finding = fc.record({ rule: fc.constantFrom('a', 'b', 'c'), start: pos, len: fc.nat({ max: 2 }) }).map(
      ({ rule, start, len }): Finding => ({
        rule,
        severity: 'warning',
        message: '',
        range: { start, end: { line: start.line, character: start.character + len } },
      }),
    );
    fc.assert(
      fc.property(fc.array(finding, { maxLength: 30 }), finding, (list, probe) => {
        list.sort((x, y) => x.range.start.line - y.range.start.line || x.range.start.character - y.range.start.character);
        const linear = list.find((g) => g.rule === probe.rule && sameRange(g, probe));
        assert.equal(findingAt(list, probe.rule, probe.range), linear);
      }),
      { numRuns: 2000 },
    );
  });
});

function sameRange(a: Finding, b: Finding): boolean {
  return JSON.stringify(a.range) === JSON.stringify(b.range);
}
