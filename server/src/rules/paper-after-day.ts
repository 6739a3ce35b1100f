import type { Rule } from './types';

export const paperAfterDay: Rule = {
  id: 'paper-after-day',
  description: 'An arXiv id whose YYMM is later than the month of its day heading.',
  severity: 'warning',
  fixable: false,
  fixAll: false,
  checkDay(day, ctx) {
    if (!day.date) return;
    const dayMonth = day.date.slice(2, 4) + day.date.slice(5, 7);
    const year = Number(day.date.slice(0, 4));
    if (year < 2007 || year > 2099) return; // YYMM ids exist from 0704 on; outside that the comparison means nothing
    // An id's YYMM is at most the day's exactly when the id sorts before YYMM + U+FFFF.
    const limit = dayMonth + '\uffff';
    for (const paper of day.papers) {
      const ref = paper.heading.arxiv;
      if (!ref || ref.id < limit) continue;
      ctx.report({
        range: ref.range,
        message: `arXiv ${ref.id} is from 20${ref.id.slice(0, 2)}-${ref.id.slice(2, 4)}, after this day (${day.date}): expected a paper submitted by the day's month.`,
        related: [{ range: day.heading.date!.range, message: 'Day heading' }],
      });
    }
  },
};
