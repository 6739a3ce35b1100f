import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectRule, marked, paper } from '../helpers';

test('the same date twice: range on the second date, related on the first', () => {
  const src = `
## Daily Papers (⟦2024-01-11⟧)

${paper()}

## Daily Papers (⟦2024-01-11⟧)

## Daily Papers (⟦2024-01-11⟧)
`;
  const [first, ...repeats] = marked(src).ranges;
  const { findings } = expectRule('duplicate-day', src.replace('⟦', '').replace('⟧', ''));
  assert.equal(findings.length, 2);
  for (const f of findings) {
    assert.deepEqual(f.related, [{ range: first, message: 'First heading for 2024-01-11' }]);
    assert.match(f.message, /2024-01-11 already has a heading/);
  }
  assert.deepEqual(findings.map((f) => f.range), repeats);
});

test('different dates, and invalid dates, are no duplicates', () => {
  expectRule('duplicate-day', `
## Daily Papers (2024-01-11)

## Daily Papers (2024-01-12)

## Daily Papers (2023-02-30)

## Daily Papers (2023-02-30)

## Weekly Papers (2024-01-11)
`);
});
