import type { VoteLine } from '../model/types';
import type { Rule } from './types';

export const votesOutOfOrder: Rule = {
  id: 'votes-out-of-order',
  description: 'A paper with more votes than the one before it in the same day.',
  severity: 'information',
  fixable: false,
  fixAll: false,
  checkDay(day, ctx) {
    let previous: VoteLine | undefined;
    for (const paper of day.papers) {
      const vote = paper.votes[0];
      if (!vote || vote.count === undefined) continue;
      if (previous && previous.count !== undefined && vote.count > previous.count) {
        ctx.report({
          range: vote.value.range,
          message: `${vote.count} votes after a paper with ${previous.count}: expected papers in descending vote order.`,
          related: [{ range: previous.value.range, message: 'Vote count of the paper before' }],
        });
      }
      previous = vote;
    }
  },
};
