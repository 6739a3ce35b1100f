/**
 * Custom messages between the digest language server and its clients, declared once.
 * The VS Code client imports this file; it must stay free of server code.
 */
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { Range } from 'vscode-languageserver-types';

export interface ProblemCounts {
  errors: number;
  warnings: number;
  information: number;
}

export interface TreePaper {
  /** The file the paper is in. */
  uri: string;
  title: string;
  /** Validated arXiv id without version, when the heading has one. */
  arxivId?: string;
  votes?: number;
  /** Unique author names in order of first appearance. */
  authors: string[];
  /** The author list ends with `, +`. */
  truncated: boolean;
  /** The whole paper block. */
  range: Range;
  /** The `###` heading line; the client opens the file here. */
  headingRange: Range;
  problems: ProblemCounts;
}

export interface TreeDay {
  /** `YYYY-MM-DD`. */
  date: string;
  /** Papers of that date from every file, in file then document order. */
  papers: TreePaper[];
  /** Problems of the day's papers and of its heading(s). */
  problems: ProblemCounts;
  /** Where the day is written: one heading per file holding that date, in file order. */
  headings: DayHeadingLocation[];
}

export interface DayHeadingLocation {
  uri: string;
  /** The `##` heading line. */
  range: Range;
}

export interface TreeParams {
  /** Reserved for paging; an empty object asks for everything. */
  readonly _?: never;
}

export interface TreeResult {
  /** Newest first. */
  days: TreeDay[];
  /** True while the first workspace index is still being built. */
  indexing: boolean;
}

/** The code action kind of "fix every fixable problem in the file" (`editor.codeActionsOnSave`). */
export const FIX_ALL_KIND = 'source.fixAll.digest';

export namespace TreeRequest {
  export const method = 'digest/tree' as const;
  export const type = new RequestType<TreeParams, TreeResult, void>(method);
}

export interface IndexChangedParams {
  /** Files added, changed or removed since the last notification; empty after a full (re)scan. */
  uris: string[];
  /** True while the first workspace index is still being built. */
  indexing: boolean;
}

/** Sent when the workspace index changed, so clients ask for the tree again. */
export namespace IndexChangedNotification {
  export const method = 'digest/indexChanged' as const;
  export const type = new NotificationType<IndexChangedParams>(method);
}
