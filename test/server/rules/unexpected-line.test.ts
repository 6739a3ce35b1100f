import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectRule, paper } from '../helpers';

test('stray lines before the first day, between a day and its first paper, and inside a paper', () => {
  const { findings } = expectRule('unexpected-line', `
⟦Intro text⟧

## Daily Papers (2024-01-11)

  ⟦Some note⟧  

${paper({ vote: '⟦Votes: 24⟧\n\n⟦#### Sub heading⟧' })}
`);
  assert.equal(
    findings[0].message,
    "Unexpected line 'Intro text': expected a heading, media, 'Vote:', 'Authors:' or a '- ' bullet.",
  );
});

test('continuation lines of a bullet, blank lines and every element are expected', () => {
  expectRule('unexpected-line', `
## Daily Papers (2024-01-11)

${paper({ bullets: '- 첫 번째 요약\n  이어지는 줄\n바로 아래 줄\n- 두 번째\n\n  들여쓴 문단' })}
`);
});

test('a long line is quoted in the message without splitting an emoji', () => {
  const { findings } = expectRule('unexpected-line', `
⟦${'z'.repeat(56)}😀 tail⟧
`);
  assert.equal(findings[0].message.includes(`'${'z'.repeat(56)}...'`), true);
});
