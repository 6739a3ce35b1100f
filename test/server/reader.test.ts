import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { readDigestFile, readDigestFileSync } from '../../server/src/workspace/files';
import { coolReader, openReader, READ_AHEAD, warmReader, type ReadRequest } from '../../server/src/workspace/reader';

/** The reader thread as the server runs it: the bundle `npm run build` puts next to dist/server.js. */
const WORKER = join(__dirname, '..', '..', 'dist', 'readWorker.js');

describe('reading a scan’s files on the reader thread', () => {
  const dir = mkdtempSync(join(tmpdir(), 'digest-reader-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const day = (n: number) => `## Daily Papers (2024-01-${String((n % 28) + 1).padStart(2, '0')})\n\n### [T${n}](https://arxiv.org/abs/2401.0${5000 + n})\n`;
  // Digests, and every way a file is skipped: not a digest, not UTF-8, too large, a folder, gone.
  const requests: ReadRequest[] = [];
  const add = (name: string, bytes: string | Uint8Array | undefined, digestLanguage = false, maxBytes = 1 << 20) => {
    const path = join(dir, name);
    if (bytes === 'folder') mkdirSync(path);
    else if (bytes !== undefined) writeFileSync(path, bytes);
    requests.push({ path, maxBytes, digestLanguage });
  };
  for (let n = 0; n < 5 * READ_AHEAD; n++) {
    if (n % 7 === 3) add(`notes-${n}.md`, '# Notes\n');
    else if (n % 11 === 5) add(`latin1-${n}.md`, Uint8Array.from([...Buffer.from(day(n)), 0xe9, 0xff]));
    else if (n % 13 === 6) add(`big-${n}.md`, day(n), false, 10);
    else if (n === 20) add('folder.md', 'folder');
    else if (n === 21) add('gone.md', undefined);
    else if (n === 22) add('loose.digest.md', 'Vote: 3\n', true);
    else add(`day-${n}.md`, Uint8Array.from([0xef, 0xbb, 0xbf, ...Buffer.from(day(n))]));
  }

  /** What readDigestFile answers and logs, file by file. */
  async function expected() {
    const out = [];
    for (const r of requests) {
      const logs: string[] = [];
      out.push({ text: await readDigestFile(r.path, r.maxBytes, (m) => logs.push(m), r.digestLanguage), logs });
    }
    return out;
  }

  /**
   * Reads every file through openReader, taking answers in turn, now and then after a pause; the
   * texts in order, and every log line (a read on the server's thread logs when it happens, a few
   * files ahead, so lines are compared as a whole).
   */
  async function throughReader(script: string, stopAt = requests.length) {
    const logs: string[] = [];
    const reader = openReader(requests, (m) => logs.push(m), script);
    const texts = [];
    try {
      for (let i = 0; i < stopAt; i++) {
        texts.push(await reader.text(i));
        if (i % 9 === 0) await new Promise((r) => setTimeout(r, 5));
      }
    } finally {
      reader.close();
    }
    return { texts, logs };
  }

  async function expectedTexts() {
    const want = await expected();
    return { texts: want.map((w) => w.text), logs: want.flatMap((w) => w.logs) };
  }

  it('the blocking read answers as readDigestFile does', async () => {
    for (const [i, want] of (await expected()).entries()) {
      const logs: string[] = [];
      const r = requests[i];
      assert.deepEqual({ text: readDigestFileSync(r.path, r.maxBytes, (m) => logs.push(m), r.digestLanguage), logs }, want, r.path);
    }
  });

  it('answers every file in order with readDigestFile’s text and log lines, past the files it reads ahead', async () => {
    const want = await expected();
    assert.ok(want.some((w) => w.logs.length > 0) && want.some((w) => w.text !== undefined) && want.some((w) => w.text === undefined && w.logs.length === 0));
    // The reader thread hands each file's log lines over with its text: in order.
    assert.deepEqual(await throughReader(WORKER), await expectedTexts());
  });

  it('reads on the server’s thread when there is no reader script, with the same answers', async () => {
    const { texts, logs } = await throughReader(join(dir, 'no-such-worker.js'));
    const want = await expectedTexts();
    assert.deepEqual(texts, want.texts);
    assert.deepEqual(logs.sort(), want.logs.sort());
  });

  it('goes on without a reader thread that dies, says so once, and loses no file', async () => {
    const dying = join(dir, 'dying-worker.js');
    // Answers the first three files as the real one would be expected to, then exits.
    writeFileSync(
      dying,
      `const { parentPort } = require('node:worker_threads');
       const { readDigestFileSync } = require(${JSON.stringify(join(__dirname, '..', '..', 'server', 'src', 'workspace', 'files.ts'))});
       parentPort.once('message', (job) => {
         for (let i = 0; i < 3; i++) {
           const r = job.requests[i]; const logs = [];
           parentPort.postMessage({ index: i, text: readDigestFileSync(r.path, r.maxBytes, (m) => logs.push(m), r.digestLanguage), logs });
         }
         process.exit(3);
       });`,
    );
    const { texts, logs } = await throughReader(dying);
    const want = await expectedTexts();
    assert.deepEqual(texts, want.texts);
    const said = logs.filter((m) => /reader thread/.test(m));
    assert.equal(said.length, 1, logs.join('\n'));
    assert.match(said[0], /the reader thread exited \(3\)/);
    assert.deepEqual(logs.filter((m) => !/reader thread/.test(m)).sort(), want.logs.sort());
  });

  /**
   * A reader script that reads as the real one does and says, in each file's log lines, which
   * thread read it: the thread started ahead of the scan is told apart from one started for it.
   */
  function markingWorker(name: string): string {
    const path = join(dir, name);
    writeFileSync(
      path,
      `const { parentPort, threadId } = require('node:worker_threads');
       const { readDigestFileSync } = require(${JSON.stringify(join(__dirname, '..', '..', 'server', 'src', 'workspace', 'files.ts'))});
       parentPort.once('message', (job) => {
         job.requests.forEach((r, i) => {
           const logs = ['read by thread ' + threadId];
           parentPort.postMessage({ index: i, text: readDigestFileSync(r.path, r.maxBytes, (m) => logs.push(m), r.digestLanguage), logs });
         });
       });`,
    );
    return path;
  }

  it('the scan takes the reader thread started ahead of it, with the same answers', async () => {
    const script = markingWorker('marking-worker.js');
    const started = warmReader(script);
    assert.ok(started, 'a thread was started');
    const id = started.threadId;
    assert.equal(warmReader(script), undefined, 'one waits already: no second one');
    const { texts, logs } = await throughReader(script);
    const want = await expectedTexts();
    assert.deepEqual(texts, want.texts);
    assert.deepEqual([...new Set(logs.filter((m) => m.startsWith('read by')))], [`read by thread ${id}`]);
    assert.deepEqual(logs.filter((m) => !m.startsWith('read by')), want.logs);
    // Taken: the next scan starts a thread of its own.
    const again = await throughReader(script, 3);
    assert.deepEqual(again.texts, want.texts.slice(0, 3));
    const next = [...new Set(again.logs.filter((m) => m.startsWith('read by')))];
    assert.equal(next.length, 1);
    assert.notEqual(next[0], `read by thread ${id}`);
  });

  it('a reader thread started for a scan with nothing to read is ended; one that died is replaced', async () => {
    const script = markingWorker('idle-worker.js');
    const idle = warmReader(script)!;
    const ended = new Promise((resolve) => idle.once('exit', resolve));
    coolReader();
    await ended;
    // A started thread that exits before any scan takes it is forgotten: the scan starts its own.
    const dying = warmReader(script)!;
    const dyingId = dying.threadId;
    await dying.terminate();
    await new Promise((r) => setImmediate(r));
    const { texts, logs } = await throughReader(script, 4);
    assert.deepEqual(texts, (await expectedTexts()).texts.slice(0, 4));
    const readers = [...new Set(logs.filter((m) => m.startsWith('read by')))];
    assert.equal(readers.length, 1);
    assert.notEqual(readers[0], `read by thread ${dyingId}`);
  });

  it('ends a reader thread that waits for room when the scan stops early', async () => {
    const { texts } = await throughReader(WORKER, 2);
    assert.deepEqual(texts, (await expectedTexts()).texts.slice(0, 2));
    // Nothing keeps running: the test process ends (node:test would time out on a live worker).
  });
});
