import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectRule, marked, paper } from '../helpers';

test('the same arXiv id twice in a day: range on the second id, related on the first', () => {
  const src = `
## Daily Papers (2024-01-11)

${paper({ heading: '### [PIXART-δ](https://arxiv.org/abs/⟦2401.05252⟧)' })}

${paper({ heading: '### [Other](https://arxiv.org/abs/2401.05253)' })}

${paper({ heading: '### [PIXART-δ again](https://arxiv.org/abs/⟦2401.05252v2⟧)' })}
`;
  const [first, second] = marked(src).ranges;
  const { findings } = expectRule('duplicate-paper', src.replace('⟦', '').replace('⟧', ''));
  assert.deepEqual(findings[0].range, second);
  assert.deepEqual(findings[0].related, [{ range: first, message: 'First listing of 2401.05252' }]);
  assert.equal(findings[0].message, 'arXiv 2401.05252 is already listed in this day: expected each paper once per day.');
});

test('the same id on two days is not a duplicate', () => {
  expectRule('duplicate-paper', `
## Daily Papers (2024-01-11)

${paper()}

## Daily Papers (2024-01-12)

${paper()}
`);
});
