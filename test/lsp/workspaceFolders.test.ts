import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TreeResult } from '../../server/src/protocol';
import { indexedWorkspace, type LspClient } from './harness';

const DIGEST = '## Daily Papers (2024-03-05)\n\n### [Second Folder](https://arxiv.org/abs/2403.00005)\n\n![](https://cdn-uploads.huggingface.co/z.png)\n\nVote: 2\n\nAuthors: Ada Lovelace\n\n- b\n';

describe('workspace folders added and removed while running', () => {
  const second = mkdtempSync(join(tmpdir(), 'digest-second-'));
  writeFileSync(join(second, 'other.md'), DIGEST);
  const folder = { uri: pathToFileURL(second).href, name: 'second' };
  const { client: started } = indexedWorkspace();
  let client: LspClient;
  const dates = async () => ((await client.request('digest/tree', {})) as TreeResult).days.map((d) => d.date);
  before(() => {
    client = started();
  });
  after(() => rmSync(second, { recursive: true, force: true }));

  it('indexes a folder when it is added and forgets it when it is removed', async () => {
    assert.deepEqual(await dates(), ['2024-01-11', '2023-12-29', '2023-12-04']);
    let since = client.mark();
    await client.notify('workspace/didChangeWorkspaceFolders', { event: { added: [folder], removed: [] } });
    await client.waitFor('digest/indexChanged', (p: { indexing: boolean }) => p.indexing === false, since);
    assert.deepEqual(await dates(), ['2024-03-05', '2024-01-11', '2023-12-29', '2023-12-04']);
    since = client.mark();
    await client.notify('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [folder] } });
    await client.waitFor('digest/indexChanged', (p: { indexing: boolean }) => p.indexing === false, since);
    assert.deepEqual(await dates(), ['2024-01-11', '2023-12-29', '2023-12-04']);
  });
});
