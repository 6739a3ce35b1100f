import type { Location } from 'vscode-languageserver-types';
import type { Digest, Position } from '../model/types';
import { authorAt } from '../lookup';
import { authorRange, papersOf, type FileSummary } from '../workspace/summary';
import { check, type Cancel } from './cancel';

/** Papers listing an author (by comparison key): the first occurrence of the name in each. */
export function authorOccurrences(files: readonly FileSummary[], key: string, token?: Cancel): Location[] {
  const out: Location[] = [];
  for (const file of files) {
    check(token);
    for (const { paper } of papersOf(file)) {
      const i = paper.authors.findIndex((a) => a.key === key);
      if (i !== -1) out.push({ uri: file.uri, range: authorRange(paper, i) });
    }
  }
  return out;
}

/** References of the author name under the cursor: every paper in the workspace that lists it. */
export function references(digest: Digest, pos: Position, files: readonly FileSummary[], token?: Cancel): Location[] | null {
  const at = authorAt(digest, pos);
  return at ? authorOccurrences(files, at.author.key, token) : null;
}

/** How many papers list each author key, for hover. */
export function papersByAuthor(files: readonly FileSummary[], key: string): number {
  let n = 0;
  for (const file of files) {
    for (const { paper } of papersOf(file)) {
      if (paper.authors.some((a) => a.key === key)) n++;
    }
  }
  return n;
}
