import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { Day, Digest, Paper } from '../model/types';

export type Severity = 'error' | 'warning' | 'information';
export type SeveritySetting = Severity | 'off';

/** A quick fix, as data: the edits a rule computed when it found the problem. */
export interface Fix {
  title: string;
  edits: TextEdit[];
}

export interface Related {
  range: Range;
  message: string;
}

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  range: Range;
  related?: Related[];
  /** Alternatives, the preferred one first. */
  fixes?: Fix[];
  /**
   * Findings with the same group can be fixed together (e.g. every repeat on one Authors: line).
   * A group about a line ends with that line's number (`authors:8`), so a finding moved by an
   * edit above it moves its group too.
   */
  group?: string;
}

export type Report = Omit<Finding, 'rule' | 'severity'>;

export interface Context {
  /**
   * Reports a finding. Its related entries, fixes and edits become the finding's own: make them
   * for this report (an edit kept across edits is given a moved range). Ranges and positions may
   * be shared with the model, between edits and between findings: ranges are never changed in place.
   */
  report(finding: Report): void;
}

export interface Rule {
  id: string;
  /** One sentence for the README and settings. */
  description: string;
  severity: Severity;
  fixable: boolean;
  /**
   * Whether the preferred fix is the one right answer, so Fix All, fix-on-save and
   * `digest-lint --fix` apply it unasked. A rule whose fixes are alternatives (a space or `<…>`)
   * leaves the choice to the writer: its fixes are quick fixes only.
   */
  fixAll: boolean;
  /** Titles of the fixes that cover several findings at once, when the rule offers them. */
  groupFixTitles?: { group: string; file: string };
  /** Checks one paper; results depend on nothing outside the paper's block. */
  checkPaper?(paper: Paper, ctx: Context): void;
  /** Checks one day: its heading and its papers in order; depends on nothing outside the day. */
  checkDay?(day: Day, ctx: Context): void;
  /** Checks what spans days: duplicates across days, papers before any day, stray lines. */
  checkDigest?(digest: Digest, ctx: Context): void;
}
