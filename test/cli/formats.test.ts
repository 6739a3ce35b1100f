import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { JsonFinding } from '../../server/src/cli/format';
import { ruleDocUrl } from '../../server/src/rules/docs';
import { rules } from '../../server/src/rules/index';
import { CLEAN, requireBuiltCli, runCli, tempDir, THREE_PROBLEMS, write } from './helpers';

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }[];
  relatedLocations?: unknown[];
}

describe('digest-lint output formats', () => {
  const tmp = tempDir();
  const dir = tmp.dir;
  before(() => {
    requireBuiltCli();
    mkdirSync(join(dir, 'sub dir'));
    write(join(dir, 'sub dir'), 'three.md', THREE_PROBLEMS);
    write(dir, 'clean.md', CLEAN);
  });
  after(() => tmp.cleanup());

  test('text: one line per finding with 1-based UTF-16 columns, then the summary', () => {
    const r = runCli(['.'], dir);
    assert.equal(r.status, 1);
    assert.equal(
      r.stdout,
      [
        "sub dir/three.md:5:1  error  malformed-link  Malformed link '[Watch Video]https://cdn-uploads.huggingface.co/productio...': the URL is not in parentheses: expected [text](URL).",
        "sub dir/three.md:10:32  warning  duplicate-author  Author 'Junsong Chen' is already listed on this line: expected each author once.",
        "sub dir/three.md:12:10  warning  url-runs-into-text  URL 'https://github.com/PixArt-alpha/PixArt-alpha' runs into '에서': auto-linking would swallow the text; expected a space or <…> after the URL.",
        '✖ 3 problems (1 error, 2 warnings, 0 information) in 1 of 2 files; 2 fixable with --fix',
        '',
      ].join('\n'),
    );
  });

  test('json: every field, 1-based with exclusive end column', () => {
    const r = runCli(['--format', 'json', 'sub dir/three.md', 'clean.md'], dir);
    assert.equal(r.status, 1);
    const out = JSON.parse(r.stdout);
    assert.equal(out.length, 3);
    assert.deepEqual(out[1], {
      file: 'sub dir/three.md',
      line: 10,
      column: 32,
      endLine: 10,
      endColumn: 44,
      severity: 'warning',
      code: 'duplicate-author',
      message: "Author 'Junsong Chen' is already listed on this line: expected each author once.",
      fixable: true,
    });
    assert.deepEqual(
      out.map((f: { code: string; severity: string; line: number; column: number; endColumn: number }) => [f.code, f.severity, f.line, f.column, f.endColumn]),
      [
        ['malformed-link', 'error', 5, 1, 95],
        ['duplicate-author', 'warning', 10, 32, 44],
        // The emoji before the URL is two UTF-16 code units: column 10, not 9.
        ['url-runs-into-text', 'warning', 12, 10, 56],
      ],
    );
  });

  test('json: an empty array for a clean file', () => {
    const r = runCli(['--format=json', 'clean.md'], dir);
    assert.equal(r.status, 0);
    assert.deepEqual(JSON.parse(r.stdout), []);
  });

  test('sarif: 2.1.0 in the shape GitHub code scanning reads', () => {
    const r = runCli(['--format', 'sarif', '.'], dir);
    assert.equal(r.status, 1);
    const log = JSON.parse(r.stdout);
    assert.equal(log.version, '2.1.0');
    assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
    assert.equal(log.runs.length, 1);
    const run = log.runs[0];
    assert.equal(run.columnKind, 'utf16CodeUnits');
    const driver = run.tool.driver;
    assert.equal(driver.name, 'digest-lint');
    assert.match(driver.informationUri, /^https:\/\//);
    assert.match(driver.version, /^\d+\.\d+\.\d+$/);
    assert.deepEqual(
      driver.rules.map((d: { id: string }) => d.id),
      rules.map((x) => x.id),
    );
    const levels = { error: 'error', warning: 'warning', information: 'note' } as const;
    for (const [i, rule] of rules.entries()) {
      assert.deepEqual(
        { id: driver.rules[i].id, text: driver.rules[i].shortDescription.text, helpUri: driver.rules[i].helpUri, level: driver.rules[i].defaultConfiguration.level },
        { id: rule.id, text: rule.description, helpUri: ruleDocUrl(rule.id), level: levels[rule.severity] },
      );
    }
    const results: SarifResult[] = run.results;
    assert.deepEqual(
      results.map((x) => [x.ruleId, x.level, driver.rules[x.ruleIndex].id]),
      [
        ['malformed-link', 'error', 'malformed-link'],
        ['duplicate-author', 'warning', 'duplicate-author'],
        ['url-runs-into-text', 'warning', 'url-runs-into-text'],
      ],
    );
    const loc = results[2].locations[0].physicalLocation;
    // Relative to cwd, forward slashes, percent-encoded as a URI reference.
    assert.equal(loc.artifactLocation.uri, 'sub%20dir/three.md');
    assert.deepEqual(loc.region, { startLine: 12, startColumn: 10, endLine: 12, endColumn: 56 });
    assert.match(results[1].message.text, /Junsong Chen/);
    assert.equal(results[1].relatedLocations?.length, 1);
  });

  test('sarif: information findings are notes', () => {
    write(dir, 'plain.md', 'hello\n');
    const log = JSON.parse(runCli(['--format', 'sarif', 'plain.md'], dir).stdout);
    assert.deepEqual(log.runs[0].results.map((x: SarifResult) => [x.ruleId, x.level]), [['unexpected-line', 'note']]);
  });

  test('--rule turns a rule off, and changes a severity (and the exit code with it)', () => {
    const off = JSON.parse(runCli(['--format', 'json', '--rule', 'duplicate-author=off', 'sub dir/three.md'], dir).stdout);
    assert.deepEqual(off.map((f: { code: string }) => f.code), ['malformed-link', 'url-runs-into-text']);

    const demoted = runCli(['--format', 'json', '--rule', 'malformed-link=warning', '--rule=url-runs-into-text=information', 'sub dir/three.md'], dir);
    assert.equal(demoted.status, 0, 'no error is left');
    assert.deepEqual(
      JSON.parse(demoted.stdout).map((f: { code: string; severity: string }) => [f.code, f.severity]),
      [
        ['malformed-link', 'warning'],
        ['duplicate-author', 'warning'],
        ['url-runs-into-text', 'information'],
      ],
    );

    const promoted = runCli(['--rule', 'duplicate-author=error', '--rule', 'malformed-link=off', 'sub dir/three.md'], dir);
    assert.equal(promoted.status, 1);
    assert.match(promoted.stdout, /^sub dir\/three\.md:10:32  error  duplicate-author  /m);
    assert.match(promoted.stdout, /✖ 2 problems \(1 error, 1 warning, 0 information\)/);
  });

  test('a rule turned off is not fixed by --fix either', () => {
    const copy = write(dir, 'copy.md', THREE_PROBLEMS);
    const r = runCli(['--fix', '--rule', 'duplicate-author=off', '--format', 'json', 'copy.md'], dir);
    assert.equal(r.status, 0);
    // Left: the glued URL, which --fix never picks a fix for.
    assert.deepEqual(JSON.parse(r.stdout).map((f: JsonFinding) => `${f.code} ${f.fixable}`), ['url-runs-into-text false']);
    const fixed = readFileSync(copy, 'utf8');
    assert.match(fixed, /Authors: Junsong Chen, Yue Wu, Junsong Chen, \+/);
    assert.match(fixed, /\[Watch Video\]\(https:/);
  });
});
