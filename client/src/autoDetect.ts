import * as vscode from 'vscode';
import { linesLookLikeDigest } from '../../server/src/model/detect';
import { LANGUAGE_ID } from '../../server/src/protocol';

const CANDIDATES = new Set(['markdown', 'plaintext']);

/** A Markdown or plain-text document whose text is a digest (the first non-blank line decides, as in the server and the CLI). */
function isMarkdownDigest(document: vscode.TextDocument): boolean {
  if (!CANDIDATES.has(document.languageId)) return false;
  if (document.uri.scheme === 'output' || document.uri.scheme === 'vscode-scm') return false;
  return linesLookLikeDigest(document.lineCount, (i) => document.lineAt(i).text);
}

function isCandidate(document: vscode.TextDocument): boolean {
  if (!vscode.workspace.getConfiguration('digest', document.uri).get<boolean>('autoDetect', true)) return false;
  return isMarkdownDigest(document);
}

/**
 * Whether the server checks the document as a digest: the digest language, or (with
 * auto-detection off, when Markdown stays Markdown) a Markdown or plain-text digest.
 */
export function isDigestDocument(document: vscode.TextDocument): boolean {
  return document.languageId === LANGUAGE_ID || isMarkdownDigest(document);
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
