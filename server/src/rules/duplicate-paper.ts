import type { ArxivRef, Paper } from '../model/types';
import type { Rule } from './types';

export const duplicatePaper: Rule = {
  id: 'duplicate-paper',
  description: 'The same arXiv id is listed twice in one day.',
  severity: 'warning',
  fixable: false,
  fixAll: false,
  checkDay(day, ctx) {
    const papers = day.papers;
    // A day of a few dozen papers is searched in place; a longer one through a map of the first
    // listing of each id (its range is made only for a report).
    const seen = papers.length > PAIRWISE ? new Map<string, ArxivRef>() : undefined;
    for (let k = 0; k < papers.length; k++) {
      const ref = papers[k].heading.arxiv;
      if (!ref) continue;
      const first = seen ? seen.get(ref.id) : firstListing(papers, k, ref.id);
      if (first) {
        ctx.report({
          range: ref.range,
          message: `arXiv ${ref.id} is already listed in this day: expected each paper once per day.`,
          related: [{ range: first.range, message: `First listing of ${ref.id}` }],
        });
      } else {
        seen?.set(ref.id, ref);
      }
    }
  },
};

/** Days up to this many papers are searched pairwise. */
const PAIRWISE = 64;

/** The first of papers[0, k) listing arXiv `id`, else undefined. */
function firstListing(papers: readonly Paper[], k: number, id: string): ArxivRef | undefined {
  for (let j = 0; j < k; j++) {
    const ref = papers[j].heading.arxiv;
    if (ref && ref.id === id) return ref;
  }
  return undefined;
}
