import type { Range } from '../model/types';
import type { Rule } from './types';

export const duplicateDay: Rule = {
  id: 'duplicate-day',
  description: 'The same date has two day headings in one file.',
  severity: 'warning',
  fixable: false,
  fixAll: false,
  checkDigest(digest, ctx) {
    const seen = new Map<string, Range>();
    for (const { date, heading } of digest.days) {
      if (!date || !heading.date) continue;
      const first = seen.get(date);
      if (first) {
        ctx.report({
          range: heading.date.range,
          message: `Day ${date} already has a heading in this file: expected each date once.`,
          related: [{ range: first, message: `First heading for ${date}` }],
        });
      } else {
        seen.set(date, heading.date.range);
      }
    }
  },
};
