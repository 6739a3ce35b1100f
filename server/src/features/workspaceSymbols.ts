import type { SymbolInformation } from 'vscode-languageserver-types';
import { papersWithDays } from '../lookup';
import type { IndexedDoc } from '../workspace/index';
import { check, type Cancel } from './cancel';
import { dayLabel, paperTitle } from './paperText';

const CLASS = 5;
/** Enough for a picker; a longer query narrows it. */
export const MAX_SYMBOLS = 1000;

/**
 * Papers whose title, arXiv id or an author contains the query (case-insensitive). The container
 * names the day, and the author when that is what matched, so a client filtering the results
 * itself still sees why a paper is there.
 */
export function workspaceSymbols(docs: readonly IndexedDoc[], query: string, token?: Cancel): SymbolInformation[] {
  const q = query.trim().toLowerCase();
  const out: SymbolInformation[] = [];
  for (const doc of docs) {
    check(token);
    for (const { paper, day } of papersWithDays(doc.digest)) {
      const title = paperTitle(paper);
      const id = paper.heading.arxiv?.id ?? '';
      let author: string | undefined;
      const matched =
        !q ||
        title.toLowerCase().includes(q) ||
        id.includes(q) ||
        (author = paper.authors.flatMap((l) => l.authors).find((a) => a.key.includes(q))?.name) !== undefined;
      if (!matched) continue;
      const container = [day ? dayLabel(day) : undefined, id || undefined, author].filter(Boolean).join(' · ');
      out.push({
        name: title,
        kind: CLASS,
        location: { uri: doc.uri, range: paper.heading.title?.range ?? paper.heading.range },
        containerName: container,
      });
      if (out.length >= MAX_SYMBOLS) return out;
    }
  }
  return out;
}
