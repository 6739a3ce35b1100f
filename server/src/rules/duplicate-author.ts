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
        // Remove the separator before the repeat and the blanks after it together with it, so
        // ', +', the order and the spacing of what is kept stay. When the next name goes too, the
        // blanks are its separator's: its edit takes them, and the two edits only touch.
        const from = { line: range.start.line, character: line.separatorBefore(i) };
        const nextGoes = i + 1 < repeats.length && repeats[i + 1] !== -1;
        const to = nextGoes ? range.end : { line: range.start.line, character: line.blanksAfter(i) };
        ctx.report({
          range,
          message: `Author '${name}' is already listed on this line: expected each author once.`,
          related: [{ range: line.rangeOf(repeats[i]), message: `First occurrence of '${line.nameOf(repeats[i])}'` }],
          fixes: [{ title: `Remove repeated author '${name}'`, edits: [{ range: { start: from, end: to }, newText: '' }] }],
          group,
        });
      }
    }
  },
};
