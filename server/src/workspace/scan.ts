import { fileURLToPath, pathToFileURL } from 'node:url';
import { findCandidates, readDigestFile, type Log } from './files';
import { coolReader, openReader } from './reader';
import { globToRegExp, matchesFiles } from './glob';
import type { WorkspaceIndex } from './index';
import type { IsDigestLanguage } from './language';
import { relative, sep } from 'node:path';

export interface ScanOptions {
  /** Workspace folder URIs; folders that are not `file:` are not searched. */
  folders: readonly string[];
  files: string;
  /** Which files have the digest language: those are digests whatever they hold. */
  digestLanguage: IsDigestLanguage;
  maxBytes: number;
  log: Log;
  /** Called as files are read: done of total. */
  progress?(done: number, total: number): void;
  cancelled(): boolean;
}

function folderPaths(folders: readonly string[], log: Log): string[] {
  const out: string[] = [];
  for (const uri of folders) {
    try {
      out.push(fileURLToPath(uri));
    } catch {
      log(`Not indexed: ${uri} is not a file: folder.`);
    }
  }
  return out;
}

/**
 * Reads every digest under the folders into the index, a few reads in flight at a time, on a
 * reader thread when the server runs bundled (see reader.ts). Each file is parsed and summarised
 * on its own turn of the event loop, between awaits of its text, so the server keeps answering
 * requests (the first opened document does not wait for the scan).
 */
export async function scanWorkspace(index: WorkspaceIndex, options: ScanOptions): Promise<void> {
  const matcher = globToRegExp(options.files);
  const paths: string[] = [];
  for (const root of folderPaths(options.folders, options.log)) {
    paths.push(...(await findCandidates(root, matcher, options.log, options.cancelled)));
  }
  index.clearDisk();
  if (paths.length === 0) {
    coolReader();
    return;
  }
  const requests = paths.map((path) => ({ path, maxBytes: options.maxBytes, digestLanguage: options.digestLanguage(path) }));
  const files = openReader(requests, options.log);
  try {
    for (let i = 0; i < paths.length && !options.cancelled(); i++) {
      const text = await files.text(i);
      if (options.cancelled()) return;
      if (text !== undefined) index.setDisk(pathToFileURL(paths[i]).href, text);
      options.progress?.(i + 1, paths.length);
    }
  } finally {
    files.close();
  }
}

export type FileChange = 'created' | 'changed' | 'deleted';

/**
 * Applies one watched-file event. Returns true when the index changed. A file outside the folders
 * or not matching `digest.files` is ignored; a file that stopped being a digest leaves the index.
 */
export async function applyFileChange(
  index: WorkspaceIndex,
  uri: string,
  change: FileChange,
  options: Omit<ScanOptions, 'progress' | 'cancelled'>,
): Promise<boolean> {
  if (change === 'deleted') return index.removeDisk(uri);
  let path: string;
  try {
    path = fileURLToPath(uri);
  } catch {
    return false;
  }
  const matcher = globToRegExp(options.files);
  const inFolder = folderPaths(options.folders, () => {}).some((root) => {
    const rel = relative(root, path);
    return rel !== '' && !rel.startsWith('..') && matchesFiles(matcher, rel.split(sep).join('/'));
  });
  if (!inFolder) return false;
  const text = await readDigestFile(path, options.maxBytes, options.log, options.digestLanguage(path));
  if (text === undefined) return index.removeDisk(uri);
  index.setDisk(uri, text);
  return true;
}
