import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixesFor } from '../../../server/src/fixes';
import { applyFix, expectFix, expectRule, lintText, marked, paper } from '../helpers';

const DAY = '## Daily Papers (2024-01-11)';

test('each repeat is reported on itself, related on the first occurrence', () => {
  const src = `
${DAY}

${paper({ authors: 'Authors: ⟦Junsong Chen⟧, ⟦Junsong Chen⟧, Yue Wu, ⟦Junsong Chen⟧, +' })}
`;
  const [first, ...repeats] = marked(src).ranges;
  const { findings } = expectRule('duplicate-author', src.replace('⟦', '').replace('⟧', ''));
  assert.deepEqual(findings.map((f) => f.range), repeats);
  for (const f of findings) {
    assert.deepEqual(f.related, [{ range: first, message: "First occurrence of 'Junsong Chen'" }]);
    assert.equal(f.message, "Author 'Junsong Chen' is already listed on this line: expected each author once.");
  }
});

test('names compare after case folding, trimming, collapsing spaces and NFC', () => {
  expectRule('duplicate-author', `
${DAY}

${paper({ authors: 'Authors: A, ⟦a⟧' })}

${paper({ authors: 'Authors: Yue  Wu, ⟦yue wu⟧,   ⟦YUE WU⟧  ' })}

${paper({ authors: 'Authors: Jos\u00e9 Lez, ⟦Jose\u0301 Lez⟧' })}

${paper({ authors: 'Authors: Michael Zollhöfer, ⟦MICHAEL ZOLLHÖFER⟧' })}

${paper({ authors: 'Authors: Straße, ⟦STRASSE⟧' })}

${paper({ authors: 'Authors: Yue\u00a0Wu, ⟦Yue Wu⟧' })}
`);
});

test('near misses: different names, fullwidth letters (NFC is not NFKC), other lines, the , + mark', () => {
  expectRule('duplicate-author', `
${DAY}

${paper({ authors: 'Authors: Ａ, A' })}

${paper({ authors: 'Authors: Yue Wu, YueWu, Yue Wu Jr' })}

${paper({ authors: 'Authors: Junsong Chen, +' })}

${paper({ authors: 'Authors: Junsong Chen, +' })}

${paper({ authors: 'Authors: A, +, B, +, C, +' })}
`);
});

test('fix: remove this repeat with its separator, keeping order and the trailing , +', () => {
  const { text, findings } = expectRule('duplicate-author', `
${DAY}

${paper({ authors: 'Authors: Junsong Chen, ⟦Junsong Chen⟧, Yue Wu, ⟦junsong chen⟧, +' })}
`);
  assert.equal(findings[0].fixes![0].title, "Remove repeated author 'Junsong Chen'");
  expectFix(text, findings[0], text.replace('Authors: Junsong Chen, Junsong Chen, Yue Wu', 'Authors: Junsong Chen, Yue Wu'));
  expectFix(text, findings[1], text.replace('Yue Wu, junsong chen, +', 'Yue Wu, +'));
});

test('fix scopes: this repeat, every repeat in the line, every repeat in the file', () => {
  const text = `${DAY}

${paper({ authors: 'Authors: Zhaoxi Chen, Zhaoxi Chen, Zhaoxi Chen, Gyeongsik Moon, Ziwei Liu, Ziwei Liu, +' })}

${paper({ authors: 'Authors: Jiawei Ren, Jiawei Ren, Liang Pan' })}
`;
  const all = lintText(text);
  const repeats = all.filter((f) => f.rule === 'duplicate-author');
  assert.equal(repeats.length, 4);
  const offered = fixesFor(repeats[0], all);
  assert.deepEqual(offered.map((f) => f.title), [
    "Remove repeated author 'Zhaoxi Chen'",
    'Remove every repeated author in this line',
    'Remove every repeated author in the file',
  ]);
  const [one, line, file] = offered.map((fix) => applyFix(text, fix));
  assert.match(one, /^Authors: Zhaoxi Chen, Zhaoxi Chen, Gyeongsik Moon, Ziwei Liu, Ziwei Liu, \+$/m);
  assert.match(line, /^Authors: Zhaoxi Chen, Gyeongsik Moon, Ziwei Liu, \+$/m);
  assert.match(line, /^Authors: Jiawei Ren, Jiawei Ren, Liang Pan$/m);
  assert.match(file, /^Authors: Zhaoxi Chen, Gyeongsik Moon, Ziwei Liu, \+$/m);
  assert.match(file, /^Authors: Jiawei Ren, Liang Pan$/m);
  assert.deepEqual(lintText(file).filter((f) => f.rule === 'duplicate-author'), []);
  // The only repeat of its line: no line scope, but the file scope is offered.
  assert.deepEqual(fixesFor(repeats[3], all).map((f) => f.title), [
    "Remove repeated author 'Jiawei Ren'",
    'Remove every repeated author in the file',
  ]);
});

test('a single repeat in the file offers only its own fix', () => {
  const text = `${DAY}\n\n${paper({ authors: 'Authors: A, B, A' })}\n`;
  const all = lintText(text);
  const [repeat] = all.filter((f) => f.rule === 'duplicate-author');
  assert.deepEqual(fixesFor(repeat, all).map((f) => f.title), ["Remove repeated author 'A'"]);
  assert.match(applyFix(text, repeat.fixes![0]), /^Authors: A, B$/m);
});

test('fix: what lies between the names other than one comma and spaces stays (a stray +, an empty entry)', () => {
  const cases: [string, string][] = [
    ['Authors: A, +, A', 'Authors: A, +'],
    ['Authors: A, , A, ,', 'Authors: A, , ,'],
    ['Authors: A,,A', 'Authors: A,'],
    ['Authors: A , A', 'Authors: A'],
    ['Authors: A,\tA, B', 'Authors: A, B'],
    ['Authors: A, B, +, b, A, +', 'Authors: A, B, +, +'],
    // The blanks after a removed repeat go with it: the spacing of what stays is the writer's.
    ['Authors: A,  A  , +', 'Authors: A, +'],
    ['Authors: A  ,  A  ,  B', 'Authors: A,  B'],
    ['Authors: A, B , A', 'Authors: A, B'],
    ['Authors: A, A\t, A', 'Authors: A'],
  ];
  for (const [before, after] of cases) {
    const text = `${DAY}\n\n${paper({ authors: before })}\n`;
    const all = lintText(text).filter((f) => f.rule === 'duplicate-author');
    assert.ok(all.length > 0, before);
    let fixed = text;
    for (const f of [...all].reverse()) fixed = applyFix(fixed, f.fixes![0]);
    assert.ok(fixed.includes(`\n${after}\n`), `${before} -> ${fixed.split('\n').find((l) => l.startsWith('Authors'))}`);
    assert.deepEqual(lintText(fixed).filter((f) => f.rule === 'duplicate-author'), [], 'nothing left to fix');
  }
});
