import type { CodeAction, CodeActionContext, Diagnostic, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { fixAllEdits, fixesFor, sharedFixes } from '../fixes';
import { FIX_ALL_KIND } from '../protocol';
import type { Finding, Fix } from '../rules/types';
import { readFixData, SOURCE } from './diagnostics';

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

function sameRange(a: Diagnostic['range'], b: Diagnostic['range']): boolean {
  return (
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}

/**
 * The fixes of one diagnostic. Its data is used when it was made for the current version; a client
 * holding diagnostics of an older version gets the fixes of the matching finding of this version
 * (same rule, same range) or none, never edits computed against other text.
 */
function fixesOf(diag: Diagnostic, doc: CodeActionDoc): Fix[] {
  const fromData = readFixData(diag.data, doc.version);
  if (fromData && typeof diag.code === 'string') {
    return [...fromData.fixes, ...sharedFixes({ rule: diag.code, group: fromData.group }, doc.findings)];
  }
  const current = doc.findings.find((f) => f.rule === diag.code && sameRange(f.range, diag.range));
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
