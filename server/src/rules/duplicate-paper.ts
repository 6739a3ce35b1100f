import type { ArxivRef } from '../model/types';
import type { Rule } from './types';

export const duplicatePaper: Rule = {
  id: 'duplicate-paper',
  description: 'The same arXiv id is listed twice in one day.',
  severity: 'warning',
  fixable: false,
  fixAll: false,
  checkDay(day, ctx) {
    // The first listing of each id (its range is made only for a report).
    const seen = new Map<string, ArxivRef>();
    for (const paper of day.papers) {
      const ref = paper.heading.arxiv;
      if (!ref) continue;
      const first = seen.get(ref.id);
      if (first) {
        ctx.report({
          range: ref.range,
          message: `arXiv ${ref.id} is already listed in this day: expected each paper once per day.`,
          related: [{ range: first.range, message: `First listing of ${ref.id}` }],
        });
      } else {
        seen.set(ref.id, ref);
      }
    }
  },
};
