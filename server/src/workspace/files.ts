import * as fs from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { promisify } from 'node:util';
import { looksLikeDigest } from '../model/detect';
import { matchesFiles, SKIPPED_DIRS } from './glob';

/** Reading digests from disk. Nothing here throws: a file that cannot be used is logged and skipped. */

export type Log = (message: string) => void;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/*
 * The callback API, promisified: `fs/promises` goes through a FileHandle per read and took 1.8×
 * as long to stat and read the 1,300 files of the bench workspace (198 against 111 ms, eight
 * reads in flight, as the scan reads them).
 */
const stat = promisify(fs.stat);
const readFile = promisify(fs.readFile);

/**
 * The file's text, or undefined when it is not valid UTF-8. Decoding replaces bad bytes with
 * U+FFFD; only a text holding one (rare: it may also be written on purpose) is decoded again
 * strictly, which costs a third less than a strict decode of every file (measured on the bench
 * corpus: 46 against 65 ms for 300 files).
 */
function decodeUtf8(bytes: Buffer): string | undefined {
  let text = bytes.toString('utf8');
  // As the strict decoder (and VS Code's editor) does, a byte order mark is not text.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.indexOf('\ufffd') === -1) return text;
  try {
    return utf8.decode(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch {
    return undefined;
  }
}

/**
 * The text of a file when it is a digest, else undefined. A file with the digest language
 * (`digestLanguage`: `*.digest.md`, or a `files.associations` entry) is one whatever it holds, as
 * an open document with that language id is; any other when its first non-blank line is a day
 * heading. Files over `maxBytes`, unreadable or not UTF-8 are skipped with a line in the log.
 */
export async function readDigestFile(path: string, maxBytes: number, log: Log, digestLanguage = false): Promise<string | undefined> {
  try {
    const info = await stat(path);
    if (!readable(path, info, maxBytes, log)) return undefined;
    return digestText(path, await readFile(path), log, digestLanguage);
  } catch (e) {
    return failed(path, e, log);
  }
}

/**
 * readDigestFile with blocking calls, for a thread that does nothing else (workspace/readWorker.ts):
 * the same answers and log lines. Each call of the callback API is a trip through libuv's thread
 * pool, which cost the server's own thread 0.25 ms per file while indexing.
 */
export function readDigestFileSync(path: string, maxBytes: number, log: Log, digestLanguage = false): string | undefined {
  try {
    const info = fs.statSync(path);
    if (!readable(path, info, maxBytes, log)) return undefined;
    return digestText(path, fs.readFileSync(path), log, digestLanguage);
  } catch (e) {
    return failed(path, e, log);
  }
}

/** Whether a file is worth reading: a regular file within the size limit. */
function readable(path: string, info: fs.Stats, maxBytes: number, log: Log): boolean {
  if (!info.isFile()) {
    log(`Skipped ${path}: not a regular file.`);
    return false;
  }
  if (info.size > maxBytes) {
    log(`Skipped ${path}: ${info.size} bytes, over digest.maxFileSizeMB.`);
    return false;
  }
  return true;
}

function digestText(path: string, bytes: Buffer, log: Log, digestLanguage: boolean): string | undefined {
  const text = decodeUtf8(bytes);
  if (text === undefined) {
    log(`Skipped ${path}: not valid UTF-8.`);
    return undefined;
  }
  return digestLanguage || looksLikeDigest(text) ? text : undefined;
}

function failed(path: string, e: unknown, log: Log): undefined {
  const code = (e as NodeJS.ErrnoException).code;
  // A file deleted between the event and the read is simply gone, not worth a log line.
  if (code !== 'ENOENT') log(`Skipped ${path}: ${code ?? String(e)}.`);
  return undefined;
}

/** Files under `root` whose relative path matches, skipping node_modules, .git and symlinks. */
export async function findCandidates(root: string, matcher: RegExp, log: Log, cancelled: () => boolean): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    if (cancelled()) return;
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (e) {
      log(`Skipped folder ${dir}: ${(e as NodeJS.ErrnoException).code ?? String(e)}.`);
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) await walk(path);
      } else if (matchesFiles(matcher, relative(root, path).split(sep).join('/'))) {
        // Symlinks (dangling or not), FIFOs, sockets: never opened (a FIFO would block the read).
        if (entry.isFile()) out.push(path);
        else log(`Skipped ${path}: not a regular file.`);
      }
    }
  };
  await walk(root);
  return out;
}
