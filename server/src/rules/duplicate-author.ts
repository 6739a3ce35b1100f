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
      for (let i = 0; i < repeats.length; i++) {
        if (repeats[i] === -1) continue;
        const name = line.nameOf(i);
        const range = line.rangeOf(i);
        // Remove the separator before the repeat together with it, so ', +' and order stay.
        const from = { line: range.start.line, character: line.separatorBefore(i) };
        ctx.report({
          range,
          message: `Author '${name}' is already listed on this line: expected each author once.`,
          related: [{ range: line.rangeOf(repeats[i]), message: `First occurrence of '${line.nameOf(repeats[i])}'` }],
          fixes: [{ title: `Remove repeated author '${name}'`, edits: [{ range: { start: from, end: range.end }, newText: '' }] }],
          group,
        });
      }
    }
  },
};
