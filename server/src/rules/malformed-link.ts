import { isWatchVideo } from '../model/links';
import type { LinkProblem } from '../model/types';
import type { Fix, Rule } from './types';
import { quote } from './util';

const WHAT: Record<LinkProblem['kind'], string> = {
  'missing-parens': 'the URL is not in parentheses: expected [text](URL)',
  'unclosed-bracket': "'[' is never closed: expected [text](URL)",
  'unclosed-paren': "'(' is never closed: expected [text](URL)",
  'empty-url': 'the URL is empty: expected [text](URL) with an http(s) URL',
  'space-in-url': 'the URL contains a space: expected a URL without spaces (encode them as %20)',
  'bad-scheme': 'the URL scheme is not http or https: expected an http(s) URL',
};

/** `(` `)` can wrap a URL only when its own parentheses balance; otherwise the link stays broken. */
function balanced(url: string): boolean {
  let depth = 0;
  for (const ch of url) {
    if (ch === '(') depth++;
    else if (ch === ')' && --depth < 0) return false;
  }
  return depth === 0;
}

/** `[Watch Video]`, in any case as the parser reads it: the one label the contract repairs. */
function watchVideoLabel(text: string): boolean {
  return text.charCodeAt(0) === 91 && text.charCodeAt(12) === 93 && isWatchVideo(text.slice(1, 12));
}

/**
 * Only `[Watch Video]URL` gets a fix (the contract: "other cases none"): for any other label the
 * scraper's intent is not known, so the user decides. Blanks between `]` and the URL
 * (`[Watch Video] https://…`) are replaced by the `(`, which is what makes the link parse.
 */
function fixFor(problem: LinkProblem): Fix[] | undefined {
  if (problem.kind !== 'missing-parens' || !problem.urlRange || !watchVideoLabel(problem.text)) return undefined;
  const { start: us, end: ue } = problem.urlRange;
  if (!balanced(problem.text.slice(problem.text.length - (ue.character - us.character)))) return undefined;
  const gap = { line: us.line, character: problem.range.start.character + 13 };
  const spaced = gap.character < us.character;
  return [{
    title: spaced ? 'Wrap the URL in parentheses (the blank before it removed)' : 'Wrap the URL in parentheses',
    edits: [
      { range: { start: spaced ? gap : us, end: us }, newText: '(' },
      { range: { start: ue, end: ue }, newText: ')' },
    ],
  }];
}

export const malformedLink: Rule = {
  id: 'malformed-link',
  description:
    'Markdown link syntax that does not parse as a link: `[text]https://…`, an unclosed `[` or `(`, an empty or space-containing URL, a scheme other than http/https.',
  severity: 'error',
  fixable: true,
  fixAll: true,
  checkPaper(paper, ctx) {
    for (const problem of paper.links) {
      ctx.report({
        range: problem.range,
        message: `Malformed link '${quote(problem.text)}': ${WHAT[problem.kind]}.`,
        fixes: fixFor(problem),
      });
    }
  },
};
