import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { TreeFilesRequest, type TreePaper } from '../../server/src/protocol';
import type { Node, PaperNode, PapersTreeProvider } from './views/papersTree';

const ARXIV = 'https://arxiv.org';
/** Opening more digests than this at once for "Lint Workspace" asks first. */
const LINT_CONFIRM_ABOVE = 300;

function paperOf(node: Node | undefined): TreePaper | undefined {
  return node?.kind === 'paper' ? node.paper : undefined;
}

async function openPaper(node: PaperNode | undefined): Promise<void> {
  const paper = paperOf(node);
  if (!paper) return;
  const { start, end } = paper.headingRange;
  const selection = new vscode.Range(start.line, start.character, end.line, end.character);
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(paper.uri));
  await vscode.window.showTextDocument(document, { selection: new vscode.Range(selection.start, selection.start), preview: true });
  const editor = vscode.window.activeTextEditor;
  editor?.revealRange(selection, vscode.TextEditorRevealType.AtTop);
}

function arxivUrl(paper: TreePaper, kind: 'abs' | 'pdf'): vscode.Uri | undefined {
  // Only ids the server validated reach here; the URL is built, never taken from the file.
  return paper.arxivId ? vscode.Uri.parse(`${ARXIV}/${kind}/${paper.arxivId}`) : undefined;
}

async function fixAll(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'digest-markdown') {
    void vscode.window.showInformationMessage('Digest: open a Daily Papers digest to fix it.');
    return;
  }
  const document = editor.document;
  const whole = new vscode.Range(0, 0, document.lineCount, 0);
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
    'vscode.executeCodeActionProvider', document.uri, whole, 'source.fixAll.digest',
  );
  const edit = actions?.find((a) => a.kind?.value === 'source.fixAll.digest')?.edit;
  if (!edit || edit.size === 0) {
    void vscode.window.showInformationMessage('Digest: nothing to fix in this file.');
    return;
  }
  await vscode.workspace.applyEdit(edit);
}

async function lintWorkspace(client: LanguageClient): Promise<void> {
  const uris = new Set((await client.sendRequest(TreeFilesRequest.type, {})).uris);
  if (uris.size === 0) {
    void vscode.window.showInformationMessage('Digest: no digest found in this workspace.');
    return;
  }
  if (uris.size > LINT_CONFIRM_ABOVE) {
    const go = await vscode.window.showWarningMessage(
      `Open ${uris.size} digests to list their problems?`, { modal: true }, 'Lint Workspace',
    );
    if (go !== 'Lint Workspace') return;
  }
  // Opening a document (without an editor) makes the server report its diagnostics to Problems.
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Linting digests', cancellable: true },
    async (progress, token) => {
      let done = 0;
      for (const uri of uris) {
        if (token.isCancellationRequested) break;
        await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
        progress.report({ increment: 100 / uris.size, message: `${++done} of ${uris.size}` });
      }
    },
  );
  await vscode.commands.executeCommand('workbench.actions.view.problems');
}

export function registerCommands(
  context: vscode.ExtensionContext,
  client: LanguageClient,
  tree: PapersTreeProvider,
  output: vscode.OutputChannel,
): void {
  const register = (id: string, fn: (...args: never[]) => unknown) =>
    context.subscriptions.push(vscode.commands.registerCommand(id, fn));

  register('dailyPapers.openPaper', (node: PaperNode) => openPaper(node));
  register('dailyPapers.sortByVotes', () => tree.setSort('votes'));
  register('dailyPapers.sortByOrder', () => tree.setSort('order'));
  register('dailyPapers.refresh', () => tree.refresh());
  register('dailyPapers.clearFilter', () => tree.setFilter(''));
  register('dailyPapers.filter', async () => {
    const text = await vscode.window.showInputBox({
      title: 'Filter Papers',
      prompt: 'Show papers whose title, author or arXiv id contains this text',
      value: tree.filter,
    });
    if (text !== undefined) tree.setFilter(text);
  });
  register('dailyPapers.openOnArxiv', (node: Node) => {
    const paper = paperOf(node);
    const url = paper && arxivUrl(paper, 'abs');
    if (url) void vscode.env.openExternal(url);
  });
  register('dailyPapers.openPdf', (node: Node) => {
    const paper = paperOf(node);
    const url = paper && arxivUrl(paper, 'pdf');
    if (url) void vscode.env.openExternal(url);
  });
  register('dailyPapers.copyArxivId', async (node: Node) => {
    const paper = paperOf(node);
    if (paper?.arxivId) await vscode.env.clipboard.writeText(paper.arxivId);
  });
  register('dailyPapers.copyMarkdownLink', async (node: Node) => {
    const paper = paperOf(node);
    if (!paper?.arxivId) return;
    const title = paper.title.replace(/[[\]\\]/g, (c) => '\\' + c);
    await vscode.env.clipboard.writeText(`[${title}](${ARXIV}/abs/${paper.arxivId})`);
  });
  register('digest.fixAll', () => fixAll());
  register('digest.lintWorkspace', () => lintWorkspace(client));
  register('digest.restartServer', async () => {
    await client.restart();
    await tree.refresh();
  });
  register('digest.showOutput', () => output.show(true));
}
