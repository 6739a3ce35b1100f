import type { Hover, MarkupContent } from 'vscode-languageserver-types';
import type { Digest, Position } from '../model/types';
import type { Finding } from '../rules/types';
import { authorAt, findingsWithin, paperHeadingAt, type PaperPlace } from '../lookup';
import { absUrl, pdfUrl } from './arxiv';
import { escapeMarkdown as esc } from './markdown';
import { dayLabel, isTruncated, paperTitle, plural, uniqueAuthors, votesOf } from './paperText';

export interface HoverContext {
  /** Findings of this document version. */
  findings: readonly Finding[];
  /** How many papers in the workspace list an author (by comparison key). */
  papersByAuthor(key: string): number;
}

const FIRST_AUTHORS = 3;
/**
 * A hover is a glance: this many problems are shown in full; the rest are still all accounted
 * for, counted per rule (a line of 200 repeated authors must not make a 200-line hover).
 */
const PROBLEMS_IN_FULL = 10;

function markdown(lines: string[]): MarkupContent {
  // No isTrusted anywhere: this is plain, untrusted Markdown whatever the client does with it.
  return { kind: 'markdown', value: lines.join('\n\n') };
}

/** 1-based rank by votes within the day: one more than the papers with strictly more votes. */
function rank(place: PaperPlace): { rank: number; of: number } | undefined {
  const votes = votesOf(place.paper);
  if (votes === undefined || !place.day) return undefined;
  const counts = place.day.papers.map(votesOf).filter((v): v is number => v !== undefined);
  return { rank: 1 + counts.filter((v) => v > votes).length, of: counts.length };
}

/** `12 × \`duplicate-author\`, 1 × \`missing-vote\``: rules in order of first appearance. */
function countsByRule(findings: readonly Finding[]): string {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1);
  return [...counts].map(([rule, n]) => `${n} × \`${rule}\``).join(', ');
}

function paperCard(place: PaperPlace, findings: readonly Finding[]): string[] {
  const { paper } = place;
  const out = [`**${esc(paperTitle(paper))}**`];
  const ref = paper.heading.arxiv;
  const abs = ref && absUrl(ref.id);
  const pdf = ref && pdfUrl(ref.id);
  if (ref && abs && pdf) out.push(`arXiv [${esc(ref.id + (ref.version ?? ''))}](${abs}) · [PDF](${pdf})`);
  else out.push('No valid arXiv link');

  const votes = votesOf(paper);
  const r = rank(place);
  const day = place.day ? `Day ${esc(dayLabel(place.day))}` : 'Before any day heading';
  const voteText = votes === undefined ? 'no vote count' : `▲ ${plural(votes, 'vote')}` + (r ? ` (rank ${r.rank} of ${r.of} in the day)` : '');
  out.push(`${day} · ${voteText}`);

  const authors = uniqueAuthors(paper);
  if (authors.length) {
    const first = authors.slice(0, FIRST_AUTHORS).map(esc).join(', ') + (authors.length > FIRST_AUTHORS ? ', …' : '');
    out.push(`${plural(authors.length, 'unique author')}${isTruncated(paper) ? ', list truncated' : ''}: ${first}`);
  } else {
    out.push('No authors listed');
  }

  const media = paper.media[0]?.kind ?? 'none';
  out.push(`Media: ${media} · ${plural(paper.bulletCount, 'bullet')}`);

  const own = findingsWithin(findings, paper.range);
  if (own.length) {
    out.push('---');
    const shown = own.slice(0, PROBLEMS_IN_FULL).map((f) => `- ${f.severity} \`${f.rule}\` (line ${f.range.start.line + 1}): ${esc(f.message)}`);
    if (own.length > PROBLEMS_IN_FULL) shown.push(`- … and ${own.length - PROBLEMS_IN_FULL} more: ${countsByRule(own.slice(PROBLEMS_IN_FULL))}`);
    out.push(shown.join('\n'));
  }
  return out;
}

/** Hover on a paper heading (the paper card) or on an author name (workspace count). */
export function hover(digest: Digest, pos: Position, ctx: HoverContext): Hover | null {
  const heading = paperHeadingAt(digest, pos);
  if (heading) return { contents: markdown(paperCard(heading, ctx.findings)), range: heading.paper.heading.range };
  const at = authorAt(digest, pos);
  if (at) {
    const n = ctx.papersByAuthor(at.author.key);
    const text = `**${esc(at.author.name)}**: listed on ${plural(n, 'paper')} in the workspace`;
    return { contents: markdown([text]), range: at.author.range };
  }
  return null;
}


