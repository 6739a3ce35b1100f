import { titleRange } from './util';
import type { Rule } from './types';

export const missingMedia: Rule = {
  id: 'missing-media',
  description: 'A paper with neither an image nor a video.',
  severity: 'warning',
  fixable: false,
  fixAll: false,
  checkPaper(paper, ctx) {
    if (paper.media.length > 0) return;
    ctx.report({
      range: titleRange(paper),
      message: "Paper has no media: expected an image '![](URL)' or a '[Watch Video](URL)' line with its <video>.",
    });
  },
};
