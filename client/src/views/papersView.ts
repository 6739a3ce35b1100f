import * as vscode from 'vscode';
import type { Node, PapersTreeProvider } from './papersTree';

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

  // Progress in the view while the first index is built.
  void vscode.window.withProgress({ location: { viewId: VIEW_ID } }, () => new Promise<void>((resolve) => {
    if (provider.state !== 'indexing') return resolve();
    const sub = provider.onDidChangeState((state) => {
      if (state !== 'indexing') {
        sub.dispose();
        resolve();
      }
    });
    context.subscriptions.push(sub);
  }));

  const follow = (editor: vscode.TextEditor | undefined) => {
    if (!editor || !view.visible) return;
    if (!vscode.workspace.getConfiguration('digest', editor.document.uri).get<boolean>('tree.followCursor', true)) return;
    const node = provider.findPaper(editor.document.uri.toString(), editor.selection.active.line);
    if (node && !(view.selection.length === 1 && view.selection[0] === node)) {
      void view.reveal(node, { select: true, focus: false, expand: false });
    }
  };
  context.subscriptions.push(
    vscode.window.onDidChangeTextEditorSelection((e) => follow(e.textEditor)),
    vscode.window.onDidChangeActiveTextEditor(follow),
  );
  return view;
}
