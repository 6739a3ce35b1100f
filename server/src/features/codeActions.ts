import type { CodeAction, CodeActionContext, Diagnostic, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { fixAllEdits, fixesFor } from '../fixes';
import { FIX_ALL_KIND } from '../protocol';
import type { Finding, Fix } from '../rules/types';
import { SOURCE } from './diagnostics';

export interface CodeActionDoc {
  uri: string;
  version: number;
  /** The findings of this version (from the cache: nothing is re-linted here). */
  findings: readonly Finding[];
}

export interface CodeActionOptions {
  /** The client applies `documentChanges` (versioned edits), so stale edits are refused. */
  documentChanges: boolean;
}

const QUICK_FIX = 'quickfix';

/** True when a requested kind (`only`) covers `kind`: kinds are dot-separated hierarchies. */
function wanted(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((k) => k === '' || kind === k || kind.startsWith(k + '.'));
}

type Pos = Diagnostic['range']['start'];

function before(a: Pos, b: Pos): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

function samePos(a: Pos, b: Pos): boolean {
  return a.line === b.line && a.character === b.character;
}

/**
 * The finding of this version a diagnostic names: same rule, same range. Findings are sorted by
 * where they start, so this is a binary search and a look at the few that start at the same place.
 */
export function findingAt(findings: readonly Finding[], rule: unknown, range: Diagnostic['range']): Finding | undefined {
  let lo = 0;
  let hi = findings.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(findings[mid].range.start, range.start)) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < findings.length && samePos(findings[i].range.start, range.start); i++) {
    const f = findings[i];
    if (f.rule === rule && samePos(f.range.end, range.end)) return f;
  }
  return undefined;
}

/**
 * The fixes of one diagnostic: those of the finding of the current version at its range, with the
 * fixes of its group and file. A client holding diagnostics of an older version gets the fixes of
 * whatever finding of this version sits there now, or none: edits are always made against the
 * current text, never carried over from another version.
 */
function fixesOf(diag: Diagnostic, doc: CodeActionDoc): Fix[] {
  const current = findingAt(doc.findings, diag.code, diag.range);
  return current ? fixesFor(current, doc.findings) : [];
}

function workspaceEdit(doc: CodeActionDoc, edits: TextEdit[], options: CodeActionOptions): WorkspaceEdit {
  return options.documentChanges
    ? { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits }] }
    : { changes: { [doc.uri]: edits } };
}

export function codeActions(doc: CodeActionDoc, context: CodeActionContext, options: CodeActionOptions): CodeAction[] {
  const out: CodeAction[] = [];
  if (wanted(context.only, QUICK_FIX)) {
    // Several diagnostics under the cursor share group and file fixes: offer each once.
    const seen = new Map<string, CodeAction>();
    for (const diag of context.diagnostics) {
      if (diag.source !== SOURCE) continue;
      fixesOf(diag, doc).forEach((fix, i) => {
        const key = fix.title + JSON.stringify(fix.edits);
        const known = seen.get(key);
        if (known) {
          known.diagnostics!.push(diag);
          return;
        }
        const action: CodeAction = {
          title: fix.title,
          kind: QUICK_FIX,
          diagnostics: [diag],
          isPreferred: i === 0,
          edit: workspaceEdit(doc, fix.edits, options),
        };
        seen.set(key, action);
        out.push(action);
      });
    }
  }
  if (wanted(context.only, FIX_ALL_KIND)) {
    const edits = fixAllEdits(doc.findings);
    if (edits.length) {
      out.push({ title: 'Fix all auto-fixable digest problems', kind: FIX_ALL_KIND, edit: workspaceEdit(doc, edits, options) });
    }
  }
  return out;
}
