import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LintWorkspaceResult } from '../../server/src/protocol';
import { parse } from '../../server/src/model/parse';
import { lint } from '../../server/src/lint';
import { FIXTURES, indexedWorkspace, tempWorkspace, type LspClient } from './harness';

const text = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

describe('digest/lintWorkspace', () => {
  const ws = tempWorkspace();
  writeFileSync(join(ws.dir, 'notes.md'), '# Not a digest\n');
  const { client: started } = indexedWorkspace(ws);
  let client: LspClient;
  before(() => {
    client = started();
  });

  it('lints every closed digest from disk, exactly as the engine does, without fix data', async () => {
    const result: LintWorkspaceResult = await client.request('digest/lintWorkspace', {});
    const names = result.files.map((f) => f.uri.split('/').pop());
    assert.deepEqual(names, ['daily-papers-2023-12-04.md', 'daily-papers-2023-12-29.md', 'daily-papers-2024-01-11.md']);
    for (const file of result.files) {
      const expected = lint(parse(text(file.uri.split('/').pop()!)));
      assert.deepEqual(
        file.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.character, d.message]),
        expected.map((f) => [f.rule, f.range.start.line, f.range.start.character, f.range.end.character, f.message]),
      );
      assert.ok(file.diagnostics.every((d) => d.source === 'digest' && d.data === undefined));
    }
  });

  it('leaves open documents to their live diagnostics and applies the settings', async () => {
    const uri = ws.uri('daily-papers-2023-12-04.md');
    await client.open(uri, text('daily-papers-2023-12-04.md'));
    const result: LintWorkspaceResult = await client.request('digest/lintWorkspace', {});
    assert.deepEqual(result.files.map((f) => f.uri.split('/').pop()), ['daily-papers-2023-12-29.md', 'daily-papers-2024-01-11.md']);
    await client.close(uri);
    client.settings = { rules: { 'duplicate-author': 'off' } };
    const since = client.mark();
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    await client.waitFor('request:workspace/diagnostic/refresh', () => true, since);
    const quiet: LintWorkspaceResult = await client.request('digest/lintWorkspace', {});
    assert.ok(quiet.files.every((f) => f.diagnostics.every((d) => d.code !== 'duplicate-author')));
    assert.equal(quiet.files.find((f) => f.uri.endsWith('2023-12-29.md'))!.diagnostics.length, 2, 'the two url-runs-into-text remain');
  });
});
