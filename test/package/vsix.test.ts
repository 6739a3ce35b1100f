import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

test('the .vsix holds only the bundles, grammar, icons, language configuration, package.json, README, CHANGELOG and LICENSE', () => {
  const vsce = join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
  const r = spawnSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const files = r.stdout.split(/\r?\n/).filter(Boolean).sort();
  assert.deepEqual(files, [
    'CHANGELOG.md',
    'LICENSE',
    'README.md',
    'dist/extension.js',
    'dist/languageClient.js',
    'dist/readWorker.js',
    'dist/server.js',
    'language-configuration.json',
    'media/papers.svg',
    'package.json',
    'syntaxes/digest-markdown.tmLanguage.json',
  ]);
});

test('package.json admits VS Code 1.100 and points at files that exist in the package', () => {
  assert.equal(pkg.engines.vscode, '^1.100.0');
  assert.equal(pkg.main, './dist/extension.js');
  for (const g of pkg.contributes.grammars) readFileSync(join(root, g.path));
  for (const l of pkg.contributes.languages) if (l.configuration) readFileSync(join(root, l.configuration));
  for (const c of pkg.contributes.viewsContainers.activitybar) readFileSync(join(root, c.icon));
});

test('every contributed command has the Digest category and a handler id of the form <view>.<verb> or digest.<verb>', () => {
  for (const c of pkg.contributes.commands) {
    assert.equal(c.category, 'Digest', c.command);
    assert.match(c.command, /^(dailyPapers|digest)\.[a-z][A-Za-z]+$/);
  }
});

test('every setting is prefixed, resource- or window-scoped and described in Markdown', () => {
  for (const [key, value] of Object.entries<Record<string, unknown>>(pkg.contributes.configuration.properties)) {
    assert.match(key, /^digest\./);
    assert.ok(value.scope === 'resource' || value.scope === 'window', key);
    assert.equal(typeof value.markdownDescription, 'string', key);
  }
});
