import { quote } from './util';
import type { Rule } from './types';

/** The parser reads counts of up to 15 digits, which a double holds exactly. */
const MAX_DIGITS = 15;
const DIGITS = /^[0-9]+$/;

export const invalidVote: Rule = {
  id: 'invalid-vote',
  description: '`Vote:` followed by something other than a non-negative integer, or a second `Vote:` line.',
  severity: 'error',
  fixable: false,
  fixAll: false,
  checkPaper(paper, ctx) {
    for (let i = 0; i < paper.votes.length; i++) {
      const vote = paper.votes[i];
      if (i > 0) {
        ctx.report({
          range: vote.range,
          message: "Paper has a second 'Vote:' line: expected exactly one.",
          related: [{ range: paper.votes[0].range, message: "First 'Vote:' line" }],
        });
      } else if (vote.count === undefined) {
        const text = vote.value.text;
        ctx.report({
          range: vote.value.range,
          message: !text
            ? "'Vote:' has no count: expected a non-negative integer."
            : DIGITS.test(text)
              ? `Vote '${quote(text)}' is too large to be a count: expected at most ${MAX_DIGITS} digits.`
              : `Vote '${quote(text)}' is not a count: expected a non-negative integer.`,
        });
      }
    }
  },
};
