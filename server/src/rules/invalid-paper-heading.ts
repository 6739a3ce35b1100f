import { ARXIV_ABS } from '../model/headings';
import type { Rule } from './types';

const EXPECTED = "expected '### [Title](https://arxiv.org/abs/ID)'";

export const invalidPaperHeading: Rule = {
  id: 'invalid-paper-heading',
  description: 'A `###` heading that is not `[Title](https://arxiv.org/abs/ID)` with a non-empty title and a valid arXiv id.',
  severity: 'error',
  fixable: false,
  fixAll: false,
  checkPaper(paper, ctx) {
    const h = paper.heading;
    switch (h.problem) {
      case undefined:
        return;
      case 'shape':
        ctx.report({
          range: h.content.text ? h.content.range : h.range,
          message: `Paper heading is not a link to arXiv: ${EXPECTED}.`,
        });
        return;
      case 'empty-title':
        ctx.report({ range: h.title!.range, message: `Paper heading has an empty title: ${EXPECTED}.` });
        return;
      case 'not-arxiv':
        ctx.report({
          range: h.url!.text ? h.url!.range : h.content.range,
          message: `Paper link '${h.url!.text}' is not an arXiv abstract URL: ${EXPECTED}.`,
        });
        return;
      case 'bad-id': {
        const url = h.url!;
        const id = url.text.slice(ARXIV_ABS.length);
        // The range is on the id the message quotes (on the whole URL when there is none).
        const { start, end } = url.range;
        const range = id ? { start: { line: start.line, character: start.character + ARXIV_ABS.length }, end } : url.range;
        ctx.report({
          range,
          message: `'${id}' is not a valid arXiv id: expected YYMM.NNNNN (or YYMM.NNNN before 2015) with an optional vN.`,
        });
      }
    }
  },
};
