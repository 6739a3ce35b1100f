import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { JsonFinding } from '../../server/src/cli/format';
import { fixture, FIXTURE_NAMES, requireBuiltCli, runCli, tempDir, write } from './helpers';


/** Name comparison as DIGEST_FORMAT.md states it, written out independently of the engine. */
const authorKey = (name: string) => name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * Checks that `fixed` is `orig` with some repeated names removed (each removed name equal to
 * one before it, the first occurrences kept in order); returns how many were removed, or
 * undefined when the line is not an Authors: line changed that way.
 */
function removedRepeats(orig: string, fixed: string): number | undefined {
  const prefix = 'Authors: ';
  if (!orig.startsWith(prefix) || !fixed.startsWith(prefix)) return undefined;
  const o = orig.slice(prefix.length).split(', ');
  const f = fixed.slice(prefix.length).split(', ');
  const seen = new Set<string>();
  let j = 0;
  let removed = 0;
  for (const name of o) {
    if (j < f.length && f[j] === name) {
      j++;
    } else if (seen.has(authorKey(name))) {
      removed++;
    } else {
      return undefined;
    }
    seen.add(authorKey(name));
  }
  if (j !== f.length) return undefined;
  assert.equal(new Set(f.map(authorKey)).size, f.length, `repeats left in: ${fixed}`);
  return removed;
}

/** `[Watch Video]URL` → `[Watch Video](URL)`, and nothing else on the line. */
function wrappedVideo(orig: string, fixed: string): boolean {
  const m = /^\[Watch Video\](https:\/\/\S+)$/.exec(orig);
  return m !== null && fixed === `[Watch Video](${m[1]})`;
}

/** One space inserted between a URL and the non-ASCII text glued to it. */
function spacedUrl(orig: string, fixed: string): boolean {
  if (fixed.length !== orig.length + 1) return false;
  let p = 0;
  while (orig[p] === fixed[p]) p++;
  return fixed[p] === ' ' && fixed.slice(0, p) + fixed.slice(p + 1) === orig && /[\w/.-]/.test(orig[p - 1]) && /[^\x00-\x7f]/.test(orig[p]);
}

function snapshot(file: string) {
  const st = statSync(file);
  return { bytes: readFileSync(file), mtimeMs: st.mtimeMs, ino: st.ino };
}

describe('digest-lint --fix on the fixtures', () => {
  const tmp = tempDir();
  const dir = tmp.dir;
  const originals = new Map<string, string>();
  // The one --fix run every test below looks at.
  let r: ReturnType<typeof runCli>;
  before(() => {
    requireBuiltCli();
    for (const name of FIXTURE_NAMES) {
      originals.set(name, fixture(name));
      write(dir, name, fixture(name));
    }
    r = runCli(['--fix', '.'], dir);
  });
  after(() => tmp.cleanup());

  test('fixes every finding fix-all fixes and reports what is left, glued URLs (a choice) among it', () => {
    assert.equal(r.status, 0, `only warnings are left: ${r.stdout}${r.stderr}`);
    const lines = r.stdout.trimEnd().split('\n');
    assert.deepEqual(lines.slice(-2), [
      'Fixed 57 problems in 3 of 3 files.',
      '✖ 21 problems (0 errors, 21 warnings, 0 information) in 3 of 3 files',
    ]);

    const left: JsonFinding[] = JSON.parse(runCli(['--format', 'json', '.'], dir).stdout);
    assert.deepEqual(left.filter((f) => f.fixable), []);
    assert.deepEqual([...new Set(left.map((f) => `${f.file} ${f.code}`))], [
      'daily-papers-2023-12-04.md missing-vote',
      'daily-papers-2023-12-29.md url-runs-into-text',
      'daily-papers-2024-01-11.md url-runs-into-text',
    ]);
    assert.equal(left.length, 21);
  });

  test('the diff only removes repeated authors and wraps 9 video URLs; glued URLs stay as written', () => {
    let videos = 0;
    let spaces = 0;
    let authors = 0;
    for (const name of FIXTURE_NAMES) {
      const before = originals.get(name)!.split('\n');
      const now = readFileSync(join(dir, name), 'utf8').split('\n');
      assert.equal(now.length, before.length, `${name}: no line added or removed`);
      for (let i = 0; i < before.length; i++) {
        if (before[i] === now[i]) continue;
        const where = `${name}:${i + 1}: '${before[i]}' → '${now[i]}'`;
        const removed = removedRepeats(before[i], now[i]);
        if (removed !== undefined && removed > 0) authors += removed;
        else if (wrappedVideo(before[i], now[i])) videos++;
        else if (spacedUrl(before[i], now[i])) spaces++;
        else assert.fail(`unexpected change at ${where}`);
      }
    }
    assert.deepEqual({ videos, spaces, authors }, { videos: 9, spaces: 0, authors: 48 });
  });

  test('a second --fix changes nothing: same bytes, same mtime, same inode', () => {
    const before = FIXTURE_NAMES.map((n) => snapshot(join(dir, n)));
    const again = runCli(['--fix', ...FIXTURE_NAMES], dir);
    assert.equal(again.status, 0);
    assert.match(again.stdout, /^Fixed 0 problems in 0 of 3 files\.$/m);
    assert.deepEqual(FIXTURE_NAMES.map((n) => snapshot(join(dir, n))), before);
  });
});

describe('digest-lint --fix keeps CRLF and the BOM', () => {
  const tmp = tempDir();
  const dir = tmp.dir;
  before(() => requireBuiltCli());
  after(() => tmp.cleanup());

  test('the CRLF + BOM copy is fixed exactly like the LF copy', () => {
    for (const name of FIXTURE_NAMES) {
      write(dir, `lf-${name}`, fixture(name));
      write(dir, `crlf-${name}`, '\uFEFF' + fixture(name).replace(/\n/g, '\r\n'));
    }
    const r = runCli(['--fix', '--format', 'json', '.'], dir);
    assert.equal(r.status, 0, r.stderr);
    const left: JsonFinding[] = JSON.parse(r.stdout);
    // Same findings left in both copies: 18 missing votes each in the 2023-12-04 pair, and the
    // 3 glued URLs (the writer's choice) of the other two fixtures.
    assert.equal(left.filter((f) => f.file === 'crlf-daily-papers-2023-12-04.md').length, 18);
    assert.equal(left.filter((f) => f.file === 'lf-daily-papers-2023-12-04.md').length, 18);
    const rest = (prefix: string) => left.filter((f) => f.file.startsWith(prefix) && !f.file.endsWith('12-04.md')).map((f) => `${f.file.slice(prefix.length)}:${f.line}:${f.column} ${f.code}`);
    assert.deepEqual(rest('crlf-'), rest('lf-'));
    assert.equal(rest('lf-').length, 3);
    assert.equal(left.length, 42);

    for (const name of FIXTURE_NAMES) {
      const lf = readFileSync(join(dir, `lf-${name}`), 'utf8');
      assert.notEqual(lf, fixture(name), `${name} was fixed`);
      const bytes = readFileSync(join(dir, `crlf-${name}`));
      assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], `${name}: BOM kept`);
      const text = bytes.toString('utf8');
      assert.doesNotMatch(text, /(?<!\r)\n/, `${name}: every line still ends in CRLF`);
      assert.equal(text, '\uFEFF' + lf.replace(/\n/g, '\r\n'));
    }
  });
});
