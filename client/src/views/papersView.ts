import * as vscode from 'vscode';
import { paperId, type Node, type PapersTreeProvider } from './papersTree';

export const VIEW_ID = 'dailyPapers.papers';

/** Creates the tree view and keeps its context keys, message and cursor-following in step. */
export function registerPapersView(context: vscode.ExtensionContext, provider: PapersTreeProvider): vscode.TreeView<Node> {
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  context.subscriptions.push(view);

  const syncContext = () => {
    void vscode.commands.executeCommand('setContext', 'dailyPapers.state', provider.state);
    void vscode.commands.executeCommand('setContext', 'dailyPapers.sort', provider.sort);
    void vscode.commands.executeCommand('setContext', 'dailyPapers.filtered', provider.filter !== '');
    view.description = provider.filter ? `filter: ${provider.filter}` : undefined;
  };
  syncContext();
  context.subscriptions.push(provider.onDidChangeState(syncContext));

  // Progress in the view until the server has built its first index.
  void vscode.window.withProgress({ location: { viewId: VIEW_ID } }, () => new Promise<void>((resolve) => {
    if (!provider.indexing) return resolve();
    const sub = provider.onDidChangeState(() => {
      if (!provider.indexing) {
        sub.dispose();
        resolve();
      }
    });
    context.subscriptions.push(sub);
  }));

  // The server answers which paper is under the cursor; only the answer to the latest move counts.
  let moves = 0;
  const follow = async (editor: vscode.TextEditor | undefined) => {
    if (!editor || !view.visible) return;
    if (!vscode.workspace.getConfiguration('digest', editor.document.uri).get<boolean>('tree.followCursor', true)) return;
    const move = ++moves;
    const node = await provider.findPaper(editor.document.uri.toString(), editor.selection.active.line).catch(() => undefined);
    if (move !== moves || !node) return;
    const selected = view.selection.length === 1 ? view.selection[0] : undefined;
    if (!(selected?.kind === 'paper' && paperId(selected.paper) === paperId(node.paper))) {
      void view.reveal(node, { select: true, focus: false, expand: false });
    }
  };
  context.subscriptions.push(
    vscode.window.onDidChangeTextEditorSelection((e) => void follow(e.textEditor)),
    vscode.window.onDidChangeActiveTextEditor((e) => void follow(e)),
  );
  return view;
}
