import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectRule, paper } from '../helpers';

test('a paper without bullets: range on the title', () => {
  const { findings } = expectRule('missing-summary', `
## Daily Papers (2024-01-11)

${paper({ heading: '### [⟦PIXART-δ⟧](https://arxiv.org/abs/2401.05252)', bullets: '' })}

### [⟦Last paper, nothing after it⟧](https://arxiv.org/abs/2401.05253)
`);
  assert.equal(findings[0].message, "Paper has no summary: expected one or more '- ' bullets.");
});

test('-, * and + bullets, even an empty one, are a summary', () => {
  expectRule('missing-summary', `
## Daily Papers (2024-01-11)

${paper({ bullets: '- 요약' })}

${paper({ bullets: '* 요약' })}

${paper({ bullets: '+ 요약' })}

${paper({ bullets: '-' })}
`);
});

test('a dash without a space is no bullet', () => {
  expectRule('missing-summary', `
## Daily Papers (2024-01-11)

${paper({ heading: '### [⟦PIXART-δ⟧](https://arxiv.org/abs/2401.05252)', bullets: '-요약' })}
`);
});
