import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectRule, lintText, paper } from '../helpers';

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

test('a media line that yields no URL is no media: ![x], [Watch Video] alone, <video> without src', () => {
  const { text, findings } = expectRule('missing-media', `
## Daily Papers (2024-01-11)

${paper({ heading: '### [⟦A⟧](https://arxiv.org/abs/2401.05252)', media: '![x]' })}

${paper({ heading: '### [⟦B⟧](https://arxiv.org/abs/2401.05253)', media: '[Watch Video]\n<div><video controls muted="false"></video></div>' })}

${paper({ heading: '### [⟦C⟧](https://arxiv.org/abs/2401.05254)', media: '![alt text' })}

${paper({ heading: '### [D](https://arxiv.org/abs/2401.05255)', media: '[Watch Video]\n<div><video controls src="https://x.io/a.mp4"></video></div>' })}
`);
  assert.equal(findings.length, 3);
  // What is wrong with each line is said once: a stray line, or the broken link.
  const others = lintText(text).filter((f) => f.rule !== 'missing-media');
  assert.deepEqual(others.map((f) => `${f.rule} ${f.range.start.line}`), [
    'unexpected-line 4',
    'unexpected-line 14',
    'unexpected-line 15',
    'malformed-link 25',
    'unexpected-line 35',
  ]);
});
