// Turns the CLI's path arguments into the list of files to lint, and reads them strictly.
import { closeSync, openSync, readSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { headVerdict } from '../model/detect';
import { digestLanguage } from '../workspace/language';
import { compile, expandBraces, hasGlobSyntax, splitBase } from './glob';

/** The files the editor opens with the digest language by their name alone (no user settings here). */
const opensAsDigest = digestLanguage({});

export interface Target {
  /** Absolute path as found (may be a symlink the user named). */
  path: string;
  /** The file the path resolves to: what is read and, with --fix, written. */
  real: string;
  /** Path shown in output: relative to cwd (absolute outside it), forward slashes. */
  display: string;
}

export interface Collected {
  files: Target[];
  /** One line each, `<path>: <cause>`. */
  errors: string[];
}

const SKIP_DIRS = new Set(['node_modules', '.git']);
/** Enough to see the first non-blank line of any real digest without reading whole files. */
const SNIFF_BYTES = 64 * 1024;

/** Relative to cwd when inside it, else absolute; forward slashes either way. */
export function displayPath(abs: string, cwd: string): string {
  const rel = relative(cwd, abs);
  const shown = rel === '' ? '.' : inside(cwd, abs) ? rel : abs;
  return shown.split(sep).join('/');
}

/** What went wrong with a file, in a few words (the errno's meaning, not its text). */
export function cause(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return err instanceof Error && !(err as NodeJS.ErrnoException).syscall ? err.message : 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'ENOTDIR':
      return 'not a directory';
    case 'ENAMETOOLONG':
      return 'file name too long';
    default:
      return err instanceof Error ? err.message : String(err);
  }
}

function inside(root: string, p: string): boolean {
  const rel = relative(root, p);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** A Buffer's bytes as the plain Uint8Array that TextDecoder's typings ask for (no copy). */
function bytesOf(buf: Buffer): Uint8Array<ArrayBuffer> {
  return new Uint8Array(buf.buffer as ArrayBuffer, buf.byteOffset, buf.byteLength);
}

/**
 * Cheap content detection for files met in folders or globs: the file is read a piece at a time
 * up to the end of its first non-blank line (nearly always the first piece). Blank lines before it
 * are dropped, but the current line's own blanks are kept (its indentation decides too), and the
 * verdict is asked for only once a piece brings a line break, so a long first line is read once.
 * A file that cannot be read gives its cause: whether it is a digest cannot be known.
 */
function sniffDigest(file: string): boolean | { error: unknown } {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const buf = new Uint8Array(SNIFF_BYTES);
    const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
    let head = '';
    for (let at = 0; ; ) {
      const n = readSync(fd, buf, 0, SNIFF_BYTES, at);
      const piece = buf.subarray(0, n);
      if (piece.includes(0)) return false;
      at += n;
      const text = decoder.decode(piece, { stream: n > 0 });
      head += text;
      if (n > 0 && !/[\r\n]/.test(text)) continue;
      const verdict = headVerdict(head, n === 0);
      if (verdict !== undefined) return verdict;
      // Only blank lines so far: keep the start of the line being read.
      const lastBreak = Math.max(head.lastIndexOf('\n'), head.lastIndexOf('\r'));
      head = head.slice(lastBreak + 1);
    }
  } catch (error) {
    return { error };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Every regular file under dir, in sorted order, as [path, real path] pairs. Symlinked folders
 * are never entered, and a symlinked file counts only when it resolves inside `root`, so
 * nothing outside the given folder is read (or written by --fix).
 */
function walk(dir: string, root: string, visit: (path: string, real: string) => void, unreadable: (path: string, err: unknown) => void): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    // A folder that cannot be listed may hold digests: say so rather than skip it.
    unreadable(dir, err);
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name)) walk(p, root, visit, unreadable);
    } else if (e.isFile()) {
      visit(p, p);
    } else if (e.isSymbolicLink()) {
      try {
        const real = realpathSync(p);
        if (inside(root, real) && statSync(real).isFile()) visit(p, real);
      } catch {
        // Dangling link: nothing to lint.
      }
    }
  }
}

export function collectFiles(args: readonly string[], cwd: string): Collected {
  const files: Target[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  const add = (path: string, real: string) => {
    if (seen.has(real)) return;
    seen.add(real);
    files.push({ path, real, display: displayPath(path, cwd) });
  };
  // Digests found under a folder or by a pattern, then added in order.
  const addDigests = (found: [string, string][]): number => {
    let n = 0;
    for (const [p, real] of found) {
      if (seen.has(real)) continue;
      // A `*.digest.md` file opens as a digest in the editor, which checks it whatever it holds.
      const digest = opensAsDigest(p) || sniffDigest(real);
      if (typeof digest !== 'boolean') unreadable(p, digest.error);
      if (digest !== true) continue;
      add(p, real);
      n++;
    }
    return n;
  };
  const unreadable = (p: string, err: unknown) => errors.push(`${displayPath(p, cwd)}: ${cause(err)}`);

  for (const arg of args) {
    const abs = resolve(cwd, arg);
    let isDir = false;
    try {
      // An existing path wins over glob syntax: a file may really be called `a?.md`.
      const st = statSync(abs);
      if (st.isDirectory()) isDir = true;
      else if (!st.isFile()) {
        errors.push(`${arg}: not a regular file`);
        continue;
      } else if (/[\\/]$/.test(arg)) {
        // `file.md/`: the path says folder, the file system says file.
        errors.push(`${arg}: not a directory`);
        continue;
      }
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if ((code === 'ENOENT' || code === 'ENOTDIR') && hasGlobSyntax(arg)) {
        if (expandGlob(arg, cwd, addDigests, unreadable) === 0) errors.push(`${arg}: no digests match this pattern`);
        continue;
      }
      errors.push(`${arg}: ${cause(err)}`);
      continue;
    }
    if (isDir) {
      const root = realpathSync(abs);
      const found: [string, string][] = [];
      walk(abs, root, (p, real) => found.push([p, real]), unreadable);
      if (addDigests(found) === 0 && !found.some(([, real]) => seen.has(real))) {
        errors.push(`${arg}: no digests in this folder (a digest starts with '## Daily Papers (YYYY-MM-DD)')`);
      }
    } else {
      // Named explicitly: linted whatever it holds.
      try {
        add(abs, realpathSync(abs));
      } catch (err) {
        errors.push(`${arg}: ${cause(err)}`);
      }
    }
  }
  return { files, errors };
}

/** Expands one glob argument; returns how many digests it added. */
function expandGlob(
  arg: string,
  cwd: string,
  addDigests: (found: [string, string][]) => number,
  unreadable: (path: string, err: unknown) => void,
): number {
  let n = 0;
  for (const pattern of expandBraces(arg.replace(/\\/g, '/'))) {
    const { base, rest } = splitBase(pattern);
    const baseAbs = resolve(cwd, base);
    let root: string;
    try {
      if (!statSync(baseAbs).isDirectory()) continue;
      root = realpathSync(baseAbs);
    } catch {
      continue;
    }
    const matches = compile(rest);
    const found: [string, string][] = [];
    walk(baseAbs, root, (p, real) => {
      if (matches(relative(baseAbs, p).split(sep))) found.push([p, real]);
    }, unreadable);
    n += addDigests(found);
  }
  return n;
}

export type ReadResult = { text: string } | { error: string };

/**
 * Reads a file as strict UTF-8, keeping a leading BOM in the text (the model expects it there,
 * and --fix must write it back).
 */
export function readTarget(t: Target): ReadResult {
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = bytesOf(readFileSync(t.real));
  } catch (err) {
    return { error: `${t.display}: ${cause(err)}` };
  }
  if (bytes.includes(0)) return { error: `${t.display}: binary file (contains NUL bytes)` };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch (err) {
    // V8 cannot hold a string this long (about 512 MB of text): that is not a decoding problem.
    if (err instanceof RangeError) return { error: `${t.display}: too large to lint (${Math.round(bytes.length / 2 ** 20)} MB)` };
    return { error: `${t.display}: not valid UTF-8` };
  }
}
