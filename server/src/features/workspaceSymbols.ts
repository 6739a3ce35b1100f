import type { SymbolInformation } from 'vscode-languageserver-types';
import { papersOf, type FileSummary } from '../workspace/summary';
import { check, type Cancel } from './cancel';

const CLASS = 5;
/** Enough for a picker; a longer query narrows it. */
export const MAX_SYMBOLS = 1000;

/**
 * Papers whose title, arXiv id or an author contains the query (case-insensitive). The container
 * names the day, and the author when that is what matched, so a client filtering the results
 * itself still sees why a paper is there.
 */
export function workspaceSymbols(files: readonly FileSummary[], query: string, token?: Cancel): SymbolInformation[] {
  const q = query.trim().toLowerCase();
  const out: SymbolInformation[] = [];
  for (const file of files) {
    check(token);
    for (const { paper, day } of papersOf(file)) {
      const title = paper.title;
      const id = paper.arxivId ?? '';
      let author: string | undefined;
      const matched =
        !q ||
        title.toLowerCase().includes(q) ||
        id.includes(q) ||
        (author = paper.authors.find((a) => a.key.includes(q))?.name) !== undefined;
      if (!matched) continue;
      const container = [day?.label, id || undefined, author].filter(Boolean).join(' · ');
      out.push({
        name: title,
        kind: CLASS,
        location: { uri: file.uri, range: paper.titleRange ?? paper.headingRange },
        containerName: container,
      });
      if (out.length >= MAX_SYMBOLS) return out;
    }
  }
  return out;
}
