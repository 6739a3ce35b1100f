// --fix: the engine's fix-all, repeated until stable, and an atomic write of the result.
import { chmodSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { applyEdits, fixAllEdits } from '../fixes';
import { lint, type LintOptions } from '../lint';
import { parse } from '../model/parse';

/**
 * Fixes can make room for others (two overlapping fixes: one waits for the next round), so
 * fix-all runs again until nothing fixable is left; a handful of rounds is plenty.
 */
const MAX_ROUNDS = 5;

export interface FixOutcome {
  text: string;
  /** How many findings the applied fixes addressed, over all rounds. */
  fixed: number;
}

export function fixText(text: string, options: LintOptions): FixOutcome {
  let fixed = 0;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const digest = parse(text);
    const findings = lint(digest, options);
    const edits = fixAllEdits(findings);
    if (edits.length === 0) break;
    const next = applyEdits(digest, edits);
    if (next === text) break;
    // Count the findings this round resolved, not the edits (a fix may have several).
    fixed += findings.length - lint(parse(next), options).length;
    text = next;
  }
  return { text, fixed: Math.max(0, fixed) };
}

/**
 * Writes through a temporary file in the same folder and a rename, so a reader (or a crash)
 * never sees half a file; keeps the original's permissions.
 */
export function writeAtomic(file: string, text: string): void {
  const mode = statSync(file).mode & 0o7777;
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    writeFileSync(tmp, text, { encoding: 'utf8', flag: 'wx', mode });
    chmodSync(tmp, mode);
    renameSync(tmp, file);
  } catch (err) {
    try {
      unlinkSync(tmp);
    } catch {
      // The temporary file was never created.
    }
    throw err;
  }
}
