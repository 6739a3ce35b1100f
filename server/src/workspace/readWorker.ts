import { parentPort } from 'node:worker_threads';
import { readDigestFileSync } from './files';
import type { ReadJob, ReadResult } from './reader';

/**
 * The reader thread of a workspace scan (see reader.ts): reads the scan's files in order with
 * blocking calls and posts each one's text and log lines, staying at most `ahead` files ahead
 * of those the server has taken. Its job comes as its one message: the thread may be started
 * before the files are known.
 */
parentPort!.once('message', read);

function read(job: ReadJob): void {
  const taken = new Int32Array(job.taken);
  for (let i = 0; i < job.requests.length; i++) {
    if (i - Atomics.load(taken, 0) >= job.ahead) {
      // Full: wait until the server has taken half of what is read ahead, and say how far that is.
      const until = i - Math.floor(job.ahead / 2);
      Atomics.store(taken, 1, until);
      let seen;
      while ((seen = Atomics.load(taken, 0)) < until) Atomics.wait(taken, 0, seen);
      Atomics.store(taken, 1, 0);
    }
    const r = job.requests[i];
    const logs: string[] = [];
    const text = readDigestFileSync(r.path, r.maxBytes, (line) => logs.push(line), r.digestLanguage);
    const result: ReadResult = { index: i, text, logs };
    parentPort!.postMessage(result);
  }
}
