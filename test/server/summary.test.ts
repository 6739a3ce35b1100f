import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { lint } from '../../server/src/lint';
import { authorKey } from '../../server/src/model/authors';
import { parse } from '../../server/src/model/parse';
import type { Paper } from '../../server/src/model/types';
import { StringPool, authorRange, summarize, papersOf, type PaperSummary } from '../../server/src/workspace/summary';

const FIXTURES = join(__dirname, '..', 'fixtures');

/** A paper's unique authors by key, first spelling first, from the model's Author objects. */
function plainAuthors(paper: Paper) {
  const seen = new Set<string>();
  const out = [];
  for (const line of paper.authors) {
    for (const a of line.authors) {
      const key = authorKey(a.name);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ name: a.name, key, line: a.range.start.line, start: a.range.start.character, end: a.range.end.character });
    }
  }
  return out;
}

/** A summary's authors with where each is, in the shape of plainAuthors. */
function summarizedAuthors(paper: PaperSummary) {
  assert.equal(paper.authorSpans.length, 3 * paper.authors.length);
  return paper.authors.map(({ name, key }, i) => {
    const { start, end } = authorRange(paper, i);
    assert.equal(start.line, end.line);
    return { name, key, line: start.line, start: start.character, end: end.character };
  });
}

test('a summary lists each paper’s authors as the model’s Author objects give them, once per key', () => {
  const texts = readdirSync(FIXTURES).filter((f) => f.endsWith('.md')).map((f) => readFileSync(join(FIXTURES, f), 'utf8'));
  // Two Authors: lines in one paper, repeats across them, other white space, case and a `+`.
  texts.push(
    '## Daily Papers (2024-01-11)\n\n### [T](https://arxiv.org/abs/2401.05252)\n' +
      'Authors: Junsong Chen, Yue  Wu, junsong chen, Jos\u00e9, +\nAuthors: JUNSONG CHEN,\tYue Wu, Jose\u0301, Enze Xie\n- a\n',
  );
  const pool = new StringPool();
  let names = 0;
  for (const text of texts) {
    const digest = parse(text);
    const papers = [...digest.orphanPapers, ...digest.days.flatMap((d) => d.papers)];
    const summary = summarize('file:///d.md', digest, lint(digest), pool);
    const summarized = [...papersOf(summary)].map(({ paper }) => summarizedAuthors(paper));
    assert.deepEqual(summarized, papers.map(plainAuthors));
    names += summarized.flat().length;
  }
  assert.ok(names > 100, `${names} names`);
});

test('papers that spell an author the same way share one entry for the name, and the model makes no Author objects for it', () => {
  const text =
    '## Daily Papers (2024-01-11)\n\n### [A](https://arxiv.org/abs/2401.05252)\nAuthors: Junsong Chen, Enze Xie\n- a\n\n' +
    '### [B](https://arxiv.org/abs/2401.04088)\nAuthors: Enze Xie, JUNSONG CHEN\n- b\n';
  const digest = parse(text);
  const summary = summarize('file:///d.md', digest, lint(digest), new StringPool());
  const [a, b] = summary.days[0].papers;
  assert.equal(a.authors[1], b.authors[0], 'Enze Xie');
  assert.notEqual(a.authors[0], b.authors[1], 'another spelling is its own entry');
  assert.equal(a.authors[0].key, b.authors[1].key);
  assert.deepEqual(authorRange(b, 1), { start: { line: 7, character: 19 }, end: { line: 7, character: 31 } });
  // Summarising read the names where they stand: the lines still have no Author objects.
  // (`names` is where an Authors line keeps the Author objects it made; checked to exist, so a
  // renamed field fails here instead of passing unseen.)
  for (const p of digest.days[0].papers) {
    const line = p.authors[0] as unknown as { names?: unknown };
    assert.ok(Object.hasOwn(line, 'names'));
    assert.equal(line.names, undefined);
    void p.authors[0].authors;
    assert.notEqual(line.names, undefined, 'reading authors makes them, into the same field');
  }
});
