import { fileURLToPath } from 'node:url';
import { lint } from '../lint';
import { parse } from '../model/parse';
import type { Digest } from '../model/types';
import type { Finding } from '../rules/types';
import { StringPool, summarize, type FileSummary } from './summary';

/** An open document's current model with the findings of its version. */
export interface OpenSource {
  digest: Digest;
  findings: readonly Finding[];
}

interface OpenEntry {
  uri: string;
  revision: number;
  /** The model and findings of this version, or undefined when the text is not (no longer) a digest. */
  source: () => OpenSource | undefined;
  /** Made from `source` on first use; dropped with the entry (a new version) or by invalidateOpen. */
  summary?: FileSummary | null;
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

const byKey = <T>([a]: [string, T], [b]: [string, T]) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Every digest of the workspace folders, open or not, as summaries (workspace/summary.ts). A file
 * read from disk is parsed and linted once per read, with every rule at its default severity (the
 * tree applies the settings' severities to per-rule counts), and only its summary is kept. Open
 * documents are summarised from the document cache's model and findings, once per version, and
 * win over the disk for as long as they are open.
 */
export class WorkspaceIndex {
  private readonly disk = new Map<string, FileSummary>();
  private readonly open = new Map<string, OpenEntry>();
  private readonly pool = new StringPool();
  /** The disk summaries sorted by path, rebuilt after a change. */
  private sorted: [string, FileSummary][] | undefined;

  setDisk(uri: string, text: string): void {
    const digest = parse(text);
    this.disk.set(uriKey(uri), summarize(uri, digest, lint(digest), this.pool));
    this.sorted = undefined;
  }

  /** Forgets a file, or every file under a folder (a deleted folder sends one event). */
  removeDisk(uri: string): boolean {
    const key = uriKey(uri);
    let removed = this.disk.delete(key);
    const folder = key.endsWith('/') ? key : key + '/';
    for (const k of [...this.disk.keys()]) {
      if (k.startsWith(folder)) removed = this.disk.delete(k) || removed;
    }
    if (removed) this.sorted = undefined;
    return removed;
  }

  clearDisk(): void {
    this.disk.clear();
    this.pool.clear();
    this.sorted = undefined;
  }

  hasDisk(uri: string): boolean {
    return this.disk.has(uriKey(uri));
  }

  setOpen(uri: string, revision: number, source: () => OpenSource | undefined): void {
    this.open.set(uriKey(uri), { uri, revision, source });
  }

  closeOpen(uri: string): void {
    this.open.delete(uriKey(uri));
  }

  /** Open summaries are made again on next use: their findings follow the settings. */
  invalidateOpen(): void {
    for (const entry of this.open.values()) entry.summary = undefined;
  }

  private openSummary(entry: OpenEntry): FileSummary | undefined {
    if (entry.summary === undefined) {
      const source = entry.source();
      // Open documents are few and short-lived: their strings need no pooling.
      entry.summary = source ? summarize(entry.uri, source.digest, source.findings, new StringPool()) : null;
    }
    return entry.summary ?? undefined;
  }

  /** The digests to show, open documents first (in opening order), then files on disk by path. */
  summaries(): FileSummary[] {
    const out: FileSummary[] = [];
    for (const entry of this.open.values()) {
      const summary = this.openSummary(entry);
      if (summary) out.push(summary);
    }
    this.sorted ??= [...this.disk.entries()].sort(byKey);
    for (const [key, summary] of this.sorted) if (!this.open.has(key)) out.push(summary);
    return out;
  }

  /** The summary of one file: its open document's when open, else its disk one. */
  summary(uri: string): FileSummary | undefined {
    const key = uriKey(uri);
    const entry = this.open.get(key);
    return entry ? this.openSummary(entry) : this.disk.get(key);
  }
}
