import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectRule, marked, paper } from '../helpers';

test('an id from a later month than the day: range on the id, related on the date', () => {
  const src = `
## Daily Papers (⟦2024-01-11⟧)

${paper({ heading: '### [From the future](https://arxiv.org/abs/⟦2402.00001⟧)' })}
`;
  const [date, id] = marked(src).ranges;
  const { findings } = expectRule('paper-after-day', src.replace('⟦', '').replace('⟧', ''));
  assert.deepEqual(findings[0].range, id);
  assert.deepEqual(findings[0].related, [{ range: date, message: 'Day heading' }]);
  assert.match(findings[0].message, /arXiv 2402\.00001 is from 2024-02, after this day \(2024-01-11\)/);
});

test('ids of the same or an earlier month are fine; so is a year boundary', () => {
  expectRule('paper-after-day', `
## Daily Papers (2024-01-11)

${paper({ heading: '### [Same month](https://arxiv.org/abs/2401.05252)' })}

${paper({ heading: '### [Last year](https://arxiv.org/abs/2312.00752)' })}

${paper({ heading: '### [Old](https://arxiv.org/abs/1412.1234)' })}
`);
});

test('a year later is later even in an earlier month', () => {
  expectRule('paper-after-day', `
## Daily Papers (2023-12-29)

${paper({ heading: '### [Next year](https://arxiv.org/abs/⟦2401.00001⟧)' })}
`);
});

test('a day before 2000 (a typo for 2024, say): every YYMM id is later; 2000–2006 compare as usual; after 2099 none is', () => {
  const { findings } = expectRule('paper-after-day', `
## Daily Papers (1999-12-31)

${paper({ heading: '### [A](https://arxiv.org/abs/⟦2401.00001⟧)' })}

## Daily Papers (2005-03-01)

${paper({ heading: '### [B](https://arxiv.org/abs/⟦0704.0001⟧)' })}

## Daily Papers (2104-01-01)

${paper({ heading: '### [C](https://arxiv.org/abs/2401.00002)' })}
`);
  assert.match(findings[0].message, /arXiv 2401\.00001 is from 2024-01, after this day \(1999-12-31\)/);
});
