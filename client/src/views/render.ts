import * as vscode from 'vscode';
import type { ProblemCounts, TreeDay, TreePaper } from '../../../server/src/protocol';
import { escapeMarkdown } from '../../../server/src/features/markdown';

export function problemTotal(p: ProblemCounts | undefined): number {
  return p ? p.errors + p.warnings + p.information : 0;
}

export type Severity = 'error' | 'warning' | 'information';

/** The worst severity among the counts; undefined when there is no problem. */
export function worstSeverity(p: ProblemCounts | undefined): Severity | undefined {
  if (!p) return undefined;
  if (p.errors > 0) return 'error';
  if (p.warnings > 0) return 'warning';
  if (p.information > 0) return 'information';
  return undefined;
}

/** The Problems panel's own icon and colour per severity, so a row reads as the panel does. */
const SEVERITY_ICON: Record<Severity, [icon: string, color: string]> = {
  error: ['error', 'problemsErrorIcon.foreground'],
  warning: ['warning', 'problemsWarningIcon.foreground'],
  information: ['info', 'problemsInfoIcon.foreground'],
};

/**
 * The icon of a row with problems is that of their worst severity, for days and papers alike, so
 * an information is never hidden and an error never looks like a warning; a row without problems
 * keeps its own icon.
 */
export function problemIcon(p: ProblemCounts | undefined, otherwise: string): vscode.ThemeIcon {
  const worst = worstSeverity(p);
  if (!worst) return new vscode.ThemeIcon(otherwise);
  const [icon, color] = SEVERITY_ICON[worst];
  return new vscode.ThemeIcon(icon, new vscode.ThemeColor(color));
}

export function dayIcon(day: TreeDay): vscode.ThemeIcon {
  return problemIcon(day.problems, 'calendar');
}

export function paperIcon(paper: TreePaper): vscode.ThemeIcon {
  return problemIcon(paper.problems, 'file-text');
}

/** The tooltip of a paper row: untrusted Markdown, file text escaped, no command links. */
export function paperTooltip(paper: TreePaper): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, false);
  md.isTrusted = false;
  md.supportHtml = false;
  md.appendMarkdown(`**${escapeMarkdown(paper.title)}**\n\n`);
  if (paper.arxivId) md.appendMarkdown(`arXiv ${escapeMarkdown(paper.arxivId)}`);
  md.appendMarkdown(paper.votes === undefined ? ' · no vote count\n\n' : ` · ▲ ${paper.votes}\n\n`);
  if (paper.authors.length) {
    const more = paper.truncated ? ', …' : '';
    md.appendMarkdown(`Authors: ${escapeMarkdown(paper.authors.join(', '))}${more}`);
  } else {
    md.appendMarkdown('No authors listed');
  }
  return md;
}
