// --fix: the engine's fix-all, repeated until stable, and an atomic write of the result.
import { accessSync, chmodSync, chownSync, constants, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
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

let tmpCount = 0;

/** An error with a code, as fs throws, for the CLI's `cannot write: <cause>`. */
function refused(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(message), { code });
}

/**
 * Writes through a temporary file in the same folder and a rename, so a reader (or a crash)
 * never sees half a file; keeps the original's permissions and, where allowed, its owner.
 * A read-only file is refused (a rename would replace it even so), and a file with other hard
 * links is written in place, since a rename would leave the other names with the old text.
 */
export function writeAtomic(file: string, text: string): void {
  const st = statSync(file);
  const mode = st.mode & 0o7777;
  if ((mode & 0o222) === 0) throw refused('EACCES', 'the file is read-only');
  // Whether this user may write the file itself (root may write anything but a read-only file).
  accessSync(file, constants.W_OK);
  if (st.nlink > 1) {
    writeFileSync(file, text, 'utf8');
    return;
  }
  // A short name of its own, so a file name near the 255-byte limit still gets one.
  const tmp = join(dirname(file), `.digest-lint-${process.pid}-${(tmpCount++).toString(36)}.tmp`);
  try {
    writeFileSync(tmp, text, { encoding: 'utf8', flag: 'wx', mode });
    chmodSync(tmp, mode);
    try {
      chownSync(tmp, st.uid, st.gid);
    } catch {
      // Only root may give a file away; others keep their own files, which is what they had.
    }
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
