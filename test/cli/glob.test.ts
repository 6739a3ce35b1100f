import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { compile, expandBraces, splitBase } from '../../server/src/cli/glob';

const matches = (pattern: string, path: string) => compile(pattern)(path.split('/'));

describe('glob matcher', () => {
  test('braces expand, nested and in sequence; unbalanced or single braces stay literal', () => {
    assert.deepEqual(expandBraces('a/{b,c}/*.{md,txt}'), ['a/b/*.md', 'a/b/*.txt', 'a/c/*.md', 'a/c/*.txt']);
    assert.deepEqual(expandBraces('{a,{b,c}d}'), ['a', 'bd', 'cd']);
    assert.deepEqual(expandBraces('x{y'), ['x{y']);
    assert.deepEqual(expandBraces('{x}.md'), ['{x}.md']);
  });

  test('* and ? stay inside one segment; ** spans any number, including none', () => {
    assert.ok(matches('*.md', 'a.md'));
    assert.ok(!matches('*.md', 'd/a.md'));
    assert.ok(matches('?.md', 'a.md'));
    assert.ok(!matches('?.md', 'ab.md'));
    assert.ok(matches('**/*.md', 'a.md'));
    assert.ok(matches('**/*.md', 'x/y/a.md'));
    assert.ok(matches('x/**/a.md', 'x/a.md'));
    assert.ok(!matches('*.md', 'a.mdx'));
  });

  test('wildcards skip dot-files unless the pattern names the dot', () => {
    assert.ok(!matches('*.md', '.a.md'));
    assert.ok(!matches('**/*.md', '.hidden/a.md'));
    assert.ok(matches('.hidden/*.md', '.hidden/a.md'));
  });

  test('regex characters in names are literal', () => {
    assert.ok(matches('a+(b).md', 'a+(b).md'));
    assert.ok(!matches('a.md', 'abmd'));
  });

  test('the literal folder in front of the first wildcard is where the walk starts', () => {
    assert.deepEqual(splitBase('notes/2024/**/*.md'), { base: 'notes/2024', rest: '**/*.md' });
    assert.deepEqual(splitBase('*.md'), { base: '.', rest: '*.md' });
    assert.deepEqual(splitBase('/srv/d/*.md'), { base: '/srv/d', rest: '*.md' });
  });
});
