import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from '../../../server/src/model/parse';
import { NONE } from '../../../server/src/model/lists';
import { reparseLines } from '../../../server/src/model/incremental';
import { LineText } from '../../../server/src/model/lineText';
import { lint, BlockFindings } from '../../../server/src/lint';
import type { Digest } from '../../../server/src/model/types';
import { DiagnosticsMemo, toDiagnostics } from '../../../server/src/features/diagnostics';

const FIXTURES = join(__dirname, '..', '..', 'fixtures');
const fixtures = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.md'))
  .sort()
  .map((f) => readFileSync(join(FIXTURES, f), 'utf8'));
const RUNS = Number(process.env.FC_RUNS ?? 1000);

/** Applies one edit to a document kept as lines and to its model, as the server does. */
function edit(lines: LineText, model: Digest, at: number, removed: number, inserted: string): Digest {
  const a = Math.min(at, lines.length);
  const range = { start: lines.positionAt(a), end: lines.positionAt(Math.min(lines.length, a + removed)) };
  return reparseLines(model, lines, lines.apply(range, inserted));
}

/** The model without its block list, for comparing with a fresh parse. */
/** The model's public shape (nodes serialise as their interfaces; what they keep privately differs). */
function shape(d: Digest) {
  return JSON.parse(JSON.stringify({
    isDigest: d.isDigest,
    bom: d.bom,
    eol: d.eol,
    hasCR: d.hasCR,
    lineStarts: d.lineStarts,
    lineEnds: d.lineEnds,
    days: d.days,
    orphanPapers: d.orphanPapers,
    unexpected: d.unexpected,
  }));
}

const inserts = fc.oneof(
  fc.constantFrom(
    '\n', '\n\n', '\r\n', '\r', '#', '## ', '### ', '## Daily Papers (2024-01-12)\n', '### [T](https://arxiv.org/abs/2401.00001)\n',
    'Vote: 3\n', 'Vote: x', ', Junsong Chen', ', +', 'Authors: A, A, B\n', '- see https://x.io에서 more\n', '[Watch Video]https://v.mp4',
    '[', '(', ')', ']', '- ', '\uFEFF', '<div><video controls src="https://a.mp4"></video></div>\n', '',
  ),
  fc.string({ maxLength: 6 }),
);

const editArb = fc.record({ at: fc.nat(), removed: fc.oneof(fc.constant(0), fc.nat({ max: 8 }), fc.nat({ max: 400 })), inserted: inserts });

describe('incremental re-parsing', () => {
  // The shared empty list is not frozen (see lists.ts): nothing here may have pushed to it.
  after(() => assert.deepEqual(NONE, []));

  it(`follows a LineText (the server's document store) through ${RUNS} random edit sequences like a fresh parse`, () => {
    fc.assert(
      fc.property(fc.nat({ max: fixtures.length - 1 }), fc.array(editArb, { minLength: 1, maxLength: 8 }), (f, edits) => {
        const lines = new LineText(fixtures[f]);
        let model = parse(fixtures[f]);
        const kept = new BlockFindings();
        const memo = new DiagnosticsMemo();
        memo.of('file:///d.md', lint(model, kept));
        for (const e of edits) {
          model = edit(lines, model, e.at % (lines.length + 1), e.removed, e.inserted);
          const text = lines.toString();
          const fresh = parse(text);
          assert.equal(model.text, text);
          assert.equal(model.bom, fresh.bom);
          assert.deepEqual(shape(model), shape(fresh));
          const findings = lint(model, kept);
          assert.deepEqual(findings, lint(fresh));
          // Diagnostics kept across versions are those a fresh lint would send.
          assert.deepEqual(memo.of('file:///d.md', findings), toDiagnostics('file:///d.md', findings));
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('typing every fixture from top to bottom, one character at a time, lints without error at every prefix', () => {
    for (const full of fixtures) {
      const doc = new LineText('');
      let model = parse('');
      const kept = new BlockFindings();
      for (let i = 0; i < full.length; i++) {
        model = edit(doc, model, doc.length, 0, full[i]);
        const text = full.slice(0, i + 1);
        const findings = lint(model, kept);
        // Every 997th prefix (and the last) is checked against a fresh parse and lint, all of them for bounds.
        const lines = model.lineStarts.length;
        for (const f of findings) assert.ok(f.range.start.line < lines && f.range.end.line < lines, `prefix ${i + 1}`);
        if (i % 997 === 0 || i === full.length - 1) {
          const fresh = parse(text);
          assert.deepEqual(shape(model), shape(fresh), `prefix ${i + 1}`);
          assert.deepEqual(findings, lint(fresh), `prefix ${i + 1}`);
        }
      }
    }
  });

  it('re-parses only the blocks an edit touches and reuses the others', () => {
    const lines = new LineText(fixtures[1]);
    const before = parse(fixtures[1]);
    const papers = before.days[0].papers;
    // Type a character in the last bullet of the third paper.
    const line = papers[2].bullets.at(-1)!.line;
    const after = edit(lines, before, before.lineStarts[line] + 2, 0, 'x');
    const reused = after.days[0].papers.filter((p, i) => p === papers[i]).length;
    assert.equal(after.days[0].papers.length, papers.length);
    // The touched paper and the one before it are new; every other paper object is the same.
    assert.equal(reused, papers.length - 2);
    assert.notEqual(after.days[0].papers[2], papers[2]);
  });

  it('moves the papers after an inserted line and their kept findings with them', () => {
    const lines = new LineText(fixtures[2]);
    const before = parse(fixtures[2]);
    const perPaper = new BlockFindings();
    const first = lint(before, perPaper);
    const after = edit(lines, before, before.lineStarts[2], 0, '\n\n');
    const moved = lint(after, perPaper);
    assert.equal(moved.length, first.length);
    assert.deepEqual(moved, lint(parse(lines.toString())));
    assert.ok(moved.some((f) => f.rule === 'duplicate-author' && f.group === 'authors:10'));
  });
});
