import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { request } from './requests';
import { LintWorkspaceRequest, type TreePaper } from '../../server/src/protocol';
import type { Node, PaperNode, PapersTreeProvider } from './views/papersTree';
import { isDigestDocument } from './autoDetect';

const ARXIV = 'https://arxiv.org';

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
  if (!editor || !isDigestDocument(editor.document)) {
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

/**
 * Lists the problems of every digest in the workspace: the server lints the closed ones from disk
 * and their diagnostics go into a collection of their own (open documents have live ones). An
 * entry is dropped when its file is opened, since the live diagnostics then take over.
 */
async function lintWorkspace(client: LanguageClient, collection: vscode.DiagnosticCollection): Promise<void> {
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Linting digests', cancellable: true },
    (_progress, token) => {
      const source = new vscode.CancellationTokenSource();
      token.onCancellationRequested(() => source.cancel());
      return request(client, LintWorkspaceRequest.type, {}, source.token);
    },
  );
  collection.clear();
  let problems = 0;
  for (const file of result.files) {
    const diagnostics = await client.protocol2CodeConverter.asDiagnostics(file.diagnostics);
    problems += diagnostics.length;
    collection.set(vscode.Uri.parse(file.uri), diagnostics);
  }
  const open = vscode.workspace.textDocuments.filter(isDigestDocument).length;
  void vscode.window.showInformationMessage(
    `Digest: ${problems} ${problems === 1 ? 'problem' : 'problems'} in ${result.files.length} closed ${result.files.length === 1 ? 'digest' : 'digests'}` +
      (open ? ` (open digests show their own, live)` : '') + '.',
  );
  await vscode.commands.executeCommand('workbench.actions.view.problems');
}

export function registerCommands(
  context: vscode.ExtensionContext,
  client: () => Promise<LanguageClient>,
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
  const workspaceProblems = vscode.languages.createDiagnosticCollection('digest-workspace');
  context.subscriptions.push(
    workspaceProblems,
    vscode.workspace.onDidOpenTextDocument((d) => workspaceProblems.delete(d.uri)),
  );
  register('digest.lintWorkspace', async () => lintWorkspace(await client(), workspaceProblems));
  register('digest.restartServer', async () => {
    await (await client()).restart();
    await tree.refresh();
  });
  register('digest.showOutput', () => output.show(true));
}
