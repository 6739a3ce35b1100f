import type { Rule } from './types';

export const mediaMismatch: Rule = {
  id: 'media-mismatch',
  description: "A `<video src>` that differs from its `[Watch Video]` URL, or a thumbnail URL that names another arXiv id.",
  severity: 'warning',
  fixable: false,
  fixAll: false,
  checkPaper(paper, ctx) {
    for (const media of paper.media) {
      if (media.kind !== 'video' || !media.videoSrc || media.urlIs(media.videoSrc.text)) continue;
      const url = media.url;
      if (!url) continue;
      ctx.report({
        range: media.videoSrc.range,
        message: 'The <video> src differs from the [Watch Video] URL: expected both to name the same file.',
        related: [{ range: url.range, message: '[Watch Video] URL' }],
      });
    }
    const own = paper.heading.arxiv;
    if (!own) return;
    for (const thumb of paper.thumbnails) {
      if (thumb.id === own.id) continue;
      ctx.report({
        range: thumb.range,
        message: `Thumbnail is for arXiv ${thumb.id}, but the paper is ${own.id}: expected the paper's own thumbnail.`,
        related: [{ range: own.range, message: 'arXiv id of the paper' }],
      });
    }
  },
};
