import { reparse, type TextChange } from './incremental';
import { parse } from './parse';
import type { Digest } from './types';

interface Entry {
  version: number;
  digest: Digest;
}

/**
 * Parsed models per document, keyed by uri and version: every feature asks here, so a document
 * version is parsed once. An object handed to whoever needs it, not a module-level singleton.
 */
export class DigestCache {
  private readonly entries = new Map<string, Entry>();
  /** How many parses ran; tests read it to prove features share one parse. */
  parses = 0;

  get(uri: string, version: number, text: () => string): Digest {
    const hit = this.entries.get(uri);
    if (hit && hit.version === version) return hit.digest;
    const digest = parse(text());
    this.parses++;
    this.entries.set(uri, { version, digest });
    return digest;
  }

  /** How many incremental updates ran instead of a parse. */
  reparses = 0;

  /**
   * Follows one edit: when the model of `fromVersion` is cached, the model of `toVersion` is made
   * by re-parsing only the blocks the change touched. Otherwise the entry is dropped and the next
   * `get` parses the new text.
   */
  update(uri: string, fromVersion: number, toVersion: number, text: string, changes: readonly TextChange[]): void {
    const hit = this.entries.get(uri);
    if (!hit || hit.version !== fromVersion || changes.length !== 1) {
      this.entries.delete(uri);
      return;
    }
    this.entries.set(uri, { version: toVersion, digest: reparse(hit.digest, text, changes[0]) });
    this.reparses++;
  }

  /** Stores a model built elsewhere (e.g. by an incremental update) for a version. */
  set(uri: string, version: number, digest: Digest): void {
    this.entries.set(uri, { version, digest });
  }

  peek(uri: string): Digest | undefined {
    return this.entries.get(uri)?.digest;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }
}
