import * as vscode from 'vscode';
import { looksLikeDigest } from '../../server/src/model/parse';
import { LANGUAGE_ID } from '../../server/src/protocol';

const CANDIDATES = new Set(['markdown', 'plaintext']);
/** Content detection reads only the head of a file: the first non-blank line decides. */
const HEAD = 4096;

function isCandidate(document: vscode.TextDocument): boolean {
  if (!CANDIDATES.has(document.languageId)) return false;
  if (document.uri.scheme === 'output' || document.uri.scheme === 'vscode-scm') return false;
  if (!vscode.workspace.getConfiguration('digest', document.uri).get<boolean>('autoDetect', true)) return false;
  const head = document.getText(new vscode.Range(0, 0, Math.min(document.lineCount, 200), 0)).slice(0, HEAD);
  return looksLikeDigest(head);
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
