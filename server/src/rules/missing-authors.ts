import { titleRange } from './util';
import type { Rule } from './types';

export const missingAuthors: Rule = {
  id: 'missing-authors',
  description: 'A paper with no `Authors:` line, or an empty one.',
  severity: 'warning',
  fixable: false,
  fixAll: false,
  checkPaper(paper, ctx) {
    if (paper.authors.some((line) => line.count > 0)) return;
    const empty = paper.authors[0];
    ctx.report({
      range: titleRange(paper),
      message: empty
        ? "Paper's 'Authors:' line is empty: expected 'Authors: Name, Name, ...'."
        : "Paper has no authors: expected an 'Authors: Name, Name, ...' line.",
    });
  },
};
