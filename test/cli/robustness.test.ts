// The command line on hostile or unusual ground: closed pipes, a BOM, read-only and hard-linked
// files, long names, unreadable files in folders, control characters, a long first line.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, linkSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CLEAN, CLI, requireBuiltCli, runCli, tempDir, write, type Run } from './helpers';

const REPEAT = CLEAN.replace('Authors: Junsong Chen, Yue Wu, +', 'Authors: Junsong Chen, Yue Wu, Junsong Chen, +');

/** Runs the CLI as an unprivileged user (root reads and writes past permissions). */
function runAsNobody(args: readonly string[], cwd: string): Run {
  const root = process.getuid?.() === 0;
  const [cmd, pre] = root ? ['setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath]] : [process.execPath, []];
  const r = spawnSync(cmd, [...pre, CLI, ...args], { cwd, encoding: 'utf8' });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('digest-lint on unusual ground', () => {
  const tmp = tempDir();
  const dir = tmp.dir;
  before(() => {
    requireBuiltCli();
    chmodSync(dir, 0o777);
  });
  after(() => tmp.cleanup());

  test('a reader that closes the pipe early ends the run quietly, --help included', () => {
    for (const args of [['--help'], [join(__dirname, '..', 'fixtures')]]) {
      // `| true`: the reader exits at once; the CLI must not print a stack trace.
      const r = spawnSync('bash', ['-c', `"${process.execPath}" "${CLI}" ${args.map((a) => `"${a}"`).join(' ')} | true; echo "status \${PIPESTATUS[0]}"`], { encoding: 'utf8' });
      assert.equal(r.stderr, '', `stderr: ${r.stderr}`);
      assert.match(r.stdout, /^status [01]\n$/);
    }
    const full = spawnSync('bash', ['-c', `"${process.execPath}" "${CLI}" --help > /dev/full`], { encoding: 'utf8' });
    assert.equal(full.status, 2);
    assert.equal(full.stderr, 'digest-lint: cannot write the report: ENOSPC\n');
  });

  test('a BOM does not move line 1: columns as in the editor, and --fix writes the BOM back', () => {
    write(dir, 'bom.md', '\ufeff## Daily Papers (2024-02-30)\n');
    write(dir, 'nobom.md', '## Daily Papers (2024-02-30)\n');
    const col = (name: string) => runCli(['--format', 'json', name], dir).stdout;
    assert.deepEqual(JSON.parse(col('bom.md')).map((f: { column: number }) => f.column), [18]);
    assert.equal(col('bom.md').replace('bom.md', 'nobom.md').replace(/"file":"[^"]*"/, ''), col('nobom.md').replace(/"file":"[^"]*"/, ''));
    const fixme = write(dir, 'bom-fix.md', '\ufeff' + REPEAT);
    assert.equal(runCli(['--fix', 'bom-fix.md'], dir).status, 0);
    assert.equal(readFileSync(fixme, 'utf8'), '\ufeff' + CLEAN);
  });

  test('--fix refuses a read-only file and leaves it as it was', () => {
    const ro = write(dir, 'readonly.md', REPEAT);
    chmodSync(ro, 0o444);
    const r = runCli(['--fix', 'readonly.md'], dir);
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'digest-lint: readonly.md: cannot write: the file is read-only\n');
    assert.equal(readFileSync(ro, 'utf8'), REPEAT);
    // A file of someone else's, writable only by them: refused for lack of permission.
    const theirs = write(dir, 'theirs.md', REPEAT);
    chmodSync(theirs, 0o644);
    if (process.getuid?.() === 0) chownSync(theirs, 0, 0);
    const n = runAsNobody(['--fix', 'theirs.md'], dir);
    assert.equal(n.status, 2, n.stdout + n.stderr);
    assert.equal(n.stderr, 'digest-lint: theirs.md: cannot write: permission denied\n');
    assert.equal(readFileSync(theirs, 'utf8'), REPEAT);
  });

  test('--fix keeps hard links together and handles a name near the length limit', () => {
    mkdirSync(join(dir, 'links'));
    const a = write(dir, 'links/a.md', REPEAT);
    linkSync(a, join(dir, 'links/b.md'));
    assert.equal(runCli(['--fix', 'links/a.md'], dir).status, 0);
    assert.equal(readFileSync(join(dir, 'links/b.md'), 'utf8'), CLEAN, 'the other name sees the fix');
    assert.equal(statSync(a).nlink, 2);
    const long = `${'a'.repeat(248)}.md`;
    write(dir, long, REPEAT);
    const r = runCli(['--fix', long], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(readFileSync(join(dir, long), 'utf8'), CLEAN);
  });

  test('a file or folder that cannot be read inside a folder is named, with status 2 (it may hold a digest)', () => {
    mkdirSync(join(dir, 'perm'));
    mkdirSync(join(dir, 'perm/locked'));
    write(dir, 'perm/ok.md', CLEAN);
    const u = write(dir, 'perm/u.md', CLEAN);
    chmodSync(join(dir, 'perm'), 0o755);
    chmodSync(join(dir, 'perm/ok.md'), 0o644);
    chmodSync(u, 0o000);
    chmodSync(join(dir, 'perm/locked'), 0o000);
    const r = runAsNobody(['perm'], dir);
    assert.equal(r.status, 2, r.stdout);
    assert.equal(r.stderr, 'digest-lint: perm/locked: permission denied\ndigest-lint: perm/u.md: permission denied\n');
  });

  test('a tab or four spaces before the heading at a 64 KiB boundary still make code, not a digest', () => {
    mkdirSync(join(dir, 'sniff'));
    write(dir, 'sniff/tab.md', '\n'.repeat(65535) + '\t## Daily Papers (2024-01-11)\n');
    write(dir, 'sniff/spaces.md', '\n'.repeat(65534) + '    ## Daily Papers (2024-01-11)\n');
    write(dir, 'sniff/three.md', '\n'.repeat(65534) + '   ' + CLEAN);
    const r = runCli(['--format', 'json', 'sniff'], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), [], 'only three.md is a digest, and it is clean');
    const listed = runCli(['sniff'], dir).stdout;
    assert.match(listed, /no problems in 1 file$/m);
  });

  test('control characters from a file reach the terminal as visible escapes', () => {
    write(dir, 'esc.md', '## Daily Papers (2024-01-11)\n\nhello \u001b]0;PWNED\u0007 \u001b[2J x\n');
    const r = runCli(['esc.md'], dir);
    assert.doesNotMatch(r.stdout, /[\u0000-\u0008\u000b-\u001f\u007f]/);
    assert.match(r.stdout, /hello \\u001b\]0;PWNED\\u0007 \\u001b\[2J x/);
  });

  test('a path that says folder but is a file, and a pattern under a file, get plain answers', () => {
    write(dir, 'small.md', CLEAN);
    const slash = runCli(['small.md/'], dir);
    assert.equal(slash.status, 2);
    assert.equal(slash.stderr, 'digest-lint: small.md/: not a directory\n');
    const glob = runCli(['small.md/*.md'], dir);
    assert.equal(glob.status, 2);
    assert.equal(glob.stderr, 'digest-lint: small.md/*.md: no digests match this pattern\n');
  });
});
