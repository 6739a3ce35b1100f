import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { readDigestFile, type Log } from './files';

/**
 * Reading the files of a workspace scan off the server's thread. Opening, reading and decoding
 * 1,300 files cost the server's thread about a third of a cold index (a trip through libuv's
 * thread pool per call, five per file, and UTF-8 decoding at ~200 MB/s); a worker thread reads
 * them ahead with blocking calls while the server parses those it already has.
 */

export interface ReadRequest {
  path: string;
  maxBytes: number;
  digestLanguage: boolean;
}

/** What the worker is sent, as its one message: the files of a scan, and the count of answers taken so far. */
export interface ReadJob {
  requests: ReadRequest[];
  /**
   * Int32Array over a SharedArrayBuffer: [0] = answers the server has taken; [1] = while the worker
   * waits for room, the count of taken answers it waits for, else 0.
   */
  taken: SharedArrayBuffer;
  /** Files read but not yet taken at most. */
  ahead: number;
}

export interface ReadResult {
  index: number;
  /** The file's text when it is a digest (as readDigestFile answers). */
  text: string | undefined;
  /** The log lines readDigestFile would have written. */
  logs: string[];
}

/** The texts of a scan's files, asked for in order. */
export interface FileReader {
  /** The answer of readDigestFile for request i; ask for 0, 1, 2… in turn. */
  text(i: number): Promise<string | undefined>;
  /** Ends the reading; nothing more is asked for. */
  close(): void;
}

/** The worker's script, bundled next to the server (dist/readWorker.js). */
export const READ_WORKER = join(__dirname, 'readWorker.js');

/** Files the reader thread reads ahead of the one the server parses. */
export const READ_AHEAD = 32;

/** Reads in flight on this thread: each one holds a thread-pool trip, as the scan always had. */
const IN_THREAD_AHEAD = 8;

/**
 * A reader thread started before its scan's files are known, waiting for its job (see warmReader).
 * Booting a thread takes about 75 ms on this kind of machine; one started when the server learns
 * it has folders to index boots while the handshake goes on and the files are listed.
 */
let warm: { script: string; worker: Worker; forget(): void } | undefined;

/**
 * Starts a reader thread for the next scan, when `script` exists and none waits already; returns
 * the thread it started. One that fails or ends before a scan takes it is forgotten, and the scan
 * starts its own. It does not keep the process alive while it waits.
 */
export function warmReader(script = READ_WORKER): Worker | undefined {
  if (warm || !existsSync(script)) return undefined;
  let worker: Worker;
  try {
    worker = new Worker(script);
  } catch {
    return undefined; // the scan's own start says why, if it fails again
  }
  const forget = () => {
    if (warm?.worker === worker) warm = undefined;
  };
  worker.once('error', forget);
  worker.once('exit', forget);
  worker.unref();
  warm = { script, worker, forget };
  return worker;
}

/** Ends the reader thread started for a scan that had nothing to read. */
export function coolReader(): void {
  const w = warm;
  warm = undefined;
  if (w) void w.worker.terminate();
}

/** The waiting reader thread of `script`, taken for a scan. */
function takeWarm(script: string): Worker | undefined {
  const w = warm;
  if (!w || w.script !== script) return undefined;
  warm = undefined;
  w.worker.off('error', w.forget);
  w.worker.off('exit', w.forget);
  w.worker.ref();
  return w.worker;
}

/**
 * A reader for one scan's files: a worker thread running `script` (the one warmReader started,
 * else a new one) when it exists and starts, else reads on this thread, `IN_THREAD_AHEAD` in
 * flight (the sources run unbundled, in tests, have no worker script).
 */
export function openReader(requests: ReadRequest[], log: Log, script = READ_WORKER): FileReader {
  const started = takeWarm(script);
  if (started || existsSync(script)) {
    try {
      return new WorkerReader(requests, log, started ?? new Worker(script));
    } catch (e) {
      log(`Reading files on the server's thread: the reader thread did not start (${String(e)}).`);
    }
  }
  return new ThreadReader(requests, log);
}

/** Reads on this thread through the callback API, a few files ahead of the one asked for. */
class ThreadReader implements FileReader {
  private readonly started = new Map<number, Promise<string | undefined>>();

  constructor(
    private readonly requests: ReadRequest[],
    private readonly log: Log,
  ) {}

  text(i: number): Promise<string | undefined> {
    for (let k = i; k < Math.min(i + IN_THREAD_AHEAD, this.requests.length); k++) {
      if (this.started.has(k)) continue;
      const r = this.requests[k];
      this.started.set(k, readDigestFile(r.path, r.maxBytes, this.log, r.digestLanguage));
    }
    const text = this.started.get(i)!;
    this.started.delete(i);
    return text;
  }

  close(): void {}
}

class WorkerReader implements FileReader {
  private worker: Worker | undefined;
  private readonly taken: Int32Array;
  /** Answers received and not yet asked for, by index. */
  private readonly results = new Map<number, ReadResult>();
  /** The one request asked for and not yet answered. */
  private waiting: { index: number; resolve(text: string | undefined): void } | undefined;
  /** Once the worker is gone, the rest is read here. */
  private fallback: ThreadReader | undefined;
  /** Answers received from the worker. */
  private received = 0;

  constructor(
    private readonly requests: ReadRequest[],
    private readonly log: Log,
    worker: Worker,
  ) {
    const taken = new SharedArrayBuffer(8);
    this.taken = new Int32Array(taken);
    const job: ReadJob = { requests, taken, ahead: READ_AHEAD };
    worker.on('message', (m: ReadResult) => this.onMessage(m));
    worker.on('error', (e) => this.stop(`the reader thread failed (${String(e)})`));
    // Node delivers a worker's messages before its exit: an exit is early when answers are missing.
    worker.on('exit', (code) => {
      if (this.received < requests.length) this.stop(`the reader thread exited (${code})`);
    });
    this.worker = worker;
    worker.postMessage(job);
  }

  text(i: number): Promise<string | undefined> {
    const result = this.results.get(i);
    // An answer already here is handed over on a later turn of the event loop, as a read would
    // be: the scan parses one file per turn and requests are answered in between.
    if (result) return new Promise((resolve) => setImmediate(() => resolve(this.take(result))));
    if (this.fallback) return this.fallback.text(i);
    return new Promise((resolve) => (this.waiting = { index: i, resolve }));
  }

  private onMessage(m: ReadResult): void {
    this.received++;
    if (this.waiting?.index === m.index) {
      const { resolve } = this.waiting;
      this.waiting = undefined;
      resolve(this.take(m));
    } else {
      this.results.set(m.index, m);
    }
  }

  /** Hands over an answer and lets the worker read one further. */
  private take(m: ReadResult): string | undefined {
    this.results.delete(m.index);
    for (const line of m.logs) this.log(line);
    Atomics.store(this.taken, 0, m.index + 1);
    // Waking a thread costs a switch on a small machine: the worker is woken once, when what it
    // waits for is there.
    const until = Atomics.load(this.taken, 1);
    if (until !== 0 && m.index + 1 >= until) Atomics.notify(this.taken, 0);
    return m.text;
  }

  /** The worker failed or exited early: the files it did not answer are read on this thread. */
  private stop(why: string): void {
    if (!this.worker) return;
    this.worker = undefined;
    this.log(`Reading files on the server's thread: ${why}.`);
    this.fallback = new ThreadReader(this.requests, this.log);
    const waiting = this.waiting;
    this.waiting = undefined;
    if (waiting) void this.fallback.text(waiting.index).then(waiting.resolve);
  }

  close(): void {
    const worker = this.worker;
    this.worker = undefined;
    if (!worker) return;
    // Let a worker that waits for room go on, to be ended.
    Atomics.store(this.taken, 0, this.requests.length);
    Atomics.notify(this.taken, 0);
    void worker.terminate();
  }
}
