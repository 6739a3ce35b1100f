import type { Rule } from './types';

export const paperAfterDay: Rule = {
  id: 'paper-after-day',
  description: 'An arXiv id whose YYMM is later than the month of its day heading.',
  severity: 'warning',
  fixable: false,
  fixAll: false,
  checkDay(day, ctx) {
    if (!day.date) return;
    const year = Number(day.date.slice(0, 4));
    // A YYMM id names a month of 2000–2099: after a later day none is later; before 2000 all are.
    if (year > 2099) return;
    // An id's YYMM is at most the day's exactly when the id sorts before YYMM + U+FFFF.
    const limit = year < 2000 ? '' : day.date.slice(2, 4) + day.date.slice(5, 7) + '\uffff';
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
