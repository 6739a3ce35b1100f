import * as vscode from 'vscode';
import type { ProblemCounts, TreeDay, TreePaper } from '../../../server/src/protocol';
import { escapeMarkdown } from '../../../server/src/features/markdown';

export function problemTotal(p: ProblemCounts | undefined): number {
  return p ? p.errors + p.warnings + p.information : 0;
}

export function dayIcon(day: TreeDay): vscode.ThemeIcon {
  if (day.problems.errors > 0) return new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
  if (day.problems.warnings > 0) return new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
  return new vscode.ThemeIcon('calendar');
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
