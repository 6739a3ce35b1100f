import type { Rule } from './types';
import { titleRange } from './util';

export const missingDayHeading: Rule = {
  id: 'missing-day-heading',
  description: 'Papers listed before any `## Daily Papers (YYYY-MM-DD)` heading.',
  severity: 'error',
  fixable: false,
  fixAll: false,
  checkDigest(digest, ctx) {
    for (const paper of digest.orphanPapers) {
      ctx.report({
        range: titleRange(paper),
        message: 'Paper before any day heading: expected a `## Daily Papers (YYYY-MM-DD)` heading above it.',
      });
    }
  },
};
