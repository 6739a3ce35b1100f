import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectRule, marked, paper } from '../helpers';

test('more votes than the paper before: range on the count, related on the one before', () => {
  const src = `
## Daily Papers (2024-01-11)

${paper({ vote: 'Vote: 24' })}

${paper({ vote: 'Vote: ⟦15⟧' })}

${paper({ vote: 'Vote: ⟦16⟧' })}
`;
  const [before, after] = marked(src).ranges;
  const { findings } = expectRule('votes-out-of-order', src.replace('⟦', '').replace('⟧', ''));
  assert.deepEqual(findings[0].range, after);
  assert.deepEqual(findings[0].related, [{ range: before, message: 'Vote count of the paper before' }]);
  assert.equal(findings[0].message, '16 votes after a paper with 15: expected papers in descending vote order.');
});

test('equal counts, a new day, and papers without a count break no order', () => {
  expectRule('votes-out-of-order', `
## Daily Papers (2024-01-11)

${paper({ vote: 'Vote: 5' })}

${paper({ vote: 'Vote: 5' })}

## Daily Papers (2024-01-12)

${paper({ vote: 'Vote: 30' })}

${paper({ vote: 'Vote: many' })}

${paper({ vote: 'Vote: 30' })}
`);
});

test('a paper without a count is skipped: the next compares with the last counted', () => {
  expectRule('votes-out-of-order', `
## Daily Papers (2024-01-11)

${paper({ vote: 'Vote: 5' })}

${paper({ vote: '' })}

${paper({ vote: 'Vote: ⟦6⟧' })}
`);
});
