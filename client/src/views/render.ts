import * as vscode from 'vscode';
import type { ProblemCounts, TreeDay, TreePaper, TreeUndated } from '../../../server/src/protocol';
import { escapeMarkdown } from '../../../server/src/features/markdown';

/** How the tree shows what the server sent: rows from protocol data, nothing parsed. */

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
 * The icon of a row with problems is that of their worst severity, whatever the row (day, undated
 * group or paper), so an information is never hidden and an error never looks like a warning; a
 * row without problems keeps its own icon.
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

export function undatedIcon(group: TreeUndated): vscode.ThemeIcon {
  return problemIcon(group.problems, 'question');
}

export function paperIcon(paper: TreePaper): vscode.ThemeIcon {
  return problemIcon(paper.problems, 'file-text');
}

function paperCount(count: number, total: number): string {
  return count === total ? `${total} ${total === 1 ? 'paper' : 'papers'}` : `${count} of ${total} papers`;
}

function problemsText(p: ProblemCounts): string {
  const n = problemTotal(p);
  return `${n} ${n === 1 ? 'problem' : 'problems'}`;
}

/** The last segment of a file URI, decoded: a name to tell groups of several files apart. */
export function fileName(uri: string): string {
  const name = uri.slice(uri.replace(/\/+$/, '').lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/** A day row: its date, its paper count (of the filter's matches) and its worst problem. */
export function dayItem(day: TreeDay): vscode.TreeItem {
  const item = new vscode.TreeItem(day.date, vscode.TreeItemCollapsibleState.Collapsed);
  item.description = paperCount(day.matchCount, day.paperCount);
  item.iconPath = dayIcon(day);
  item.contextValue = 'day';
  item.tooltip = problemTotal(day.problems) ? `${day.date}: ${problemsText(day.problems)}` : day.date;
  return item;
}

/**
 * An undated group row: its label (the heading as written, or "No date") with its file's name, as
 * groups of several files may share a label. The tooltip is plain text: it holds file text.
 */
export function undatedItem(group: TreeUndated): vscode.TreeItem {
  const item = new vscode.TreeItem(group.label, vscode.TreeItemCollapsibleState.Collapsed);
  const file = fileName(group.uri);
  item.description = `${paperCount(group.matchCount, group.paperCount)} · ${file}`;
  item.iconPath = undatedIcon(group);
  item.contextValue = 'undated';
  const where =
    group.headingLine === undefined
      ? `${file}: papers before any day heading`
      : `${file}, line ${group.headingLine + 1}: a heading without a valid date (## Daily Papers (YYYY-MM-DD))`;
  item.tooltip = problemTotal(group.problems) ? `${where}\n${problemsText(group.problems)}` : where;
  return item;
}

/** A paper row: title, `▲ votes`, authors in the tooltip, the icon of its worst problem. */
export function paperItem(paper: TreePaper): vscode.TreeItem {
  const item = new vscode.TreeItem(paper.title || '(untitled paper)', vscode.TreeItemCollapsibleState.None);
  item.description = paper.votes === undefined ? '▲ ?' : `▲ ${paper.votes}`;
  item.tooltip = paperTooltip(paper);
  item.contextValue = 'paper';
  item.iconPath = paperIcon(paper);
  return item;
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
