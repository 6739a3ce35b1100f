import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { readDigestFile } from '../../server/src/workspace/files';

describe('reading a digest file from disk', () => {
  const dir = mkdtempSync(join(tmpdir(), 'digest-files-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const day = '## Daily Papers (2024-01-11)\n\n### [T](https://arxiv.org/abs/2401.05252)\n';
  const read = async (name: string, bytes: Uint8Array | string, digestLanguage?: boolean) => {
    writeFileSync(join(dir, name), bytes);
    const logs: string[] = [];
    const text = await readDigestFile(join(dir, name), 1 << 20, (m) => logs.push(m), digestLanguage);
    return { text, logs };
  };

  it('drops a byte order mark, as the editor does', async () => {
    const { text } = await read('bom.md', Uint8Array.from([0xef, 0xbb, 0xbf, ...Buffer.from(day)]));
    assert.equal(text, day);
  });

  it('keeps a U+FFFD written on purpose', async () => {
    const { text, logs } = await read('fffd.md', `${day}- 깨진 글자 \ufffd 그대로\n`);
    assert.equal(text, `${day}- 깨진 글자 \ufffd 그대로\n`);
    assert.deepEqual(logs, []);
  });

  it('skips bytes that are not UTF-8, with a line in the log', async () => {
    const { text, logs } = await read('latin1.md', Uint8Array.from([...Buffer.from(day), 0xe9, 0xff, 0x0a]));
    assert.equal(text, undefined);
    assert.equal(logs.length, 1);
    assert.match(logs[0], /latin1\.md: not valid UTF-8/);
  });

  it('skips text that is not a digest, silently', async () => {
    const { text, logs } = await read('notes.md', '# Notes\n');
    assert.equal(text, undefined);
    assert.deepEqual(logs, []);
  });

  it('takes a file with the digest language whatever it holds, as the server takes such a document', async () => {
    const loose = '### [T](https://arxiv.org/abs/2401.05252)\n\nVote: 3\n';
    assert.deepEqual(await read('loose.digest.md', loose, true), { text: loose, logs: [] });
    assert.deepEqual(await read('empty.digest.md', '', true), { text: '', logs: [] });
    assert.deepEqual(await read('loose.md', loose, false), { text: undefined, logs: [] });
  });

  it('still skips such a file when it is not UTF-8', async () => {
    const { text, logs } = await read('latin1.digest.md', Uint8Array.from([0xe9, 0xff, 0x0a]), true);
    assert.equal(text, undefined);
    assert.match(logs[0], /not valid UTF-8/);
  });
});
