import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  IndexChangedNotification,
  TreeRequest,
  type TreeDay,
  type TreePaper,
} from '../../../server/src/protocol';
import { dayIcon, paperTooltip, problemTotal } from './render';

export type SortMode = 'votes' | 'order';

export interface DayNode {
  kind: 'day';
  day: TreeDay;
  papers: PaperNode[];
}

export interface PaperNode {
  kind: 'paper';
  paper: TreePaper;
  parent: DayNode;
}

export type Node = DayNode | PaperNode;

export type ViewState = 'indexing' | 'empty' | 'filteredEmpty' | 'ready';

const SORT_KEY = 'dailyPapers.sort';

/**
 * The Daily Papers tree: renders the server's `digest/tree` answer and never parses a digest.
 * Sorting and filtering work on that answer; navigation uses the ranges the server sent.
 */
export class PapersTreeProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly stateChanged = new vscode.EventEmitter<ViewState>();
  readonly onDidChangeState = this.stateChanged.event;
  private readonly disposables: vscode.Disposable[] = [this.changed, this.stateChanged];

  private days: TreeDay[] = [];
  private nodes: DayNode[] = [];
  private loaded = false;
  private pending: Promise<void> | undefined;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  sort: SortMode;
  filter = '';

  constructor(
    private readonly client: LanguageClient,
    private readonly memento: vscode.Memento,
  ) {
    this.sort = memento.get<SortMode>(SORT_KEY, 'order');
  }

  /** Starts listening to the server; call once the client has started. */
  attach(): void {
    this.disposables.push(
      this.client.onNotification(IndexChangedNotification.type, () => this.scheduleRefresh()),
    );
    void this.refresh();
  }

  get state(): ViewState {
    if (!this.loaded) return 'indexing';
    if (this.days.length === 0) return 'empty';
    if (this.nodes.length === 0) return 'filteredEmpty';
    return 'ready';
  }

  /** The last tree the server sent, unfiltered. */
  get data(): readonly TreeDay[] {
    return this.days;
  }

  get roots(): readonly DayNode[] {
    return this.nodes;
  }

  private scheduleRefresh(): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => void this.refresh(), 150);
  }

  /** Asks the server for the tree; concurrent calls share one request. */
  refresh(): Promise<void> {
    this.pending ??= (async () => {
      try {
        const result = await this.client.sendRequest(TreeRequest.type, {});
        this.days = result.days;
        this.loaded = true;
        this.rebuild();
      } finally {
        this.pending = undefined;
      }
    })();
    return this.pending;
  }

  setSort(mode: SortMode): void {
    this.sort = mode;
    void this.memento.update(SORT_KEY, mode);
    this.rebuild();
  }

  setFilter(text: string): void {
    this.filter = text.trim();
    this.rebuild();
  }

  private matches(paper: TreePaper, needle: string): boolean {
    if (!needle) return true;
    if (paper.title.toLowerCase().includes(needle)) return true;
    if (paper.arxivId?.toLowerCase().includes(needle)) return true;
    return paper.authors.some((a) => a.toLowerCase().includes(needle));
  }

  private rebuild(): void {
    const needle = this.filter.toLowerCase();
    const out: DayNode[] = [];
    for (const day of this.days) {
      const node: DayNode = { kind: 'day', day, papers: [] };
      const papers = day.papers.filter((p) => this.matches(p, needle));
      if (this.sort === 'votes') {
        // Stable: equal votes keep document order; papers without a count go last.
        papers.sort((a, b) => (b.votes ?? -1) - (a.votes ?? -1));
      }
      node.papers = papers.map((paper) => ({ kind: 'paper', paper, parent: node }));
      if (node.papers.length > 0 || !needle) out.push(node);
    }
    this.nodes = out;
    this.changed.fire(undefined);
    this.stateChanged.fire(this.state);
  }

  getChildren(node?: Node): Node[] {
    if (!node) return this.nodes;
    return node.kind === 'day' ? node.papers : [];
  }

  getParent(node: Node): Node | undefined {
    return node.kind === 'paper' ? node.parent : undefined;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'day') {
      const count = node.papers.length;
      const total = node.day.papers.length;
      const item = new vscode.TreeItem(node.day.date, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `day:${node.day.date}`;
      item.description = count === total ? `${total} ${total === 1 ? 'paper' : 'papers'}` : `${count} of ${total} papers`;
      item.iconPath = dayIcon(node.day);
      item.contextValue = 'day';
      const problems = problemTotal(node.day.problems);
      item.tooltip = problems ? `${node.day.date}: ${problems} ${problems === 1 ? 'problem' : 'problems'}` : node.day.date;
      return item;
    }
    const { paper } = node;
    const item = new vscode.TreeItem(paper.title || '(untitled paper)', vscode.TreeItemCollapsibleState.None);
    item.id = `paper:${paper.uri}#${paper.headingRange.start.line}`;
    item.description = paper.votes === undefined ? '▲ ?' : `▲ ${paper.votes}`;
    item.tooltip = paperTooltip(paper);
    item.contextValue = 'paper';
    item.iconPath = new vscode.ThemeIcon(problemTotal(paper.problems) ? 'warning' : 'file-text');
    item.command = { command: 'dailyPapers.openPaper', title: 'Open Paper', arguments: [node] };
    return item;
  }

  /** The paper node whose block holds the given line of the given file, if any. */
  findPaper(uri: string, line: number): PaperNode | undefined {
    for (const day of this.nodes) {
      for (const node of day.papers) {
        const { paper } = node;
        if (paper.uri === uri && paper.range.start.line <= line && line <= paper.range.end.line) return node;
      }
    }
    return undefined;
  }

  /** Papers and problems of one file, for the status bar. */
  fileSummary(uri: string): { papers: number; problems: number } | undefined {
    let papers = 0;
    let problems = 0;
    let found = false;
    for (const day of this.days) {
      for (const paper of day.papers) {
        if (paper.uri !== uri) continue;
        found = true;
        papers++;
        problems += problemTotal(paper.problems);
      }
    }
    return found ? { papers, problems } : undefined;
  }

  dispose(): void {
    clearTimeout(this.refreshTimer);
    for (const d of this.disposables) d.dispose();
  }
}
