import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from '../../../server/src/model/parse';
import { reparse, reparseLines, type TextChange } from '../../../server/src/model/incremental';
import { LineText } from '../../../server/src/model/lineText';
import { splitLines } from '../../../server/src/model/lines';
import { lint, BlockFindings } from '../../../server/src/lint';
import type { Digest, Position } from '../../../server/src/model/types';

const FIXTURES = join(__dirname, '..', '..', 'fixtures');
const fixtures = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.md'))
  .sort()
  .map((f) => readFileSync(join(FIXTURES, f), 'utf8'));
const RUNS = Number(process.env.FC_RUNS ?? 1000);

function positionAt(text: string, offset: number): Position {
  const { starts } = splitLines(text);
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - starts[lo] };
}

/** What an editor sends for one edit, and the text after it. */
function edit(text: string, at: number, removed: number, inserted: string): { change: TextChange; text: string } {
  const a = Math.min(at, text.length);
  const b = Math.min(text.length, a + removed);
  return {
    change: { range: { start: positionAt(text, a), end: positionAt(text, b) }, text: inserted },
    text: text.slice(0, a) + inserted + text.slice(b),
  };
}

/** The model without its block list, for comparing with a fresh parse. */
function shape(d: Digest) {
  return {
    isDigest: d.isDigest,
    bom: d.bom,
    eol: d.eol,
    hasCR: d.hasCR,
    lineStarts: d.lineStarts,
    lineEnds: d.lineEnds,
    days: d.days,
    orphanPapers: d.orphanPapers,
    unexpected: d.unexpected,
  };
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
  it(`equals a fresh parse after every edit of ${RUNS} random edit sequences on the fixtures`, () => {
    fc.assert(
      fc.property(fc.nat({ max: fixtures.length - 1 }), fc.array(editArb, { minLength: 1, maxLength: 8 }), (f, edits) => {
        let text = fixtures[f];
        let model = parse(text);
        const perPaper = new BlockFindings();
        lint(model, perPaper);
        for (const e of edits) {
          const next = edit(text, e.at % (text.length + 1), e.removed, e.inserted);
          model = reparse(model, next.text, next.change);
          text = next.text;
          const fresh = parse(text);
          assert.deepEqual(shape(model), shape(fresh));
          // Findings reused across edits (moved with their papers) equal a fresh lint.
          assert.deepEqual(lint(model, perPaper), lint(fresh));
        }
      }),
      { numRuns: RUNS },
    );
  });

  it(`follows a LineText (the server's document store) through ${RUNS} random edit sequences like a fresh parse`, () => {
    fc.assert(
      fc.property(fc.nat({ max: fixtures.length - 1 }), fc.array(editArb, { minLength: 1, maxLength: 8 }), (f, edits) => {
        const lines = new LineText(fixtures[f]);
        let model = parse(fixtures[f]);
        const kept = new BlockFindings();
        lint(model, kept);
        for (const e of edits) {
          const length = lines.length;
          const a = e.at % (length + 1);
          const range = { start: lines.positionAt(a), end: lines.positionAt(Math.min(length, a + e.removed)) };
          model = reparseLines(model, lines, lines.apply(range, e.inserted));
          const text = lines.toString();
          const fresh = parse(text);
          assert.equal(model.text, text);
          assert.equal(model.bom, fresh.bom);
          assert.deepEqual(shape(model), shape(fresh));
          assert.deepEqual(lint(model, kept), lint(fresh));
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('typing every fixture from top to bottom, one character at a time, lints without error at every prefix', () => {
    for (const full of fixtures) {
      let text = '';
      let model = parse(text);
      const kept = new BlockFindings();
      for (let i = 0; i < full.length; i++) {
        const end = model.lineStarts.length - 1;
        const at = { line: end, character: text.length - model.lineStarts[end] };
        const ch = full[i];
        text += ch;
        model = reparse(model, text, { range: { start: at, end: at }, text: ch });
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
    const text = fixtures[1];
    const before = parse(text);
    const papers = before.days[0].papers;
    // Type a character in the last bullet of the third paper.
    const line = papers[2].bullets.at(-1)!.line;
    const next = edit(text, before.lineStarts[line] + 2, 0, 'x');
    const after = reparse(before, next.text, next.change);
    const reused = after.days[0].papers.filter((p, i) => p === papers[i]).length;
    assert.equal(after.days[0].papers.length, papers.length);
    // The touched paper and the one before it are new; every other paper object is the same.
    assert.equal(reused, papers.length - 2);
    assert.notEqual(after.days[0].papers[2], papers[2]);
  });

  it('moves the papers after an inserted line and their kept findings with them', () => {
    const text = fixtures[2];
    const before = parse(text);
    const perPaper = new BlockFindings();
    const first = lint(before, perPaper);
    const next = edit(text, before.lineStarts[2], 0, '\n\n');
    const after = reparse(before, next.text, next.change);
    const moved = lint(after, perPaper);
    assert.equal(moved.length, first.length);
    assert.deepEqual(moved, lint(parse(next.text)));
    assert.ok(moved.some((f) => f.rule === 'duplicate-author' && f.group === 'authors:10'));
  });
});
