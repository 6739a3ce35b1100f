import type { CompletionItem, CompletionList } from 'vscode-languageserver-types';
import { authorKey } from '../model/authors';
import type { Digest, Position } from '../model/types';
import { papersOf, type FileSummary } from '../workspace/summary';
import { check, type Cancel } from './cancel';
import { plural } from './paperText';

const AUTHORS = /^(\s*)Authors:/;
const TEXT = 1;

/**
 * Author names on an `Authors:` line: every author known to the workspace index, minus the names
 * already on the line, replacing the partial name before the cursor. The raw line is read (not the
 * parsed model) because the line being typed may not parse as an authors line yet.
 */
export function completion(digest: Digest, pos: Position, files: readonly FileSummary[], token?: Cancel): CompletionList | null {
  if (!Number.isInteger(pos.line) || pos.line < 0 || pos.line >= digest.lineStarts.length) return null;
  const line = digest.text.slice(digest.lineStarts[pos.line], digest.lineEnds[pos.line]);
  // A character past the end of the line means its end (as LSP says).
  const character = Math.min(Math.max(0, Math.trunc(pos.character) || 0), line.length);
  const head = AUTHORS.exec(line);
  if (!head || character < head[0].length) return null;
  const before = line.slice(0, character);
  let from = Math.max(before.lastIndexOf(',') + 1, head[0].length);
  while (from < before.length && /\s/.test(before[from])) from++;
  const onLine = new Set(
    line
      .slice(head[0].length)
      .split(',')
      .map(authorKey)
      .filter((k, i, all) => k && !(i === all.length - 1 && k === '+')),
  );
  const typed = authorKey(before.slice(from));
  onLine.delete(typed);

  const counts = new Map<string, { name: string; papers: number }>();
  for (const file of files) {
    check(token);
    for (const { paper } of papersOf(file)) {
      // A summary's authors are unique by key already.
      for (const a of paper.authors) {
        if (onLine.has(a.key)) continue;
        const known = counts.get(a.key);
        if (known) known.papers++;
        else counts.set(a.key, { name: a.name, papers: 1 });
      }
    }
  }
  const range = { start: { line: pos.line, character: from }, end: { line: pos.line, character } };
  const items: CompletionItem[] = [...counts.values()]
    .sort((a, b) => b.papers - a.papers || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((c, i) => ({
      label: c.name,
      kind: TEXT,
      detail: plural(c.papers, 'paper'),
      // Most listed authors first; the client filters by what was typed.
      sortText: String(i).padStart(6, '0'),
      filterText: c.name,
      textEdit: { range, newText: c.name },
    }));
  return { isIncomplete: false, items };
}
