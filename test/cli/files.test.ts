import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { bytes, CLEAN, fixture, requireBuiltCli, runCli, tempDir, THREE_PROBLEMS, write } from './helpers';

interface JsonFinding {
  file: string;
  code: string;
}

const filesOf = (stdout: string) => [...new Set((JSON.parse(stdout) as JsonFinding[]).map((f) => f.file))];

/** The files a JSON run reports on; every digest in these tests has an error, so all show up. */
function listed(args: string[], cwd: string): string[] {
  const r = runCli(['--format', 'json', ...args], cwd);
  assert.equal(r.status, 1, r.stderr);
  return filesOf(r.stdout);
}

describe('digest-lint: folders and globs', () => {
  const tmp = tempDir();
  const dir = tmp.dir;
  before(() => {
    requireBuiltCli();
    // Every digest here has an error, so each one linted appears in the JSON output.
    for (const sub of ['a', 'a/b', 'c', 'late', 'a/node_modules/pkg', '.git', '.hidden']) mkdirSync(join(dir, sub), { recursive: true });
    write(dir, 'top.md', THREE_PROBLEMS);
    write(dir, 'a/one.md', THREE_PROBLEMS);
    write(dir, 'a/b/two.txt', THREE_PROBLEMS);
    write(dir, 'a/b/notes.md', '# Notes\n\n### [x]https://example.com\n');
    write(dir, 'c/three.markdown', THREE_PROBLEMS);
    write(dir, 'a/node_modules/pkg/dep.md', THREE_PROBLEMS);
    write(dir, '.git/COMMIT.md', THREE_PROBLEMS);
    write(dir, '.hidden/secret.md', THREE_PROBLEMS);
    write(dir, 'a/b/blob.bin', new Uint8Array([0, 1, 2, 3]));
    // Past the first piece read for content detection: 100 KB of blank lines, then the heading.
    write(dir, 'late/blank-first.md', ' \r\n'.repeat(35_000) + THREE_PROBLEMS);
    write(dir, 'late/notes.md', ' \n'.repeat(35_000) + '# Notes\n\n' + THREE_PROBLEMS);
    write(dir, 'late/blank.md', '\n'.repeat(70_000));
  });
  after(() => tmp.cleanup());

  test('a folder is searched recursively for digests by content, skipping node_modules and .git', () => {
    assert.deepEqual(listed(['.'], dir), ['.hidden/secret.md', 'a/b/two.txt', 'a/one.md', 'c/three.markdown', 'late/blank-first.md', 'top.md']);
    assert.deepEqual(listed(['a'], dir), ['a/b/two.txt', 'a/one.md']);
  });

  test('a *.digest.md file is a digest whatever it holds, as the editor opens it (in any case)', () => {
    write(dir, 'late/plain.digest.md', '# Not a day heading first\n\n### [x]https://example.com\n');
    write(dir, 'late/UPPER.DIGEST.MD', 'intro\n\n## Daily Papers (2024-02-30)\n');
    try {
      assert.deepEqual(listed(['late'], dir), ['late/UPPER.DIGEST.MD', 'late/blank-first.md', 'late/plain.digest.md']);
      assert.deepEqual(listed(['late/*.md'], dir), ['late/blank-first.md', 'late/plain.digest.md']);
    } finally {
      rmSync(join(dir, 'late/plain.digest.md'));
      rmSync(join(dir, 'late/UPPER.DIGEST.MD'));
    }
  });

  test('the first non-blank line decides, however many blank lines come first', () => {
    assert.deepEqual(listed(['late'], dir), ['late/blank-first.md']);
  });

  test('a file reached twice is linted once', () => {
    assert.deepEqual(listed(['a/one.md', 'a', './a/one.md'], dir), ['a/one.md', 'a/b/two.txt']);
  });

  test('* and ? stay within one folder', () => {
    assert.deepEqual(listed(['*.md'], dir), ['top.md']);
    assert.deepEqual(listed(['a/o?e.md'], dir), ['a/one.md']);
  });

  test('** crosses folders but not hidden ones, node_modules or .git', () => {
    assert.deepEqual(listed(['**/*.md'], dir), ['a/one.md', 'late/blank-first.md', 'top.md']);
    assert.deepEqual(listed(['a/**'], dir), ['a/b/two.txt', 'a/one.md']);
  });

  test('{a,b} alternatives', () => {
    assert.deepEqual(listed(['**/*.{txt,markdown}'], dir), ['a/b/two.txt', 'c/three.markdown']);
    assert.deepEqual(listed(['{a,c}/*'], dir), ['a/one.md', 'c/three.markdown']);
  });

  test('a glob selects digests only, like a folder', () => {
    assert.deepEqual(listed(['a/b/*'], dir), ['a/b/two.txt']);
  });

  test('--fix writes only the files it lints', () => {
    const untouched = ['a/node_modules/pkg/dep.md', '.git/COMMIT.md', 'a/b/notes.md'].map((p) => join(dir, p));
    const before = untouched.map((p) => [readFileSync(p), statSync(p).mtimeMs]);
    const r = runCli(['--fix', 'a'], dir);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /^Fixed 4 problems in 2 of 2 files\.$/m);
    assert.deepEqual(untouched.map((p) => [readFileSync(p), statSync(p).mtimeMs]), before);
    assert.equal(readFileSync(join(dir, 'top.md'), 'utf8'), THREE_PROBLEMS);
  });
});

describe('digest-lint: symlinks', () => {
  const tmp = tempDir();
  const root = join(tmp.dir, 'root');
  const outside = join(tmp.dir, 'outside');
  before(() => {
    requireBuiltCli();
    mkdirSync(root);
    mkdirSync(outside);
    write(root, 'own.md', CLEAN);
    write(outside, 'elsewhere.md', fixture('daily-papers-2023-12-29.md'));
    // If the outside folder were read, this file would stop the run with exit 2.
    write(outside, 'latin1.md', bytes('## Daily Papers (2024-01-11)\n', [0xe9]));
    symlinkSync(join(outside, 'elsewhere.md'), join(root, 'link-to-file.md'));
    symlinkSync(join(outside, 'latin1.md'), join(root, 'link-to-latin1.md'));
    symlinkSync(outside, join(root, 'link-to-folder'));
    symlinkSync(join(root, 'own.md'), join(root, 'alias.md'));
  });
  after(() => tmp.cleanup());

  test('links out of the given folder are not followed, not read and not written', () => {
    const target = join(outside, 'elsewhere.md');
    const before = [readFileSync(target), statSync(target).mtimeMs];
    const r = runCli(['--fix', '--format', 'json', 'root'], tmp.dir);
    assert.equal(r.stderr, '');
    assert.equal(r.status, 0);
    assert.deepEqual(JSON.parse(r.stdout), []);
    assert.deepEqual([readFileSync(target), statSync(target).mtimeMs], before);

    const text = runCli(['root'], tmp.dir);
    assert.equal(text.stdout, '✔ no problems in 1 file\n', 'own.md once: alias.md is the same file');
  });

  test('a symlink named explicitly is followed (it was asked for)', () => {
    const r = runCli(['--format', 'json', 'root/link-to-file.md'], tmp.dir);
    assert.deepEqual(filesOf(r.stdout), ['root/link-to-file.md']);
  });
});
