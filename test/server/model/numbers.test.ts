import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { keep, kept } from '../../../server/src/model/numbers';
import { parse } from '../../../server/src/model/parse';

describe('number store', () => {
  it('keeps every run intact across chunk boundaries, and a run longer than a chunk whole', () => {
    const runs: { chunk: Int32Array; at: number; list: number[] }[] = [];
    // 40,000 runs of 0–30 numbers fill many chunks; every 5,000th is larger than a quarter chunk.
    for (let r = 0; r < 40_000; r++) {
      const n = r % 5000 === 4999 ? 20_000 : r % 31;
      const list = Array.from({ length: n }, (_, i) => (r * 7919 + i * 104729) | 0);
      keep(list);
      runs.push({ chunk: kept.chunk, at: kept.at, list });
    }
    for (const { chunk, at, list } of runs) {
      assert.deepEqual(Array.from(chunk.subarray(at, at + list.length)), list);
    }
    assert.ok(new Set(runs.map((r) => r.chunk)).size > 5, 'the runs span several chunks');
  });

  it('holds 32-bit hashes and negative numbers exactly', () => {
    const list = [-1, 0, 2 ** 31 - 1, -(2 ** 31), 0x811c9dc5 | 0];
    keep(list);
    assert.deepEqual(Array.from(kept.chunk.subarray(kept.at, kept.at + list.length)), list);
  });

  it('a paper moved by an edit does not move another paper stored in the same chunk', () => {
    const text = '## Daily Papers (2024-01-02)\n\n### [A](https://arxiv.org/abs/2401.00001)\n- one\n- two\n\n### [B](https://arxiv.org/abs/2401.00002)\n- three\n';
    const d = parse(text);
    const [a, b] = d.days[0].papers as unknown as { move(d: number): void; bullets: { line: number }[] }[];
    a.move(10);
    assert.deepEqual(a.bullets.map((x) => x.line), [13, 14]);
    assert.deepEqual(b.bullets.map((x) => x.line), [7]);
  });
});
