import { fileURLToPath } from 'node:url';
import { parse } from '../model/parse';
import type { Digest } from '../model/types';

/** A digest the workspace features read: an open document's current model or a file's from disk. */
export interface IndexedDoc {
  uri: string;
  /** Document version when open; a negative, decreasing number for each read from disk. */
  version: number;
  digest: Digest;
}

interface OpenEntry {
  uri: string;
  version: number;
  /** The model of this version, or undefined when the text is not (no longer) a digest. */
  model: () => Digest | undefined;
}

/** Compares file URIs by path, so `file:///a%20b.md` from a client equals ours for `/a b.md`. */
export function uriKey(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  try {
    return fileURLToPath(uri);
  } catch {
    return uri;
  }
}

/**
 * Every digest of the workspace folders, open or not. Files read from disk are parsed once per
 * read; open documents are held as a lazy model from the document cache, and their text wins over
 * the disk for as long as they are open.
 */
export class WorkspaceIndex {
  private readonly disk = new Map<string, IndexedDoc>();
  private readonly open = new Map<string, OpenEntry>();
  private nextDiskVersion = -1;

  setDisk(uri: string, text: string): void {
    this.disk.set(uriKey(uri), { uri, version: this.nextDiskVersion--, digest: parse(text) });
  }

  /** Forgets a file, or every file under a folder (a deleted folder sends one event). */
  removeDisk(uri: string): boolean {
    const key = uriKey(uri);
    let removed = this.disk.delete(key);
    for (const k of [...this.disk.keys()]) {
      if (k.startsWith(key.endsWith('/') ? key : key + '/')) removed = this.disk.delete(k) || removed;
    }
    return removed;
  }

  clearDisk(): void {
    this.disk.clear();
  }

  hasDisk(uri: string): boolean {
    return this.disk.has(uriKey(uri));
  }

  setOpen(uri: string, version: number, model: () => Digest | undefined): void {
    this.open.set(uriKey(uri), { uri, version, model });
  }

  closeOpen(uri: string): void {
    this.open.delete(uriKey(uri));
  }

  /** The digests to show, open documents first (in opening order), then files on disk by path. */
  docs(): IndexedDoc[] {
    const out: IndexedDoc[] = [];
    for (const entry of this.open.values()) {
      const digest = entry.model();
      if (digest) out.push({ uri: entry.uri, version: entry.version, digest });
    }
    const disk = [...this.disk.entries()].filter(([k]) => !this.open.has(k)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [, doc] of disk) out.push(doc);
    return out;
  }
}
