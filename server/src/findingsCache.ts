import { lint, BlockFindings, type LintOptions } from './lint';
import type { Digest } from './model/types';
import type { Finding } from './rules/types';

interface Entry {
  version: number;
  generation: number;
  findings: Finding[];
}

/**
 * Findings per document version and settings generation: diagnostics, code actions, hover and the
 * tree all read the same lint run, and a settings change (a new generation) invalidates them all.
 */
export class FindingsCache {
  private readonly entries = new Map<string, Entry>();
  private generation = 0;
  /** Per-paper findings survive edits: only touched papers and digest-level rules run again. */
  private perPaper = new BlockFindings();
  /** How many lint runs happened; tests read it to prove features share one run. */
  runs = 0;

  setOptions(options: LintOptions): void {
    this.perPaper = new BlockFindings(options);
    this.generation++;
  }

  get(uri: string, version: number, digest: Digest): Finding[] {
    const hit = this.entries.get(uri);
    if (hit && hit.version === version && hit.generation === this.generation) return hit.findings;
    const findings = lint(digest, this.perPaper);
    this.runs++;
    this.entries.set(uri, { version, generation: this.generation, findings });
    return findings;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }
}
