import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectRule, paper } from '../helpers';

test('a paper without a Vote: line: range on its title', () => {
  const { findings } = expectRule('missing-vote', `
## Daily Papers (2023-12-04)

${paper({ heading: '### [⟦Mamba: Linear-Time Sequence Modeling with Selective State Spaces⟧](https://arxiv.org/abs/2312.00752)', vote: '' })}
`);
  assert.equal(findings[0].message, "Paper has no vote count: expected a 'Vote: N' line.");
  assert.equal(findings[0].fixes, undefined);
});

test('Vote: 0 and an invalid Vote: are still a Vote: line', () => {
  expectRule('missing-vote', `
## Daily Papers (2023-12-04)

${paper({ vote: 'Vote: 0' })}

${paper({ vote: 'Vote: many' })}
`);
});
