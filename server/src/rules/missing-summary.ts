import { titleRange } from './util';
import type { Rule } from './types';

export const missingSummary: Rule = {
  id: 'missing-summary',
  description: 'A paper with no summary bullet.',
  severity: 'warning',
  fixable: false,
  fixAll: false,
  checkPaper(paper, ctx) {
    if (paper.bulletCount > 0) return;
    ctx.report({ range: titleRange(paper), message: "Paper has no summary: expected one or more '- ' bullets." });
  },
};
