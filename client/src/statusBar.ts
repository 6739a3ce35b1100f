import * as vscode from 'vscode';
import type { PapersTreeProvider } from './views/papersTree';
import { LANGUAGE_ID } from '../../server/src/protocol';


/** Shows papers and problems of the active digest; a click opens the Problems panel. */
export class DigestStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('digest.status', vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[] = [this.item];

  constructor(private readonly tree: PapersTreeProvider) {
    this.item.name = 'Daily Papers Digest';
    this.item.command = 'workbench.actions.view.problems';
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => void this.update()),
      // Diagnostics change for every file linted; only the active one's matter here.
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && e.uris.some((u) => u.toString() === active)) void this.update();
      }),
      tree.onDidChangeTreeData(() => void this.update()),
    );
    void this.update();
  }

  /** Bumped by each update: an answer from the server to an older one is dropped. */
  private updates = 0;

  private async update(): Promise<void> {
    const document = vscode.window.activeTextEditor?.document;
    const update = ++this.updates;
    if (!document || document.languageId !== LANGUAGE_ID) {
      this.item.hide();
      return;
    }
    const summary = await this.tree.fileSummary(document.uri.toString()).catch(() => null);
    if (update !== this.updates) return;
    const problems = vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === 'digest').length;
    const papers = summary?.papers;
    const paperText = papers === undefined ? '' : `${papers} ${papers === 1 ? 'paper' : 'papers'} · `;
    this.item.text = `$(book) ${paperText}${problems ? `$(warning) ${problems}` : '$(check) no problems'}`;
    this.item.tooltip = 'Daily Papers Digest: click to open the Problems panel';
    this.item.show();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
