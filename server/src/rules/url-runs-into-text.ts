import type { Rule } from './types';
import { quote } from './util';

export const urlRunsIntoText: Rule = {
  id: 'url-runs-into-text',
  description: 'A bare URL in a bullet glued to the following non-ASCII text, which auto-linking swallows into the URL.',
  severity: 'warning',
  fixable: true,
  // A space or <…>: two right answers, so the writer picks; fix-all leaves these alone.
  fixAll: false,
  checkPaper(paper, ctx) {
    for (const url of paper.urls) {
      if (!url.glued) continue;
      const { start, end } = url.range;
      ctx.report({
        range: { start, end: url.glued.range.end },
        message: `URL '${quote(url.url)}' runs into '${quote(url.glued.text, 20)}': auto-linking would swallow the text; expected a space or <…> after the URL.`,
        fixes: [
          { title: 'Insert a space after the URL', edits: [{ range: { start: end, end }, newText: ' ' }] },
          {
            title: 'Wrap the URL in <…>',
            edits: [
              { range: { start, end: start }, newText: '<' },
              { range: { start: end, end }, newText: '>' },
            ],
          },
        ],
      });
    }
  },
};
