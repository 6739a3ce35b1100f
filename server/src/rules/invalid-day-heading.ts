import type { Rule } from './types';
import { quote } from './util';

export const invalidDayHeading: Rule = {
  id: 'invalid-day-heading',
  description: 'A `##` heading that is not `Daily Papers (YYYY-MM-DD)`, or whose date is not a real calendar date.',
  severity: 'error',
  fixable: false,
  fixAll: false,
  checkDay({ heading }, ctx) {
    if (heading.problem === 'calendar' && heading.date) {
      ctx.report({
        range: heading.date.range,
        message: `'${heading.date.text}' is not a calendar date: expected a real date as YYYY-MM-DD.`,
      });
    } else if (heading.problem === 'shape') {
      const shown = quote(heading.content.text, 80);
      ctx.report({
        range: heading.content.text ? heading.content.range : heading.range,
        message: `Day heading '${shown}' is not valid: expected '## Daily Papers (YYYY-MM-DD)'.`,
      });
    }
  },
};
