import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { onNotification, request } from '../requests';
import {
  FileSummaryRequest,
  IndexChangedNotification,
  PaperAtRequest,
  TreeDayRequest,
  TreeRequest,
  TreeUndatedRequest,
  type FileSummaryResult,
  type TreeDay,
  type TreePaper,
  type TreeResult,
  type TreeUndated,
  type UndatedPlace,
} from '../../../server/src/protocol';
import { dayItem, paperItem, undatedItem } from './render';

export type SortMode = 'votes' | 'order';

/** A row holding papers: the server sends them when it is expanded. */
interface PapersParent {
  /** The papers in document order, once the server sent them. */
  loaded?: PaperNode[];
  /** The same papers in the current sort. */
  papers?: PaperNode[];
  loading?: Promise<PaperNode[]>;
}

export interface DayNode extends PapersParent {
  kind: 'day';
  day: TreeDay;
}

/** Papers without a dated day (before any day heading, or under a heading without a valid date). */
export interface UndatedNode extends PapersParent {
  kind: 'undated';
  group: TreeUndated;
}

export type ParentNode = DayNode | UndatedNode;

export interface PaperNode {
  kind: 'paper';
  paper: TreePaper;
  parent: ParentNode;
}

export type Node = ParentNode | PaperNode;

export type ViewState = 'indexing' | 'empty' | 'filteredEmpty' | 'ready';

const SORT_KEY = 'dailyPapers.sort';

/** A paper row's id: its file and heading line. */
export function paperId(paper: TreePaper): string {
  return `paper:${paper.uri}#${paper.headingRange.start.line}`;
}

/** An undated group's row id: its file and heading line (none for the papers before any heading). */
export function undatedId(place: UndatedPlace): string {
  return `undated:${place.uri}#${place.headingLine ?? 'top'}`;
}

/**
 * The Daily Papers tree: renders what the server sends and never parses a digest. `digest/tree`
 * gives the days, then the undated groups, with their counts (filtered on the server); a day's
 * papers come from `digest/treeDay` when the day is expanded, a group's from `digest/treeUndated`.
 * Sorting reorders the papers the server sent; navigation uses the ranges it sent.
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
  /** The days, newest first, then the undated groups. */
  private nodes: ParentNode[] = [];
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
    const total = this.result ? this.result.totalDays + (this.result.totalUndated ?? 0) : 0;
    if (!this.result || (this.result.indexing && total === 0)) return 'indexing';
    if (total === 0) return 'empty';
    if (this.nodes.length === 0) return 'filteredEmpty';
    return 'ready';
  }

  /** True until the server has built its first index. */
  get indexing(): boolean {
    return this.result?.indexing ?? true;
  }

  get roots(): readonly ParentNode[] {
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
    // Papers are asked for again as rows are expanded: VS Code keeps expansion by the items' ids.
    const days: ParentNode[] = result.days.map((day) => ({ kind: 'day', day }));
    // An older server sends no undated groups.
    const undated: ParentNode[] = (result.undated ?? []).map((group) => ({ kind: 'undated', group }));
    this.nodes = days.concat(undated);
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

  /** The node's papers as the server sends them, for a day or an undated group. */
  private async fetchPapers(node: ParentNode, filter: string): Promise<TreePaper[]> {
    const client = this.client!; // nodes exist only after a refresh, which needs the client
    const withFilter = filter ? { filter } : {};
    if (node.kind === 'day') return (await request(client, TreeDayRequest.type, { date: node.day.date, ...withFilter })).papers;
    const { uri, headingLine } = node.group;
    return (await request(client, TreeUndatedRequest.type, { uri, headingLine, ...withFilter })).papers;
  }

  private loadPapers(node: ParentNode): Promise<PaperNode[]> {
    node.loading ??= (async () => {
      try {
        const papers = await this.fetchPapers(node, this.shownFilter);
        node.loaded = papers.map((paper) => ({ kind: 'paper', paper, parent: node }));
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
    return node.papers ?? this.loadPapers(node);
  }

  getParent(node: Node): Node | undefined {
    return node.kind === 'paper' ? node.parent : undefined;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'day') {
      const item = dayItem(node.day);
      item.id = `day:${node.day.date}`;
      return item;
    }
    if (node.kind === 'undated') {
      const item = undatedItem(node.group);
      item.id = undatedId(node.group);
      return item;
    }
    const item = paperItem(node.paper);
    item.id = paperId(node.paper);
    item.command = { command: 'dailyPapers.openPaper', title: 'Open Paper', arguments: [node] };
    return item;
  }

  /** The shown paper node whose block holds the given line of the given file, if any. */
  async findPaper(uri: string, line: number): Promise<PaperNode | undefined> {
    if (!this.client) return undefined;
    const hit = await request(this.client, PaperAtRequest.type, { uri, line });
    if (!hit) return undefined;
    const parent =
      'date' in hit
        ? this.nodes.find((n) => n.kind === 'day' && n.day.date === hit.date)
        : this.nodes.find((n) => n.kind === 'undated' && undatedId(n.group) === undatedId(hit.undated));
    if (!parent) return undefined;
    const id = paperId(hit.paper);
    const papers = parent.papers ?? (await this.loadPapers(parent));
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
