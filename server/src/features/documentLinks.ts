import type { DocumentLink } from 'vscode-languageserver-types';
import { allPapers, type Digest } from '../model/types';
import { absUrl } from './arxiv';

/** A link on the arXiv id of every paper heading, to its abstract page. */
export function documentLinks(digest: Digest): DocumentLink[] {
  const out: DocumentLink[] = [];
  for (const paper of allPapers(digest)) {
    const ref = paper.heading.arxiv;
    const target = ref && absUrl(ref.id);
    if (ref && target) out.push({ range: ref.range, target, tooltip: 'Open on arXiv' });
  }
  return out;
}
