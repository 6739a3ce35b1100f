import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { lint } from '../../server/src/lint';
import { authorKey } from '../../server/src/model/authors';
import { parse } from '../../server/src/model/parse';
import type { Paper } from '../../server/src/model/types';
import { StringPool, summarize, papersOf } from '../../server/src/workspace/summary';

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
    const summarized = [...papersOf(summary)].map(({ paper }) => paper.authors);
    assert.deepEqual(summarized, papers.map(plainAuthors));
    names += summarized.flat().length;
  }
  assert.ok(names > 100, `${names} names`);
});
