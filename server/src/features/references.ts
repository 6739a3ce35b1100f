import type { Location } from 'vscode-languageserver-types';
import type { Digest, Position } from '../model/types';
import { authorAt, papersWithDays } from '../lookup';
import type { IndexedDoc } from '../workspace/index';
import { check, type Cancel } from './cancel';

/** Papers listing an author (by comparison key): the first occurrence of the name in each. */
export function authorOccurrences(docs: readonly IndexedDoc[], key: string, token?: Cancel): Location[] {
  const out: Location[] = [];
  for (const doc of docs) {
    check(token);
    for (const { paper } of papersWithDays(doc.digest)) {
      const hit = paper.authors.flatMap((l) => l.authors).find((a) => a.key === key);
      if (hit) out.push({ uri: doc.uri, range: hit.range });
    }
  }
  return out;
}

/** References of the author name under the cursor: every paper in the workspace that lists it. */
export function references(digest: Digest, pos: Position, docs: readonly IndexedDoc[], token?: Cancel): Location[] | null {
  const at = authorAt(digest, pos);
  return at ? authorOccurrences(docs, at.author.key, token) : null;
}

/** How many papers list each author key, for hover. */
export function papersByAuthor(docs: readonly IndexedDoc[], key: string): number {
  let n = 0;
  for (const doc of docs) {
    for (const { paper } of papersWithDays(doc.digest)) {
      if (paper.authors.some((l) => l.authors.some((a) => a.key === key))) n++;
    }
  }
  return n;
}
