import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectRule, marked, paper } from '../helpers';

test('a <video src> that differs from the [Watch Video] URL: range on the src, related on the link', () => {
  const src = `
## Daily Papers (2024-01-11)

${paper({
  media: `[Watch Video](⟦https://cdn-uploads.huggingface.co/a/K.mp4⟧)
<div><video controls src="⟦https://cdn-uploads.huggingface.co/a/X.mp4⟧" muted="false"></video></div>`,
})}
`;
  const [link, video] = marked(src).ranges;
  const { findings } = expectRule('media-mismatch', src.replace('⟦', '').replace('⟧', ''));
  assert.deepEqual(findings[0].range, video);
  assert.deepEqual(findings[0].related, [{ range: link, message: '[Watch Video] URL' }]);
  assert.match(findings[0].message, /expected both to name the same file/);
});

test("a thumbnail of another paper: range on the thumbnail's id, related on the paper's id", () => {
  const src = `
## Daily Papers (2024-01-11)

${paper({
  heading: '### [PIXART-δ](https://arxiv.org/abs/⟦2401.05252⟧)',
  media: '![](https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/⟦2401.05999⟧.png)',
})}
`;
  const [own, thumb] = marked(src).ranges;
  const { findings } = expectRule('media-mismatch', src.replace('⟦', '').replace('⟧', ''));
  assert.deepEqual(findings[0].range, thumb);
  assert.deepEqual(findings[0].related, [{ range: own, message: 'arXiv id of the paper' }]);
  assert.equal(
    findings[0].message,
    "Thumbnail is for arXiv 2401.05999, but the paper is 2401.05252: expected the paper's own thumbnail.",
  );
});

test('same file in link and tag, the paper’s own thumbnail, a versioned id: no mismatch', () => {
  expectRule('media-mismatch', `
## Daily Papers (2024-01-11)

${paper({
  media: `[Watch Video]https://cdn-uploads.huggingface.co/a/K.mp4
<div><video controls src="https://cdn-uploads.huggingface.co/a/K.mp4" muted="false"></video></div>`,
})}

${paper({
  heading: '### [PIXART-δ](https://arxiv.org/abs/2401.05252v2)',
  media: '![](https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/2401.05252.png)',
})}
`);
});

test('the src attribute is read in any case and either quote; data-src is not src', () => {
  const { findings } = expectRule('media-mismatch', `
## Daily Papers (2024-01-11)

${paper({ media: `[Watch Video](https://x.io/K.mp4)\n<div><video controls SRC='⟦https://x.io/X.mp4⟧'></video></div>` })}

${paper({ media: `[Watch Video](https://x.io/K.mp4)\n<div><video data-src="https://x.io/X.mp4" src="⟦https://x.io/Y.mp4⟧"></video></div>` })}

${paper({ media: `[Watch Video](https://x.io/K.mp4)\n<div><video controls src = "https://x.io/K.mp4" data-src="https://x.io/X.mp4"></video></div>` })}
`);
  assert.equal(findings.length, 2);
});

test('a src that only starts or ends like the link is another file, whichever way the link line was read', () => {
  const { findings } = expectRule('media-mismatch', `
## Daily Papers (2024-01-11)

${paper({ media: `[Watch Video](https://x.io/K.mp4)\n<div><video controls src="⟦https://x.io/K.mp4x⟧"></video></div>` })}

${paper({ media: `[Watch Video](https://x.io/K.mp4)\n<div><video controls src="⟦https://x.io/K.mp⟧"></video></div>` })}

${paper({ media: `[Watch Video]https://x.io/K.mp4\n<div><video controls src="⟦https://x.io/k.mp4⟧"></video></div>` })}

${paper({ media: `[Watch Video]https://x.io/K.mp4\n<div><video controls src="https://x.io/K.mp4"></video></div>` })}
`);
  assert.equal(findings.length, 3);
});
