import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { onNotification, request } from '../requests';
import {
  FileSummaryRequest,
  IndexChangedNotification,
  PaperAtRequest,
  TreeDayRequest,
  TreeRequest,
  type FileSummaryResult,
  type TreeDay,
  type TreePaper,
  type TreeResult,
} from '../../../server/src/protocol';
import { dayIcon, paperIcon, paperTooltip, problemTotal } from './render';

export type SortMode = 'votes' | 'order';

export interface DayNode {
  kind: 'day';
  day: TreeDay;
  /** The day's papers in document order, once the server sent them. */
  loaded?: PaperNode[];
  /** The same papers in the current sort. */
  papers?: PaperNode[];
  loading?: Promise<PaperNode[]>;
}

export interface PaperNode {
  kind: 'paper';
  paper: TreePaper;
  parent: DayNode;
}

export type Node = DayNode | PaperNode;

export type ViewState = 'indexing' | 'empty' | 'filteredEmpty' | 'ready';

const SORT_KEY = 'dailyPapers.sort';

/** A paper row's id: its file and heading line. */
export function paperId(paper: TreePaper): string {
  return `paper:${paper.uri}#${paper.headingRange.start.line}`;
}

/**
 * The Daily Papers tree: renders what the server sends and never parses a digest. `digest/tree`
 * gives the days with their counts (filtered on the server); a day's papers come from
 * `digest/treeDay` when the day is expanded. Sorting reorders the papers the server sent;
 * navigation uses the ranges it sent.
 */
export class PapersTreeProvider implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly stateChanged = new vscode.EventEmitter<ViewState>();
  readonly onDidChangeState = this.stateChanged.event;
  private readonly disposables: vscode.Disposable[] = [this.changed, this.stateChanged];

  private result: TreeResult | undefined;
  /** The filter the shown days were asked with: their papers are asked with it too. */
  private shownFilter = '';
  private nodes: DayNode[] = [];
  private pending: Promise<void> | undefined;
  /** Set when the tree must be asked again; a request in flight asks once more when it ends. */
  private stale = false;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  sort: SortMode;
  filter = '';

  /** Set by attach() once the language client has started; until then the view shows indexing. */
  private client: LanguageClient | undefined;

  constructor(private readonly memento: vscode.Memento) {
    this.sort = memento.get<SortMode>(SORT_KEY, 'order');
  }

  /** Starts listening to the server; call once the client has started. */
  attach(client: LanguageClient): void {
    this.client = client;
    this.disposables.push(
      onNotification(client, IndexChangedNotification.type, () => this.scheduleRefresh()),
    );
    void this.refresh().catch(() => undefined);
  }

  get state(): ViewState {
    if (!this.result || (this.result.indexing && this.result.totalDays === 0)) return 'indexing';
    if (this.result.totalDays === 0) return 'empty';
    if (this.nodes.length === 0) return 'filteredEmpty';
    return 'ready';
  }

  /** True until the server has built its first index. */
  get indexing(): boolean {
    return this.result?.indexing ?? true;
  }

  get roots(): readonly DayNode[] {
    return this.nodes;
  }

  private scheduleRefresh(): void {
    clearTimeout(this.refreshTimer);
    // A server that died mid-request rejects; the client restarts it and the next notice refreshes.
    this.refreshTimer = setTimeout(() => void this.refresh().catch(() => undefined), 150);
  }

  /** Asks the server for the days; calls during a request share it and ask once more after. */
  refresh(): Promise<void> {
    const client = this.client;
    if (!client) return Promise.resolve();
    this.stale = true;
    this.pending ??= (async () => {
      try {
        while (this.stale) {
          this.stale = false;
          const filter = this.filter;
          const result = await request(client, TreeRequest.type, filter ? { filter } : {});
          if (filter === this.filter) this.apply(result, filter);
        }
      } finally {
        this.pending = undefined;
      }
    })();
    return this.pending;
  }

  private apply(result: TreeResult, filter: string): void {
    this.result = result;
    this.shownFilter = filter;
    // Papers are asked for again as days are expanded: VS Code keeps expansion by the items' ids.
    this.nodes = result.days.map((day) => ({ kind: 'day', day }));
    this.changed.fire(undefined);
    this.stateChanged.fire(this.state);
  }

  setSort(mode: SortMode): void {
    this.sort = mode;
    void this.memento.update(SORT_KEY, mode);
    for (const node of this.nodes) if (node.loaded) node.papers = this.sorted(node.loaded);
    this.changed.fire(undefined);
    this.stateChanged.fire(this.state);
  }

  setFilter(text: string): Promise<void> {
    this.filter = text.trim();
    this.stateChanged.fire(this.state);
    return this.refresh();
  }

  private sorted(papers: PaperNode[]): PaperNode[] {
    if (this.sort === 'order') return papers;
    // Stable: equal votes keep document order; papers without a count go last.
    return [...papers].sort((a, b) => (b.paper.votes ?? -1) - (a.paper.votes ?? -1));
  }

  private loadDay(node: DayNode): Promise<PaperNode[]> {
    node.loading ??= (async () => {
      const filter = this.shownFilter;
      try {
        // Days exist only after a refresh, which needs the client.
        const result = await request(this.client!, TreeDayRequest.type, filter ? { date: node.day.date, filter } : { date: node.day.date });
        node.loaded = result.papers.map((paper) => ({ kind: 'paper', paper, parent: node }));
        node.papers = this.sorted(node.loaded);
        return node.papers;
      } finally {
        node.loading = undefined;
      }
    })();
    return node.loading;
  }

  getChildren(node?: Node): Node[] | Promise<Node[]> {
    if (!node) return this.nodes;
    if (node.kind === 'paper') return [];
    return node.papers ?? this.loadDay(node);
  }

  getParent(node: Node): Node | undefined {
    return node.kind === 'paper' ? node.parent : undefined;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'day') {
      const { date, matchCount: count, paperCount: total } = node.day;
      const item = new vscode.TreeItem(date, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `day:${date}`;
      item.description = count === total ? `${total} ${total === 1 ? 'paper' : 'papers'}` : `${count} of ${total} papers`;
      item.iconPath = dayIcon(node.day);
      item.contextValue = 'day';
      const problems = problemTotal(node.day.problems);
      item.tooltip = problems ? `${date}: ${problems} ${problems === 1 ? 'problem' : 'problems'}` : date;
      return item;
    }
    const { paper } = node;
    const item = new vscode.TreeItem(paper.title || '(untitled paper)', vscode.TreeItemCollapsibleState.None);
    item.id = paperId(paper);
    item.description = paper.votes === undefined ? '▲ ?' : `▲ ${paper.votes}`;
    item.tooltip = paperTooltip(paper);
    item.contextValue = 'paper';
    item.iconPath = paperIcon(paper);
    item.command = { command: 'dailyPapers.openPaper', title: 'Open Paper', arguments: [node] };
    return item;
  }

  /** The shown paper node whose block holds the given line of the given file, if any. */
  async findPaper(uri: string, line: number): Promise<PaperNode | undefined> {
    if (!this.client) return undefined;
    const hit = await request(this.client, PaperAtRequest.type, { uri, line });
    const day = hit ? this.nodes.find((d) => d.day.date === hit.date) : undefined;
    if (!hit || !day) return undefined;
    const id = paperId(hit.paper);
    const papers = day.papers ?? (await this.loadDay(day));
    return papers.find((p) => paperId(p.paper) === id);
  }

  /** Papers and problems of one file, for the status bar. */
  fileSummary(uri: string): Promise<FileSummaryResult> {
    return this.client ? request(this.client, FileSummaryRequest.type, { uri }) : Promise.resolve(null);
  }

  dispose(): void {
    clearTimeout(this.refreshTimer);
    for (const d of this.disposables) d.dispose();
  }
}
