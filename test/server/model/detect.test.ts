import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { headVerdict, isDigestHeadLine, linesLookLikeDigest, looksLikeDigest } from '../../../server/src/model/detect';
import { LineText } from '../../../server/src/model/lineText';
import { digestDocuments } from '../../../server/src/documents';

const RUNS = { numRuns: Number(process.env.FC_RUNS ?? 300) };
const HEADING = '## Daily Papers (2024-01-11)';

test('the first non-blank line decides, however many blank lines come first', () => {
  assert.ok(looksLikeDigest(`${HEADING}\n`));
  assert.ok(looksLikeDigest(`\ufeff${HEADING}`));
  assert.ok(looksLikeDigest(`${'\n'.repeat(300)}  \t\n  ${HEADING}\r\n### [T](https://arxiv.org/abs/2401.00001)`));
  assert.ok(looksLikeDigest(`${' \r\n'.repeat(100_000)}${HEADING}`));
  assert.ok(!looksLikeDigest(`# Notes\n${HEADING}`));
  assert.ok(!looksLikeDigest(`\u00a0\n${HEADING}`), 'a no-break space is not blank');
  assert.ok(!looksLikeDigest(''));
  assert.ok(!looksLikeDigest('\n\n \t'));
  assert.ok(isDigestHeadLine(`   ${HEADING}`));
  // As CommonMark reads a heading: up to three spaces; four, or a tab, make an indented code block.
  assert.ok(!isDigestHeadLine(`    ${HEADING}`));
  assert.ok(!isDigestHeadLine(`\t${HEADING}`));
  assert.ok(looksLikeDigest(`\n \n   ${HEADING}\n`));
  assert.ok(!looksLikeDigest(`\n\n    ${HEADING}\n`));
  assert.ok(!isDigestHeadLine('## Notes'));
});

test('a reader in pieces gets an answer once it holds the first non-blank line, the same as on the whole text', () => {
  assert.equal(headVerdict('\n\n  ', false), undefined);
  assert.equal(headVerdict('\n## Daily Pap', false), undefined);
  assert.equal(headVerdict(`\n${HEADING}`, false), undefined, 'the line may go on');
  assert.equal(headVerdict(`\n${HEADING}\n`, false), true);
  assert.equal(headVerdict('\n# N', false), undefined);
  assert.equal(headVerdict('\n# N\r', false), false);
  const piece = fc.constantFrom('', '\n', '\r\n', '\r', ' ', '   ', '\t', '\ufeff', '\u00a0', HEADING, '## Daily Papers (2024-13-40)', '# Notes', 'x', '###', ' (2024-01-11)');
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 12 }), fc.array(fc.nat(), { maxLength: 4 }), (pieces, cuts) => {
      const text = pieces.join('');
      const whole = looksLikeDigest(text);
      // Read in pieces cut anywhere: the first answer given is the whole text's.
      const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
      for (const cut of at) {
        const verdict = headVerdict(text.slice(0, cut), false);
        if (verdict !== undefined) assert.equal(verdict, whole, JSON.stringify([text, cut]));
      }
      // As lines (any line breaks), the same answer.
      const lines = new LineText(text);
      const lineAt = (i: number) => lines.slice(i, i + 1).slice(0, lines.ends[i] - lines.starts[i]);
      assert.equal(linesLookLikeDigest(lines.lineCount, lineAt), whole, JSON.stringify(text));
    }),
    RUNS,
  );
});

test('an open document keeps its verdict across edits below the deciding line, and only there', () => {
  const store = digestDocuments({ edited() {}, replaced() {}, versioned() {} });
  const piece = fc.constantFrom('\n', '\r\n', '\r', ' ', '\t', '\ufeff', HEADING, '# Notes', 'x', '## ');
  const text = fc.array(piece, { maxLength: 10 }).map((p) => p.join(''));
  const edit = fc.record({ at: fc.nat(), length: fc.nat({ max: 6 }), text });
  fc.assert(
    fc.property(text, fc.array(edit, { maxLength: 6 }), (start, edits) => {
      const doc = store.create('file:///d.md', 'markdown', 1, start);
      for (const e of edits) {
        assert.equal(doc.looksLikeDigest(), looksLikeDigest(doc.getText()), JSON.stringify(doc.getText()));
        const a = e.at % (doc.length + 1);
        const b = Math.min(doc.length, a + e.length);
        store.update(doc, [{ range: { start: doc.positionAt(a), end: doc.positionAt(b) }, text: e.text }], doc.version + 1);
      }
      assert.equal(doc.looksLikeDigest(), looksLikeDigest(doc.getText()), JSON.stringify(doc.getText()));
    }),
    RUNS,
  );
});
