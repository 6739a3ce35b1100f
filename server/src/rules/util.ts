import type { Paper, Range } from '../model/types';

/** Where a rule about something missing from a paper puts its range: the paper's title. */
export function titleRange(paper: Paper): Range {
  return paper.heading.title?.range ?? paper.heading.content.range;
}

/** Shortens text from a file for a message. */
export function quote(text: string, max = 60): string {
  return text.length > max ? text.slice(0, max - 3) + '...' : text;
}
