import { lint, BlockFindings, type LintOptions } from './lint';
import type { Digest } from './model/types';
import type { Finding } from './rules/types';

interface Entry {
  revision: number;
  generation: number;
  findings: Finding[];
  /** This document's kept per-paper and per-day findings, reused across its versions. */
  blocks: BlockFindings;
}

/**
 * Findings per document revision and settings generation: diagnostics, code actions, hover and the
 * tree all read the same lint run, and a settings change (a new generation) invalidates them all.
 * Across versions of a document only touched papers and days are linted again.
 */
export class FindingsCache {
  private readonly entries = new Map<string, Entry>();
  private generation = 0;
  private options: LintOptions = {};
  /** How many lint runs happened; tests read it to prove features share one run. */
  runs = 0;

  setOptions(options: LintOptions): void {
    this.options = options;
    this.generation++;
  }

  get(uri: string, revision: number, digest: Digest): Finding[] {
    const hit = this.entries.get(uri);
    if (hit && hit.revision === revision && hit.generation === this.generation) return hit.findings;
    const blocks = hit && hit.generation === this.generation ? hit.blocks : new BlockFindings(this.options);
    const findings = lint(digest, blocks);
    this.runs++;
    this.entries.set(uri, { revision, generation: this.generation, findings, blocks });
    return findings;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }
}
