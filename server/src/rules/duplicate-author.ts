import type { Rule } from './types';

export const duplicateAuthor: Rule = {
  id: 'duplicate-author',
  description:
    'A name that already appeared earlier in the same `Authors:` line (compared after NFC, trimming, collapsing spaces and case folding).',
  severity: 'warning',
  fixable: true,
  groupFixTitles: { group: 'Remove every repeated author in this line', file: 'Remove every repeated author in the file' },
  checkPaper(paper, ctx) {
    for (const line of paper.authors) {
      const repeats = line.repeats();
      if (!repeats) continue;
      for (let i = 0; i < repeats.length; i++) {
        if (repeats[i] === -1) continue;
        const author = line.author(i);
        const earlier = line.author(repeats[i]);
        // Remove the separator before the repeat together with it, so ', +' and order stay.
        const prev = line.author(i - 1);
        ctx.report({
          range: author.range,
          message: `Author '${author.name}' is already listed on this line: expected each author once.`,
          related: [{ range: earlier.range, message: `First occurrence of '${earlier.name}'` }],
          fixes: [{ title: `Remove repeated author '${author.name}'`, edits: [{ range: { start: prev.range.end, end: author.range.end }, newText: '' }] }],
          group: `authors:${line.line}`,
        });
      }
    }
  },
};
