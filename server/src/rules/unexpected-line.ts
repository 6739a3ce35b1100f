import type { Span } from '../model/types';
import type { Context, Rule } from './types';
import { quote } from './util';

function report(ctx: Context, line: Span): void {
  ctx.report({
    range: line.range,
    message: `Unexpected line '${quote(line.text)}': expected a heading, media, 'Vote:', 'Authors:' or a '- ' bullet.`,
  });
}

export const unexpectedLine: Rule = {
  id: 'unexpected-line',
  description: 'A non-blank line that is none of the elements of a digest, outside the bullets.',
  severity: 'information',
  fixable: false,
  fixAll: false,
  checkPaper(paper, ctx) {
    for (const line of paper.unexpected) report(ctx, line);
  },
  checkDigest(digest, ctx) {
    for (const line of digest.unexpected) report(ctx, line);
  },
};
