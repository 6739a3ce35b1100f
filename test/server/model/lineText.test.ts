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
