import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CHUNK, NumberRuns } from '../../../server/src/model/numbers';
import { parse } from '../../../server/src/model/parse';

/** Writes `list` as one run the way the parser does: `step` numbers at a time, asking for room first. */
function write(runs: NumberRuns, list: readonly number[], step = 3): { chunk: Int32Array; at: number } {
  let chunk = runs.chunk;
  let at = runs.at;
  for (let n = 0; n < list.length; n += step) {
    const k = Math.min(step, list.length - n);
    if (at + n + k > chunk.length) {
      chunk = runs.room(n, k);
      at = runs.at;
    }
    for (let i = 0; i < k; i++) chunk[at + n + i] = list[n + i];
  }
  runs.end(list.length);
  return { chunk, at };
}

describe('number store', () => {
  it('keeps every run intact across chunk boundaries, and a run longer than a chunk whole', () => {
    const store = new NumberRuns();
    const runs: { chunk: Int32Array; at: number; list: number[] }[] = [];
    // 40,000 runs of 0–30 numbers fill many chunks; every 5,000th is longer than a whole chunk.
    for (let r = 0; r < 40_000; r++) {
      const n = r % 5000 === 4999 ? CHUNK + 20_000 : r % 31;
      const list = Array.from({ length: n }, (_, i) => (r * 7919 + i * 104729) | 0);
      runs.push({ ...write(store, list, r % 2 ? 3 : 6), list });
    }
    for (const { chunk, at, list } of runs) {
      assert.deepEqual(Array.from(chunk.subarray(at, at + list.length)), list);
    }
    assert.ok(new Set(runs.map((r) => r.chunk)).size > 5, 'the runs span several chunks');
  });

  it('a run that is not ended is overwritten by the next, and ended runs stay', () => {
    const store = new NumberRuns();
    const kept = write(store, [1, 2, 3]);
    // Written but never ended (a line read as plain, then read again name by name).
    const chunk = store.room(0, 3);
    chunk.set([7, 7, 7], store.at);
    const next = write(store, [4, 5, 6]);
    assert.equal(next.at, kept.at + 3);
    assert.deepEqual(Array.from(kept.chunk.subarray(kept.at, kept.at + 3)), [1, 2, 3]);
    assert.deepEqual(Array.from(next.chunk.subarray(next.at, next.at + 3)), [4, 5, 6]);
  });

  it('holds 32-bit hashes and negative numbers exactly', () => {
    const list = [-1, 0, 2 ** 31 - 1, -(2 ** 31), 0x811c9dc5 | 0];
    const { chunk, at } = write(new NumberRuns(), list, 5);
    assert.deepEqual(Array.from(chunk.subarray(at, at + list.length)), list);
  });

  it('names and bullets of papers parsed across many chunks read back as written', () => {
    // 3,000 papers with 8 names and 4 bullets each: 72,000 + 72,000 numbers, more than a chunk each.
    const lines = ['## Daily Papers (2024-01-02)', ''];
    for (let p = 0; p < 3000; p++) {
      lines.push(`### [P${p}](https://arxiv.org/abs/2401.${String(p).padStart(5, '0')})`, 'Vote: 1', '');
      lines.push('Authors: ' + Array.from({ length: 8 }, (_, i) => `N${p} M${i}`).join(', '), '');
      for (let b = 0; b < 4; b++) lines.push(`- bullet ${p}.${b}`, ...(b === 3 ? ['  continued'] : []));
      lines.push('');
    }
    const d = parse(lines.join('\n'));
    const papers = d.days[0].papers;
    assert.equal(papers.length, 3000);
    papers.forEach((paper, p) => {
      const names = paper.authors[0].authors;
      assert.deepEqual(names.map((a) => a.name), Array.from({ length: 8 }, (_, i) => `N${p} M${i}`));
      for (const a of names) assert.equal(lines[a.range.start.line].slice(a.range.start.character, a.range.end.character), a.name);
      assert.deepEqual(paper.bullets.map((b) => b.text), [0, 1, 2, 3].map((b) => `bullet ${p}.${b}` + (b === 3 ? '\ncontinued' : '')));
      const last = paper.bullets[3];
      assert.equal(last.range.end.line, last.line + 1);
    });
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
