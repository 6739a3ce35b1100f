import type { Range } from '../model/types';
import type { Rule } from './types';

export const duplicateAuthor: Rule = {
  id: 'duplicate-author',
  description:
    'A name that already appeared earlier in the same `Authors:` line (compared after NFC, trimming, collapsing spaces and case folding).',
  severity: 'warning',
  fixable: true,
  fixAll: true,
  groupFixTitles: { group: 'Remove every repeated author in this line', file: 'Remove every repeated author in the file' },
  checkPaper(paper, ctx) {
    for (const line of paper.authors) {
      const repeats = line.repeats();
      if (!repeats) continue;
      const group = `authors:${line.line}`;
      // A name repeated twice or more points at one first occurrence: its range and note are made
      // once per line and shared (ranges are values; each finding keeps its own related entry).
      let firstAt = -1;
      let firstRange!: Range;
      let firstNote = '';
      for (let i = 0; i < repeats.length; i++) {
        const first = repeats[i];
        if (first === -1) continue;
        if (first !== firstAt) {
          firstAt = first;
          firstRange = line.rangeOf(first);
          firstNote = `First occurrence of '${line.nameOf(first)}'`;
        }
        const name = line.nameOf(i);
        const range = line.rangeOf(i);
        // Remove the separator before the repeat and the blanks after it together with it, so
        // ', +', the order and the spacing of what is kept stay. When the next name goes too, the
        // blanks are its separator's: its edit takes them, and the two edits only touch.
        const from = { line: range.start.line, character: line.separatorBefore(i) };
        const nextGoes = i + 1 < repeats.length && repeats[i + 1] !== -1;
        const to = nextGoes ? range.end : { line: range.start.line, character: line.blanksAfter(i) };
        ctx.report({
          range,
          message: `Author '${name}' is already listed on this line: expected each author once.`,
          related: [{ range: firstRange, message: firstNote }],
          fixes: [{ title: `Remove repeated author '${name}'`, edits: [{ range: { start: from, end: to }, newText: '' }] }],
          group,
        });
      }
    }
  },
};
