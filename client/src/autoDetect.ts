import * as vscode from 'vscode';
import { linesLookLikeDigest } from '../../server/src/model/detect';
import { LANGUAGE_ID } from '../../server/src/protocol';

const CANDIDATES = new Set(['markdown', 'plaintext']);

function isCandidate(document: vscode.TextDocument): boolean {
  if (!CANDIDATES.has(document.languageId)) return false;
  if (document.uri.scheme === 'output' || document.uri.scheme === 'vscode-scm') return false;
  if (!vscode.workspace.getConfiguration('digest', document.uri).get<boolean>('autoDetect', true)) return false;
  // The first non-blank line decides, however far down (as in the server and the CLI).
  return linesLookLikeDigest(document.lineCount, (i) => document.lineAt(i).text);
}

async function detect(document: vscode.TextDocument): Promise<void> {
  if (!isCandidate(document)) return;
  try {
    await vscode.languages.setTextDocumentLanguage(document, LANGUAGE_ID);
  } catch {
    // The document was closed before the switch; nothing to do.
  }
}

/** Switches Markdown and plain-text files that are digests to the digest language when opened. */
export function registerAutoDetect(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument(detect));
  for (const document of vscode.workspace.textDocuments) void detect(document);
}
