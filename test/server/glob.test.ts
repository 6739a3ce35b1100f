import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { compileGlob, globToRegExp, matchesFiles } from '../../server/src/workspace/glob';

const matches = (glob: string, path: string) => matchesFiles(globToRegExp(glob), path);

describe('digest.files globs', () => {
  it('matches names at any depth when the glob has no slash, and skips dependencies', () => {
    assert.ok(matches('*.md', 'a.md'));
    assert.ok(matches('*.md', 'x/y/a.md'));
    assert.ok(!matches('*.md', 'node_modules/p/a.md'));
    assert.ok(matches('**/*.{md,txt}', 'days/2024/a.txt'));
    assert.ok(!matches('**/*.{md,txt}', 'days/a.json'));
    assert.ok(matches('./days/*.md', 'days/a.md'));
    assert.ok(!matches('days/*.md', 'days/x/a.md'), '* stays within one name');
  });

  it('reads character classes, negated with ! or ^, never across a folder', () => {
    assert.ok(matches('daily-[0-9]*.md', 'daily-2024.md'));
    assert.ok(!matches('daily-[0-9]*.md', 'daily-x.md'));
    assert.ok(matches('daily-[!x]*.md', 'daily-y.md'));
    assert.ok(!matches('daily-[^y]*.md', 'daily-y.md'));
    assert.ok(!matches('a[!x]b.md', 'a/b.md'));
    assert.ok(!matches('a[/]b.md', 'a/b.md'));
    assert.ok(matches('[\\]*.md', '\\.md'), 'a backslash in a class is a backslash');
    assert.deepEqual(compileGlob('daily-[0-9]*.md').problems, []);
  });

  it('takes what is not a class as written, with a problem to report, and never throws', () => {
    for (const glob of ['daily-[0-9a-Z]*.md', '[z-a].md', '[].md', '[!].md', 'a[b.md', '{a,[}.md', '[[:alpha:]].md', '(.md', '\\', '**/***']) {
      assert.doesNotThrow(() => compileGlob(glob), glob);
    }
    const { matcher, problems } = compileGlob('daily-[0-9a-Z]*.md');
    assert.deepEqual(problems, ["'[0-9a-Z]' is not a character class; it is matched as written"]);
    assert.ok(matcher.test('daily-[0-9a-Z]x.md'));
    assert.ok(!matcher.test('daily-5.md'));
    assert.ok(globToRegExp('[].md').test('[].md'));
    assert.ok(globToRegExp('a[b.md').test('a[b.md'));
    assert.deepEqual(compileGlob('a[b.md').problems, [], 'an unclosed [ is plainly a character');
  });
});
