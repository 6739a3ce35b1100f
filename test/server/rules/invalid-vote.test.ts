import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectRule, marked, paper } from '../helpers';

test('a vote that is not a non-negative integer: range on the value', () => {
  const { findings } = expectRule('invalid-vote', `
## Daily Papers (2024-01-11)

${paper({ vote: 'Vote: ⟦-1⟧' })}

${paper({ vote: 'Vote: ⟦3.5⟧' })}

${paper({ vote: 'Vote:   ⟦24 votes⟧  ' })}

${paper({ vote: 'Vote: ⟦１２⟧' })}
`);
  assert.equal(findings[0].message, "Vote '-1' is not a count: expected a non-negative integer.");
});

test('an empty Vote: points at Vote:', () => {
  const { findings } = expectRule('invalid-vote', `
## Daily Papers (2024-01-11)

${paper({ vote: '⟦Vote:⟧' })}
`);
  assert.equal(findings[0].message, "'Vote:' has no count: expected a non-negative integer.");
});

test('a second Vote: line: range on it, related on the first', () => {
  const src = `
## Daily Papers (2024-01-11)

${paper({ vote: '⟦Vote: 24⟧\n\n⟦Vote: 25⟧' })}
`;
  const [first, second] = marked(src).ranges;
  const { findings } = expectRule('invalid-vote', src.replace('⟦', '').replace('⟧', ''));
  assert.deepEqual(findings[0].range, second);
  assert.deepEqual(findings[0].related, [{ range: first, message: "First 'Vote:' line" }]);
  assert.match(findings[0].message, /second 'Vote:' line: expected exactly one/);
});

test('zero, large counts and no space after the colon are valid', () => {
  expectRule('invalid-vote', `
## Daily Papers (2024-01-11)

${paper({ vote: 'Vote: 0' })}

${paper({ vote: 'Vote:7' })}

${paper({ vote: 'Vote: 123456789' })}
`);
});

test('a count of more than 15 digits is too large, and the message says so', () => {
  const { findings } = expectRule('invalid-vote', `
## Daily Papers (2024-01-11)

${paper({ vote: 'Vote: 999999999999999' })}

${paper({ vote: 'Vote: ⟦1234567890123456⟧' })}
`);
  assert.equal(findings[0].message, "Vote '1234567890123456' is too large to be a count: expected at most 15 digits.");
});
