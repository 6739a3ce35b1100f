import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectRule } from '../helpers';

test('a ## heading of another shape: range on its text', () => {
  const { findings } = expectRule('invalid-day-heading', `
## ⟦Daily Papers 2024-01-11⟧

## ⟦Daily Papers (2024-1-11)⟧

## ⟦daily papers (2024-01-11)⟧
`);
  assert.equal(
    findings[0].message,
    "Day heading 'Daily Papers 2024-01-11' is not valid: expected '## Daily Papers (YYYY-MM-DD)'.",
  );
});

test('an empty ## heading points at the ##', () => {
  expectRule('invalid-day-heading', `
⟦##⟧
`);
});

test('a date that is not on the calendar: range on the date', () => {
  const { findings } = expectRule('invalid-day-heading', `
## Daily Papers (⟦2023-02-29⟧)

## Daily Papers (⟦2023-02-30⟧)

## Daily Papers (⟦1900-02-29⟧)

## Daily Papers (⟦2024-13-01⟧)

## Daily Papers (⟦2024-04-31⟧)

## Daily Papers (⟦2024-01-00⟧)
`);
  assert.equal(findings[0].message, "'2023-02-29' is not a calendar date: expected a real date as YYYY-MM-DD.");
});

test('leap days of leap years, month ends and closing #s are valid', () => {
  expectRule('invalid-day-heading', `
## Daily Papers (2024-02-29)

## Daily Papers (2000-02-29)

## Daily Papers (2023-12-31)

## Daily Papers (2024-01-11) ##

##   Daily Papers (2024-01-12)
`);
});

test('a long heading is shortened in the message without splitting an emoji', () => {
  const long = 'x'.repeat(76) + '😀 and more';
  const { findings } = expectRule('invalid-day-heading', `
## ⟦${long}⟧
`);
  assert.equal(findings[0].message, `Day heading '${'x'.repeat(76)}...' is not valid: expected '## Daily Papers (YYYY-MM-DD)'.`);
});
