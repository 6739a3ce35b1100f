import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { bytes, CLEAN, requireBuiltCli, runCli, tempDir, THREE_PROBLEMS, WARNING_ONLY, write } from './helpers';

describe('digest-lint exit codes', () => {
  const tmp = tempDir();
  const dir = tmp.dir;
  before(() => {
    requireBuiltCli();
    write(dir, 'clean.md', CLEAN);
    write(dir, 'warn.md', WARNING_ONLY);
    write(dir, 'three.md', THREE_PROBLEMS);
  });
  after(() => tmp.cleanup());

  test('0 for a clean digest', () => {
    const r = runCli(['clean.md'], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, '✔ no problems in 1 file\n');
    assert.equal(r.stderr, '');
  });

  test('0 for warnings only, and while they stay within --max-warnings', () => {
    assert.equal(runCli(['warn.md'], dir).status, 0);
    assert.equal(runCli(['--max-warnings', '1', 'warn.md'], dir).status, 0);
  });

  test('1 when warnings exceed --max-warnings', () => {
    assert.equal(runCli(['--max-warnings', '0', 'warn.md'], dir).status, 1);
    assert.equal(runCli(['--max-warnings=0', 'warn.md', 'clean.md'], dir).status, 1);
  });

  test('1 for errors', () => {
    assert.equal(runCli(['three.md'], dir).status, 1);
    assert.equal(runCli(['clean.md', 'three.md'], dir).status, 1);
  });

  test('--help and --version exit 0', () => {
    const help = runCli(['--help'], dir);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: digest-lint /);
    const version = runCli(['--version'], dir);
    assert.equal(version.status, 0);
    assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/);
  });

  const usage: [string, string[], RegExp][] = [
    ['no paths', [], /no files, folders or globs given/],
    ['an unknown option', ['--frobnicate', 'clean.md'], /unknown option '--frobnicate'/],
    ['an unknown format', ['--format', 'xml', 'clean.md'], /unknown format 'xml'/],
    ['--format without value', ['clean.md', '--format'], /--format needs a value/],
    ['an unknown rule id', ['--rule', 'no-such-rule=off', 'clean.md'], /unknown rule 'no-such-rule'/],
    ['an unknown level', ['--rule', 'missing-vote=loud', 'clean.md'], /unknown level 'loud'/],
    ['--rule without =', ['--rule', 'missing-vote', 'clean.md'], /--rule expects <id>=<level>/],
    ['a negative --max-warnings', ['--max-warnings', '-1', 'clean.md'], /--max-warnings expects a non-negative integer/],
  ];
  for (const [what, args, message] of usage) {
    test(`2 for a usage error: ${what}`, () => {
      const r = runCli(args, dir);
      assert.equal(r.status, 2);
      assert.match(r.stderr, message);
      assert.match(r.stderr, /^digest-lint: /);
      assert.equal(r.stdout, '');
    });
  }

  test('2 for a missing path, naming it', () => {
    const r = runCli(['clean.md', 'nope.md'], dir);
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'digest-lint: nope.md: no such file or directory\n');
    assert.equal(r.stdout, '', 'nothing is linted when an input is bad');
  });

  test('2 for a binary file (NUL bytes)', () => {
    write(dir, 'image.md', new Uint8Array([0x23, 0x23, 0x20, 0x00, 0x01, 0x0a]));
    const r = runCli(['image.md'], dir);
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'digest-lint: image.md: binary file (contains NUL bytes)\n');
  });

  test('2 for a file that is not UTF-8', () => {
    // A digest saved as Latin-1: "é" is the lone byte 0xE9.
    const latin1 = bytes('## Daily Papers (2024-01-11)\n\n- caf', [0xe9, 0x0a]);
    write(dir, 'latin1.md', latin1);
    const r = runCli(['latin1.md'], dir);
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'digest-lint: latin1.md: not valid UTF-8\n');
  });

  test('2 for a folder without digests', () => {
    const empty = join(dir, 'notes');
    mkdirSync(empty);
    write(empty, 'todo.md', '# Todo\n\n- read papers\n');
    const r = runCli(['notes'], dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^digest-lint: notes: no digests in this folder/);
  });

  test('2 for a glob that matches no digest', () => {
    const r = runCli(['nothing/**/*.md'], dir);
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'digest-lint: nothing/**/*.md: no digests match this pattern\n');
  });

  test('a named file that is not a digest is linted anyway', () => {
    write(dir, 'plain.md', 'hello\n');
    const r = runCli(['plain.md'], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^plain\.md:1:1  information  unexpected-line  /);
  });
});
