import type { FoldingRange } from 'vscode-languageserver-types';
import type { Digest, Range } from '../model/types';
import { allPapers } from '../model/types';

function fold(range: Range): FoldingRange | undefined {
  return range.end.line > range.start.line ? { startLine: range.start.line, endLine: range.end.line } : undefined;
}

/** One fold per day and one per paper, each from its heading to its last non-blank line. */
export function foldingRanges(digest: Digest): FoldingRange[] {
  const out: FoldingRange[] = [];
  for (const day of digest.days) {
    const f = fold(day.range);
    if (f) out.push(f);
  }
  for (const paper of allPapers(digest)) {
    const f = fold(paper.range);
    if (f) out.push(f);
  }
  return out.sort((a, b) => a.startLine - b.startLine);
}
