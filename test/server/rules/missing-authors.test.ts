import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectRule, paper } from '../helpers';

test('no Authors: line: range on the title', () => {
  const { findings } = expectRule('missing-authors', `
## Daily Papers (2024-01-11)

${paper({ heading: '### [⟦PIXART-δ⟧](https://arxiv.org/abs/2401.05252)', authors: '' })}
`);
  assert.equal(findings[0].message, "Paper has no authors: expected an 'Authors: Name, Name, ...' line.");
});

test('an empty Authors: line, or one with only the truncation mark: range on the title', () => {
  const { findings } = expectRule('missing-authors', `
## Daily Papers (2024-01-11)

${paper({ heading: '### [⟦Empty⟧](https://arxiv.org/abs/2401.05252)', authors: 'Authors:   ' })}

${paper({ heading: '### [⟦Only +⟧](https://arxiv.org/abs/2401.05253)', authors: 'Authors: +' })}
`);
  assert.match(findings[0].message, /'Authors:' line is empty/);
});

test('one name, or a truncated list, is enough', () => {
  expectRule('missing-authors', `
## Daily Papers (2024-01-11)

${paper({ authors: 'Authors: Junsong Chen' })}

${paper({ authors: 'Authors: Junsong Chen, +' })}
`);
});
