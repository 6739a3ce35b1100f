import { reparseLines } from './incremental';
import type { LineText } from './lineText';
import { parse } from './parse';
import type { Digest } from './types';

interface Entry {
  revision: number;
  digest: Digest;
}

/**
 * Parsed models per document, keyed by uri and revision (DigestDocument.revision, never reused, unlike
 * the client's version): every feature asks here, so a text is parsed once. An object handed to
 * whoever needs it, not a module-level singleton.
 */
export class DigestCache {
  private readonly entries = new Map<string, Entry>();
  /** How many parses ran; tests read it to prove features share one parse. */
  parses = 0;

  get(uri: string, revision: number, text: () => string): Digest {
    const hit = this.entries.get(uri);
    if (hit && hit.revision === revision) return hit.digest;
    const digest = parse(text());
    this.parses++;
    this.entries.set(uri, { revision, digest });
    return digest;
  }

  /** How many incremental updates ran instead of a parse. */
  reparses = 0;

  /**
   * Follows one edit already applied to a document's lines: when the model of `revision` is cached
   * it is updated in place by re-parsing only the touched blocks (the revision moves on with
   * advance()). Otherwise the entry is dropped and the next `get` parses the text.
   */
  follow(uri: string, revision: number, lines: LineText, edit: { line: number; removed: number; added: number }): void {
    const hit = this.entries.get(uri);
    if (!hit || hit.revision !== revision) {
      this.entries.delete(uri);
      return;
    }
    hit.digest = reparseLines(hit.digest, lines, edit);
    this.reparses++;
  }

  /** The cached model of `from` (followed through its edits) is now the model of `to`. */
  advance(uri: string, from: number, to: number): void {
    const hit = this.entries.get(uri);
    if (hit && hit.revision === from) hit.revision = to;
    else this.entries.delete(uri);
  }

  /** Stores a model built elsewhere (e.g. by an incremental update) for a revision. */
  set(uri: string, revision: number, digest: Digest): void {
    this.entries.set(uri, { revision, digest });
  }

  peek(uri: string): Digest | undefined {
    return this.entries.get(uri)?.digest;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }
}
