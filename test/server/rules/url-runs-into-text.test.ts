import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectFix, expectRule, paper } from '../helpers';

const DAY = '## Daily Papers (2023-12-29)';

test('a bare URL glued to Korean text: range on URL and glued text, two fixes', () => {
  const { text, findings } = expectRule('url-runs-into-text', `
${DAY}

${paper({ bullets: '- 이 모델의 코드는 ⟦https://github.com/Meituan-AutoML/MobileVLM에서⟧ 공개될 예정입니다.' })}
`);
  assert.equal(
    findings[0].message,
    "URL 'https://github.com/Meituan-AutoML/MobileVLM' runs into '에서': auto-linking would swallow the text; expected a space or <…> after the URL.",
  );
  assert.deepEqual(findings[0].fixes!.map((f) => f.title), ['Insert a space after the URL', 'Wrap the URL in <…>']);
  expectFix(text, findings[0], text.replace('MobileVLM에서', 'MobileVLM 에서'), 0);
  expectFix(text, findings[0], text.replace('https://github.com/Meituan-AutoML/MobileVLM에서', '<https://github.com/Meituan-AutoML/MobileVLM>에서'), 1);
});

test('the glued text stops at ASCII punctuation; continuation lines are checked too', () => {
  expectRule('url-runs-into-text', `
${DAY}

${paper({ bullets: '- 데이터셋은 ⟦https://dl3dv-10k.github.io/DL3DV-10K/에서⟧, 코드는\n  ⟦http://x.io/a?b=1😀⟧ 입니다. (⟦https://x.io에서⟧)' })}
`);
});

test('near misses: ) or > ends the URL, a space, ASCII text, links and non-bullets', () => {
  expectRule('url-runs-into-text', `
${DAY}

${paper({
  bullets: [
    '- 코드 (https://x.io)에서 공개',
    '- 코드 <https://x.io>에서 공개',
    '- 코드 https://x.io 에서 공개',
    '- 코드 https://x.io/abc.',
    '- 코드 [여기](https://x.io)에서 공개',
    '- 코드 xhttps://x.io에서',
  ].join('\n'),
})}

Authors: https://x.io에서
`);
});

test('no auto-linking inside a code span or a link label, so nothing is swallowed there', () => {
  expectRule('url-runs-into-text', `
${DAY}

${paper({
  bullets: [
    '- 예: \`curl https://x.io/api에서\` 실행',
    '- 예: \`\` a ` https://x.io에서 \`\` 끝',
    '- [https://x.io에서 보기](https://x.io) 참고',
    '- ![https://x.io/a에서](https://x.io/a.png) 그림',
    '- 코드 \`x\` 다음 ⟦https://x.io에서⟧ 그리고 [a](b) 뒤 ⟦https://y.io에서⟧',
    '- 닫히지 않은 \` 다음 ⟦https://z.io에서⟧',
    '- 레이블 아님 [⟦https://w.io에서⟧] 괄호만',
  ].join('\n'),
})}
`);
});
