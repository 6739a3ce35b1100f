import { test } from 'node:test';
import assert from 'node:assert/strict';
import { expectFix, expectRule, paper } from '../helpers';

const DAY = '## Daily Papers (2023-12-04)';
const MP4 = 'https://cdn-uploads.huggingface.co/production/uploads/60f1abe7544c2adfd699860c/i0OtI7IVL_ANfE1YOKxxt.mp4';

test('[Watch Video]URL: range on the link, fix wraps the URL in parentheses', () => {
  const { text, findings } = expectRule('malformed-link', `
${DAY}

${paper({ media: `⟦[Watch Video]${MP4}⟧\n<div><video controls src="${MP4}" muted="false"></video></div>` })}
`);
  assert.equal(findings[0].message.endsWith("the URL is not in parentheses: expected [text](URL)."), true);
  assert.equal(findings[0].fixes![0].title, 'Wrap the URL in parentheses');
  expectFix(text, findings[0], text.replace(`[Watch Video]${MP4}`, `[Watch Video](${MP4})`));
});

test('[text]URL with any other label is reported but not fixed (the contract fixes only [Watch Video])', () => {
  const { findings } = expectRule('malformed-link', `
${DAY}

${paper({ bullets: '- 코드: ⟦[GitHub]https://github.com/x/y⟧ 참고' })}

${paper({ media: '⟦![]https://x.io/a.png⟧' })}

${paper({ bullets: '- ⟦[Watch Videos]https://x.io/a.mp4⟧' })}
`);
  for (const f of findings) assert.equal(f.fixes, undefined, f.message);
});

test('[Watch Video]URL glued to Korean: the URL ends before the Korean, which stays outside the parentheses', () => {
  const { text, findings } = expectRule('malformed-link', `
${DAY}

${paper({ bullets: '- 영상은 ⟦[Watch Video]https://x.io/a.mp4⟧에서 공개' })}
`);
  expectFix(text, findings[0], text.replace('[Watch Video]https://x.io/a.mp4에서', '[Watch Video](https://x.io/a.mp4)에서'));
});

test('unclosed brackets and parentheses, empty URLs, spaces, other schemes: no fix', () => {
  const { findings } = expectRule('malformed-link', `
${DAY}

${paper({ media: '⟦![](https://cdn-uploads.huggingface.co/a.png⟧  ' })}

${paper({ media: '⟦![alt text⟧' })}

${paper({ media: '⟦![]()⟧' })}

${paper({ media: '![](⟦https://x.io/a b.png⟧)' })}

${paper({ bullets: '- see [docs](⟦ftp://x.io/a⟧) and [x](⟦javascript:alert(1)⟧)' })}

${paper({ bullets: '- ⟦[Watch Video]https://x.io/(a⟧ is not balanced' })}
`);
  assert.equal(findings.length, 7);
  for (const f of findings) assert.equal(f.fixes, undefined, f.message);
  assert.match(findings[0].message, /'\(' is never closed/);
  assert.match(findings[1].message, /'\[' is never closed/);
  assert.match(findings[2].message, /the URL is empty/);
  assert.match(findings[3].message, /contains a space/);
  assert.match(findings[4].message, /scheme is not http or https/);
});

test('well-formed links and plain brackets are not malformed', () => {
  expectRule('malformed-link', `
${DAY}

${paper({ media: `[Watch Video](${MP4})\n<div><video controls src="${MP4}" muted="false"></video></div>` })}

${paper({ media: '![](<https://x.io/a b.png>)' })}

${paper({ bullets: '- [docs](https://x.io/a "title") 와 [ref] 그리고 배열 a[0 과 b\n- \\[x]https://x.io' })}

${paper({ bullets: '- [balanced](https://en.wikipedia.org/wiki/A_(b)) 링크' })}
`);
});

test('[Watch Video] URL with a blank between: reported on a media line, fixed by replacing the blank with the parenthesis', () => {
  const { text, findings } = expectRule('malformed-link', `
${DAY}

${paper({ media: `⟦[Watch Video] \t${MP4}⟧\n<div><video controls src="${MP4}" muted="false"></video></div>` })}

${paper({ media: `⟦[watch video]${MP4}⟧` })}
`);
  assert.equal(findings[0].fixes![0].title, 'Wrap the URL in parentheses (the blank before it removed)');
  expectFix(text, findings[0], text.replace(`[Watch Video] \t${MP4}`, `[Watch Video](${MP4})`));
  expectFix(text, findings[1], text.replace(`[watch video]${MP4}`, `[watch video](${MP4})`));
});

test('in prose, an unclosed [ before a URL is an unclosed link; a [ inside a word or with no URL after it is text', () => {
  const { findings } = expectRule('malformed-link', `
${DAY}

${paper({ bullets: '- ⟦[프로젝트 페이지(https://x.io/p) 참고⟧\n- 배열 a[0 과 https://x.io 그리고 [ 괄호만\n- [GitHub] https://github.com/x/y 에서 공개' })}
`);
  assert.match(findings[0].message, /'\[' is never closed/);
  assert.equal(findings[0].fixes, undefined);
});
