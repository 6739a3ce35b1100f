import type { DocumentSymbol } from 'vscode-languageserver-types';
import type { Digest, Paper } from '../model/types';
import { dayLabel, paperTitle, plural, votesOf } from './paperText';

const NAMESPACE = 3;
const CLASS = 5;

function paperSymbol(paper: Paper): DocumentSymbol {
  const votes = votesOf(paper);
  const detail = [votes === undefined ? '▲ ?' : `▲ ${votes}`, paper.heading.arxiv?.id].filter(Boolean).join(' · ');
  return {
    name: paperTitle(paper),
    detail,
    kind: CLASS,
    range: paper.range,
    selectionRange: paper.heading.title?.range ?? paper.heading.range,
  };
}

/** The outline: days with their papers; papers before any day heading at the top level. */
export function documentSymbols(digest: Digest): DocumentSymbol[] {
  const out = digest.orphanPapers.map(paperSymbol);
  for (const day of digest.days) {
    out.push({
      name: dayLabel(day),
      detail: plural(day.papers.length, 'paper'),
      kind: NAMESPACE,
      range: day.range,
      selectionRange: day.heading.range,
      children: day.papers.map(paperSymbol),
    });
  }
  return out;
}
