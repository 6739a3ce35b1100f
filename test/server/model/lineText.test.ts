import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { LineText } from '../../../server/src/model/lineText';
import { splitLines } from '../../../server/src/model/lines';

const FIXTURES = join(__dirname, '..', '..', 'fixtures');
const fixtures = readdirSync(FIXTURES).filter((f) => f.endsWith('.md')).sort().map((f) => readFileSync(join(FIXTURES, f), 'utf8'));

function check(lt: LineText, text: string): void {
  const table = splitLines(text);
  assert.equal(lt.toString(), text);
  assert.equal(lt.length, text.length);
  assert.deepEqual(lt.starts, table.starts);
  assert.deepEqual(lt.ends, table.ends);
  assert.equal(lt.eol, table.eol);
  assert.equal(lt.hasCR, table.hasCR);
}

/** The lines of a text by the plain definition: a regular expression over LSP's three breaks. */
function reference(text: string): { starts: number[]; ends: number[] } {
  const starts = [0];
  const ends: number[] = [];
  for (const m of text.matchAll(/\r\n|\n|\r/g)) {
    ends.push(m.index!);
    starts.push(m.index! + m[0].length);
  }
  ends.push(text.length);
  return { starts, ends };
}

describe('splitLines', () => {
  it('finds the lines a regular expression over \\r\\n, \\n and \\r finds, past its first 1,024 breaks too', () => {
    const text = fc.array(fc.constantFrom('\n', '\r\n', '\r', 'a', 'ㄱ', ' '), { maxLength: 60 }).map((xs) => xs.join(''));
    fc.assert(
      fc.property(text, fc.nat({ max: 3000 }), fc.boolean(), (t, repeat, lf) => {
        // Long texts with many breaks go past the scratch lists' first size.
        const s = t.length > 0 && repeat > 2000 ? t.repeat(repeat) : t;
        const u = lf ? s.replace(/\r/g, '') : s;
        const table = splitLines(u);
        const want = reference(u);
        assert.deepEqual(Array.from(table.starts), want.starts);
        assert.deepEqual(Array.from(table.ends), want.ends);
        assert.equal(table.hasCR, u.includes('\r'));
      }),
      { numRuns: 300 },
    );
  });
});

describe('LineText', () => {
  it('follows random edits exactly like splicing the string (lines, offsets, line breaks)', () => {
    const piece = fc.oneof(fc.constantFrom('\n', '\r\n', '\r', '\r\r\n', 'a', 'ㄱ', '\n\n', '## x\n', ''), fc.string({ maxLength: 5 }));
    fc.assert(
      fc.property(
        fc.oneof(fc.constantFrom(...fixtures.map((f) => f.slice(0, 3000))), fc.string({ maxLength: 40 })),
        fc.array(fc.record({ at: fc.nat(), len: fc.nat({ max: 30 }), text: piece }), { maxLength: 12 }),
        (start, edits) => {
          let text = start;
          const lt = new LineText(text);
          for (const e of edits) {
            const a = e.at % (text.length + 1);
            const b = Math.min(text.length, a + e.len);
            const range = { start: lt.positionAt(a), end: lt.positionAt(b) };
            // An offset inside a \r\n has no position of its own; splice where the range points.
            const [from, to] = [lt.offsetAt(range.start), lt.offsetAt(range.end)];
            lt.apply(range, e.text);
            text = text.slice(0, from) + e.text + text.slice(to);
            // Compare lazily: slices and offsets first (no join), then the whole text.
            const mid = Math.floor(lt.lineCount / 2);
            assert.equal(lt.slice(mid, lt.lineCount), text.slice(splitLines(text).starts[mid]));
            check(lt, text);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('maps positions and offsets like an LSP document (UTF-16, clamped to the line)', () => {
    const lt = new LineText('ab\r\nδ😀\ncd');
    assert.deepEqual(lt.positionAt(5), { line: 1, character: 1 });
    assert.equal(lt.offsetAt({ line: 1, character: 99 }), 7);
    assert.equal(lt.offsetAt({ line: 9, character: 0 }), 10);
    assert.deepEqual(lt.positionAt(3), { line: 0, character: 2 });
  });
});
