import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectRule, paper } from '../helpers';

test('a paper before any day heading: range on its title', () => {
  const { findings } = expectRule('missing-day-heading', `
### [⟦Mamba: Linear-Time Sequence Modeling⟧](https://arxiv.org/abs/2312.00752)

Vote: 3

## Daily Papers (2023-12-04)

${paper()}
`);
  assert.match(findings[0].message, /before any day heading/);
  assert.match(findings[0].message, /## Daily Papers \(YYYY-MM-DD\)/);
});

test('a bare ### before any day heading points at the ###', () => {
  expectRule('missing-day-heading', `
⟦###⟧
`);
});

test('papers under a day heading, even an invalid one, have a day', () => {
  expectRule('missing-day-heading', `
## Daily Papers (2024-01-11)

${paper()}

## Weekly Papers

${paper()}
`);
});

test('intro text before the first day heading is no paper', () => {
  expectRule('missing-day-heading', `
Some intro text.

## Daily Papers (2024-01-11)

${paper()}
`);
});
