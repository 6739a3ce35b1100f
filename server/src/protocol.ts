/**
 * Custom messages between the digest language server and its clients, declared once.
 * The VS Code client imports this file; it must stay free of server code.
 */
// The message types only, not the whole protocol library: the client's activation bundle imports this file.
import { NotificationType, RequestType } from 'vscode-jsonrpc/lib/common/messages';
import type { Diagnostic, Range } from 'vscode-languageserver-types';

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

/** A day of the tree, without its papers: the client asks for those when it expands the day. */
export interface TreeDay {
  /** `YYYY-MM-DD`. */
  date: string;
  /** Papers of that date in every file. */
  paperCount: number;
  /** Of those, the papers matching the request's filter (all of them without a filter). */
  matchCount: number;
  /** Problems of the day's papers and of its heading(s), whatever the filter. */
  problems: ProblemCounts;
}

export interface DayHeadingLocation {
  uri: string;
  /** The `##` heading line. */
  range: Range;
}

export interface TreeParams {
  /**
   * Case-insensitive substring of a title, an author name or an arXiv id. With one, only days
   * with a matching paper are listed, and a day's papers are the matching ones.
   */
  filter?: string;
}

/**
 * Where an undated group is: its file, and the line of its `##` heading; no line for the papers
 * before the file's first day heading.
 */
export interface UndatedPlace {
  uri: string;
  headingLine?: number;
}

/**
 * Papers the tree cannot file under a date, so that they can still be reached: one group per file
 * for the papers before any day heading, and one per `##` heading without a valid date (a bad
 * shape, or a date such as 2023-02-30). Groups without papers are not listed.
 */
export interface TreeUndated extends UndatedPlace {
  /** `No date` for papers before any day heading, else the heading text as written. */
  label: string;
  /** Papers of the group. */
  paperCount: number;
  /** Of those, the papers matching the request's filter (all of them without a filter). */
  matchCount: number;
  /** Problems of the group's papers, and of its heading and the lines under it when it has one. */
  problems: ProblemCounts;
}

export interface TreeResult {
  /** Newest first; with a filter, only days holding a matching paper. */
  days: TreeDay[];
  /** Dated days in the workspace whatever the filter: tells "no digest" from "nothing matches". */
  totalDays: number;
  /**
   * Undated groups, to be shown after the days: by file path, then in document order; with a
   * filter, only groups holding a matching paper. An older server leaves it out: read as none.
   */
  undated?: TreeUndated[];
  /** Undated groups in the workspace whatever the filter (as `totalDays`). */
  totalUndated?: number;
  /** True while the first workspace index is still being built. */
  indexing: boolean;
}

export interface TreeDayParams {
  date: string;
  /** The same filter as the tree request's. */
  filter?: string;
}

export interface TreeDayResult {
  date: string;
  /** Papers of that date from every file (matching the filter), in file then document order. */
  papers: TreePaper[];
  /** Where the day is written: one heading per file holding that date, in file order. */
  headings: DayHeadingLocation[];
}

export interface TreeUndatedParams extends UndatedPlace {
  /** The same filter as the tree request's. */
  filter?: string;
}

export interface TreeUndatedResult {
  /** Papers of the group (matching the filter), in document order. */
  papers: TreePaper[];
}

export interface PaperAtParams {
  uri: string;
  /** A line of the file (0-based). */
  line: number;
}

/**
 * The paper whose block holds the line, with its day, or with its undated group when it has no
 * dated day; null when the line is in none.
 */
export type PaperAtResult = { date: string; paper: TreePaper } | { undated: UndatedPlace; paper: TreePaper } | null;

export interface FileSummaryParams {
  uri: string;
}

/** Papers (dated or not) and their problems in one indexed file; null when it has no paper. */
export type FileSummaryResult = { papers: number; problems: ProblemCounts } | null;

/** Files the tree shows something of (a dated day or a paper), by path. */
export interface TreeFilesResult {
  uris: string[];
}

/** The language id of digests (package.json `contributes.languages`); always checked by the server. */
export const LANGUAGE_ID = 'digest-markdown';

/** The file extensions of that language (package.json `contributes.languages`), lower case. */
export const LANGUAGE_EXTENSIONS: readonly string[] = ['.digest.md'];

/** The code action kind of "fix every fixable problem in the file" (`editor.codeActionsOnSave`). */
export const FIX_ALL_KIND = 'source.fixAll.digest';

/** The days of the tree, with counts: what the view shows before any day is expanded. */
export namespace TreeRequest {
  export const method = 'digest/tree' as const;
  export const type = new RequestType<TreeParams, TreeResult, void>(method);
}

/** The papers of one day, when the client expands it. */
export namespace TreeDayRequest {
  export const method = 'digest/treeDay' as const;
  export const type = new RequestType<TreeDayParams, TreeDayResult, void>(method);
}

/** The papers of one undated group, when the client expands it. */
export namespace TreeUndatedRequest {
  export const method = 'digest/treeUndated' as const;
  export const type = new RequestType<TreeUndatedParams, TreeUndatedResult, void>(method);
}

/** The paper under a cursor, for the view's follow-cursor. */
export namespace PaperAtRequest {
  export const method = 'digest/paperAt' as const;
  export const type = new RequestType<PaperAtParams, PaperAtResult, void>(method);
}

/** Paper and problem counts of one file, for the status bar. */
export namespace FileSummaryRequest {
  export const method = 'digest/fileSummary' as const;
  export const type = new RequestType<FileSummaryParams, FileSummaryResult, void>(method);
}

/** The files the tree shows, for "Lint Workspace". */
export namespace TreeFilesRequest {
  export const method = 'digest/treeFiles' as const;
  export const type = new RequestType<Record<string, never>, TreeFilesResult, void>(method);
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

export interface LintWorkspaceResult {
  /** Every digest of the workspace that is not open, with its diagnostics (no fix data: fixes come from the open document). */
  files: { uri: string; diagnostics: Diagnostic[] }[];
}

/**
 * Lints every digest of the workspace that is not open, from disk, with the current settings, for
 * "Lint Workspace". Open documents are left out: their own diagnostics are live.
 */
export namespace LintWorkspaceRequest {
  export const method = 'digest/lintWorkspace' as const;
  export const type = new RequestType<Record<string, never>, LintWorkspaceResult, void>(method);
}
