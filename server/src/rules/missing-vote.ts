import { titleRange } from './util';
import type { Rule } from './types';

export const missingVote: Rule = {
  id: 'missing-vote',
  description: 'A paper with no `Vote:` line.',
  severity: 'warning',
  fixable: false,
  fixAll: false,
  checkPaper(paper, ctx) {
    if (paper.votes.length > 0) return;
    ctx.report({ range: titleRange(paper), message: "Paper has no vote count: expected a 'Vote: N' line." });
  },
};
