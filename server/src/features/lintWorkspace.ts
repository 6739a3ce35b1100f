import { lint, type LintOptions } from '../lint';
import { parse } from '../model/parse';
import type { LintWorkspaceResult } from '../protocol';
import { toDiagnostics } from './diagnostics';
import { check, type Cancel } from './cancel';

export interface LintWorkspaceInput {
  uris: readonly string[];
  isOpen(uri: string): boolean;
  /** The file's text when it is (still) a readable digest. */
  read(uri: string): Promise<string | undefined>;
  options: LintOptions;
}

/** Diagnostics of every closed digest, read from disk one at a time (nothing is kept afterwards). */
export async function lintWorkspace(input: LintWorkspaceInput, token?: Cancel): Promise<LintWorkspaceResult> {
  const files: LintWorkspaceResult['files'] = [];
  for (const uri of input.uris) {
    check(token);
    if (input.isOpen(uri)) continue;
    const text = await input.read(uri);
    if (text === undefined) continue;
    files.push({ uri, diagnostics: toDiagnostics(uri, lint(parse(text), input.options)) });
  }
  return { files };
}
