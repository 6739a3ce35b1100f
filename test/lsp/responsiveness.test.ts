/**
 * A slow workspace index never delays the open document: with 1,300 daily digests on disk (about
 * 35 MB, bench/corpus.ts), a document opened right after `initialized` gets its diagnostics while
 * the index is still being built. (Cancellation of workspace/symbol and digest/tree is covered in
 * workspace.test.ts.)
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { dailyFiles } from '../../bench/corpus';
import type { TreeResult } from '../../server/src/protocol';
import { LspClient } from './harness';

const COUNT = 1_300;
/** The whole index must still finish: generous for a 2-core machine. */
const INDEX_MS = 30_000;

describe(`a workspace of ${COUNT} digests`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'digest-many-'));
  const files = dailyFiles(1, COUNT);
  // Opened, and edited unsaved: its text differs from the disk (the open version wins).
  const open = files[COUNT - 1];
  const uri = pathToFileURL(join(dir, open.name)).href;
  const text = open.text.replace('Vote: ', 'Vote: x');
  const clients: LspClient[] = [];

  before(() => {
    for (const f of files) writeFileSync(join(dir, f.name), f.text);
  });
  after(async () => {
    for (const c of clients) assert.equal(await c.stop(), 0);
    rmSync(dir, { recursive: true, force: true });
  });

  it('pull (VS Code-like): diagnostics answer, and the tree says indexing, before the index progress ends', async (t) => {
    const started = performance.now();
    const client = await LspClient.start({ vscodeLike: true, folders: [dir], settings: { validation: { debounceMs: 0 } } });
    clients.push(client);
    await client.open(uri, text);
    const early: Diagnostic[] = await client.diagnostics(uri);
    const diagnosticsAt = performance.now() - started;
    const progressEnded = () => client.messages.some((m) => m.method === '$/progress' && m.params.value.kind === 'end');
    assert.equal(progressEnded(), false, 'the index progress had not ended when the diagnostics came');
    const during: TreeResult = await client.request('digest/tree', {});
    assert.equal(during.indexing, true, 'the tree answers while indexing, and says so');
    assert.ok(early.some((d) => d.code === 'invalid-vote'), 'the unsaved edit is what was checked');

    await client.waitFor('$/progress', (p) => p.value.kind === 'end', 0, INDEX_MS);
    const indexedAt = performance.now() - started;
    t.diagnostic(`diagnostics after ${Math.round(diagnosticsAt)} ms, index done after ${Math.round(indexedAt)} ms`);
    await client.indexed();
    const done: TreeResult = await client.request('digest/tree', {});
    assert.equal(done.indexing, false);
    assert.equal(done.days.length, COUNT, 'every file indexed');
    assert.deepEqual(await client.diagnostics(uri), early, 'the same diagnostics with the index complete');
  });

  it('push (minimal client): the publish comes before the index-complete notification', async (t) => {
    const started = performance.now();
    const client = await LspClient.start({ vscodeLike: false, folders: [dir] });
    clients.push(client);
    await client.open(uri, text);
    const ds = await client.diagnostics(uri);
    const diagnosticsAt = performance.now() - started;
    await client.waitFor('digest/indexChanged', (p) => p.indexing === false, 0, INDEX_MS);
    t.diagnostic(`diagnostics after ${Math.round(diagnosticsAt)} ms, index done after ${Math.round(performance.now() - started)} ms`);
    // The message log is in arrival order: compare positions, not clocks.
    const at = (test: (m: { method: string; params: any }) => boolean) => client.messages.findIndex(test);
    const published = at((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri);
    const indexed = at((m) => m.method === 'digest/indexChanged' && m.params.indexing === false);
    assert.ok(published >= 0 && published < indexed, `publish at ${published}, index complete at ${indexed}`);
    assert.ok(ds.some((d) => d.code === 'invalid-vote'));
  });
});
