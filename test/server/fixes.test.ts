import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, fixtureNames } from '../../scripts/update-expectations';
import { applyEdits, autoFixable, fixAllEdits, fixesFor, mergeFixes } from '../../server/src/fixes';
import { lint } from '../../server/src/lint';
import { parse } from '../../server/src/model/parse';
import type { Fix } from '../../server/src/rules/types';

const read = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

function fixAll(text: string): string {
  const d = parse(text);
  return applyEdits(d, fixAllEdits(lint(d)));
}

/** An Authors: line with each name kept once (first occurrence, case-insensitive) and `, +` kept. */
function dedupeAuthors(line: string): string {
  const names = line.slice('Authors: '.length).split(', ');
  const seen = new Set<string>();
  const kept = names.filter((n, i) => {
    if (n === '+' && i === names.length - 1) return true;
    const key = n.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return 'Authors: ' + kept.join(', ');
}

/** The characters `after` has beyond `before`, when `before` is a subsequence of `after`. */
function added(before: string, after: string): string | undefined {
  let j = 0;
  let extra = '';
  for (const ch of after) {
    if (j < before.length && before[j] === ch) j++;
    else extra += ch;
  }
  return j === before.length ? [...extra].sort().join('') : undefined;
}

const changedLines: Record<string, { authors: number; other: number; added: string }> = {
  'daily-papers-2023-12-04.md': { authors: 0, other: 9, added: '()' },
  // Their glued URLs (url-runs-into-text) are left for the writer: a space or <…> is a choice.
  'daily-papers-2023-12-29.md': { authors: 4, other: 0, added: '' },
  'daily-papers-2024-01-11.md': { authors: 7, other: 0, added: '' },
};

for (const name of fixtureNames()) {
  test(`${name}: fixAll leaves nothing it would fix, is idempotent and only dedupes authors or adds ( )`, () => {
    const text = read(name);
    const fixed = fixAll(text);
    assert.notEqual(fixed, text);
    assert.deepEqual(lint(parse(fixed)).filter(autoFixable), []);
    // What only offers alternatives is still offered, untouched.
    const choices = (t: string) => lint(parse(t)).filter((f) => f.fixes?.length && !autoFixable(f)).map((f) => f.message);
    assert.deepEqual(choices(fixed), choices(text));
    assert.equal(fixAll(fixed), fixed);

    const before = text.split('\n');
    const after = fixed.split('\n');
    assert.equal(after.length, before.length);
    let authors = 0;
    let other = 0;
    for (let i = 0; i < before.length; i++) {
      if (before[i] === after[i]) continue;
      if (before[i].startsWith('Authors: ')) {
        authors++;
        assert.equal(after[i], dedupeAuthors(before[i]));
      } else {
        other++;
        assert.equal(added(before[i], after[i]), changedLines[name].added, `line ${i}: ${after[i]}`);
      }
    }
    assert.deepEqual({ authors, other, added: changedLines[name].added }, changedLines[name]);
  });

  test(`${name}: with CRLF and a BOM, fixAll keeps both byte for byte`, () => {
    const lf = fixAll(read(name));
    const crlf = fixAll('\ufeff' + read(name).replace(/\n/g, '\r\n'));
    assert.deepEqual(Buffer.from(crlf, 'utf8'), Buffer.from('\ufeff' + lf.replace(/\n/g, '\r\n'), 'utf8'));
    assert.deepEqual([...Buffer.from(crlf, 'utf8').subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  });
}

test('fixAll on 2024-01-11: each Authors: line keeps first occurrences in order and its , +', () => {
  const lines = fixAll(read('daily-papers-2024-01-11.md')).split('\n');
  assert.equal(lines[8], 'Authors: Junsong Chen, Yue Wu, Simian Luo, Enze Xie, Sayak Paul, Ping Luo, Hang Zhao, Zhenguo Li');
  assert.match(lines[45], /^Authors: Zhaoxi Chen, Gyeongsik Moon, .*, Yaser Sheikh, Ziwei Liu, \+$/);
  assert.equal(lines[103].includes('https://github.com/davidmchan/Anim400K에서'), true, 'the glued URL is the writer\'s choice');
});

const at = (line: number, character: number) => ({ line, character });
const edit = (l: number, a: number, b: number, newText: string) => ({ range: { start: at(l, a), end: at(l, b) }, newText });
const fix = (...edits: ReturnType<typeof edit>[]): Fix => ({ title: 't', edits });

test('mergeFixes: touching edits merge; a clash drops the whole later fix; the result is sorted', () => {
  assert.deepEqual(
    mergeFixes([fix(edit(0, 4, 6, '')), fix(edit(0, 2, 4, '')), fix(edit(0, 6, 6, '('))]),
    [edit(0, 2, 4, ''), edit(0, 4, 6, ''), edit(0, 6, 6, '(')],
  );
  // Two insertions at one spot clash; so does an insertion inside a deletion, and overlapping deletions.
  assert.deepEqual(mergeFixes([fix(edit(0, 3, 3, 'a')), fix(edit(1, 0, 0, 'b'), edit(0, 3, 3, 'c'))]), [edit(0, 3, 3, 'a')]);
  assert.deepEqual(mergeFixes([fix(edit(0, 2, 6, '')), fix(edit(0, 4, 4, 'x'))]), [edit(0, 2, 6, '')]);
  assert.deepEqual(mergeFixes([fix(edit(0, 2, 6, '')), fix(edit(0, 5, 8, ''))]), [edit(0, 2, 6, '')]);
  assert.deepEqual(mergeFixes([fix(edit(2, 0, 1, '')), fix(edit(0, 0, 9, ''), edit(3, 0, 0, '>'))]), [
    edit(0, 0, 9, ''),
    edit(2, 0, 1, ''),
    edit(3, 0, 0, '>'),
  ]);
});

test('fixesFor: a finding without a fix gets none; one without group titles only its own', () => {
  const findings = lint(parse(read('daily-papers-2023-12-04.md')));
  const vote = findings.find((f) => f.rule === 'missing-vote')!;
  assert.deepEqual(fixesFor(vote, findings), []);
  const link = findings.find((f) => f.rule === 'malformed-link')!;
  assert.deepEqual(fixesFor(link, findings).map((f) => f.title), ['Wrap the URL in parentheses']);
});
