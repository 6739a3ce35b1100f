import type { Paper, Range } from '../model/types';

/** Where a rule about something missing from a paper puts its range: the paper's title. */
export function titleRange(paper: Paper): Range {
  const h = paper.heading;
  // A bare `###` has empty content: point at the `###` rather than at nothing.
  return h.title?.range ?? (h.content.text ? h.content.range : h.range);
}

/** Shortens text from a file for a message. */
export function quote(text: string, max = 60): string {
  if (text.length <= max) return text;
  let cut = max - 3;
  // Never split a surrogate pair: half an emoji is not text.
  const c = text.charCodeAt(cut - 1);
  if (c >= 0xd800 && c <= 0xdbff) cut--;
  return text.slice(0, cut) + '...';
}
