import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectRule } from '../helpers';

const DAY = '## Daily Papers (2024-01-11)';

test('a ### heading that is not a link: range on its text', () => {
  const { findings } = expectRule('invalid-paper-heading', `
${DAY}

### ⟦Mamba: Linear-Time Sequence Modeling⟧

### ⟦[Mamba] (https://arxiv.org/abs/2312.00752)⟧

⟦###⟧
`);
  assert.equal(findings[0].message, "Paper heading is not a link to arXiv: expected '### [Title](https://arxiv.org/abs/ID)'.");
});

test('an empty title: range on the brackets', () => {
  const { findings } = expectRule('invalid-paper-heading', `
${DAY}

### ⟦[ ]⟧(https://arxiv.org/abs/2401.05252)
`);
  assert.match(findings[0].message, /empty title/);
});

test('a link that is not an arXiv abstract: range on the URL', () => {
  const { findings } = expectRule('invalid-paper-heading', `
${DAY}

### [PIXART-δ](⟦https://huggingface.co/papers/2401.05252⟧)

### [PIXART-δ](⟦http://arxiv.org/abs/2401.05252⟧)

### [PIXART-δ](⟦https://arxiv.org/pdf/2401.05252⟧)
`);
  assert.match(findings[0].message, /'https:\/\/huggingface.co\/papers\/2401.05252' is not an arXiv abstract URL/);
});

test('an invalid arXiv id: range on the id, message names the id and the expected shape', () => {
  const { findings } = expectRule('invalid-paper-heading', `
${DAY}

### [Five digits since 1501](https://arxiv.org/abs/⟦1501.1234⟧)

### [Four digits until 1412](https://arxiv.org/abs/⟦1412.12345⟧)

### [Month 13](https://arxiv.org/abs/⟦2413.00001⟧)

### [Month 00](https://arxiv.org/abs/⟦2400.00001⟧)

### [Version 0](https://arxiv.org/abs/⟦2401.05252v0⟧)

### [Trailing slash](https://arxiv.org/abs/⟦2401.05252/⟧)

### [Old style](https://arxiv.org/abs/⟦hep-th/9901001⟧)

### [Before the new style (0704)](https://arxiv.org/abs/⟦0703.1234⟧)

### [No id](⟦https://arxiv.org/abs/⟧)

### [In angle brackets](<https://arxiv.org/abs/⟦2401.5252⟧>)
`);
  assert.equal(
    findings[0].message,
    "'1501.1234' is not a valid arXiv id: expected YYMM.NNNNN (or YYMM.NNNN before 2015) with an optional vN.",
  );
});

test('valid ids: four digits until 1412, five since 1501, with or without a version', () => {
  expectRule('invalid-paper-heading', `
${DAY}

### [Old](https://arxiv.org/abs/1412.1234)

### [The first of the style](https://arxiv.org/abs/0704.0001)

### [New](https://arxiv.org/abs/1501.12345)

### [Versioned](https://arxiv.org/abs/2401.05252v12)

### [Nested [brackets] in a title — δ 한국어 😀](https://arxiv.org/abs/2401.05252)

### [Closing hashes](https://arxiv.org/abs/2401.05253) ###

### [Blanks around the URL]( https://arxiv.org/abs/2401.05254 )

### [In angle brackets](<https://arxiv.org/abs/2401.05255>)
`);
});
