import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectRule, paper } from '../helpers';

test('a paper with neither image nor video: range on its title', () => {
  const { findings } = expectRule('missing-media', `
## Daily Papers (2024-01-11)

${paper({ heading: '### [⟦PIXART-δ: Fast and Controllable⟧](https://arxiv.org/abs/2401.05252)', media: '' })}
`);
  assert.match(findings[0].message, /no media: expected an image '!\[\]\(URL\)' or a '\[Watch Video\]\(URL\)'/);
});

test('an image, a video pair, or a video link with missing parentheses is media', () => {
  expectRule('missing-media', `
## Daily Papers (2024-01-11)

${paper()}

${paper({
  media: `[Watch Video](https://cdn-uploads.huggingface.co/a/K.mp4)
<div><video controls src="https://cdn-uploads.huggingface.co/a/K.mp4" muted="false"></video></div>`,
})}

${paper({ media: '[Watch Video]https://cdn-uploads.huggingface.co/a/K.mp4' })}
`);
});
