import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../../server/src/lint';
import { parse } from '../../../server/src/model/parse';
import { findBareUrls } from '../../../server/src/model/urls';
import { yearFile } from '../../../bench/corpus';
import { shiftPaper } from '../../../server/src/model/incremental';
import type { Digest, Range } from '../../../server/src/model/types';
import { allRanges, badRange, marked } from '../helpers';

const SMALL = `
## Daily Papers (⟦2024-01-11⟧)

### [⟦PIXART-δ: Fast and Controllable 😀⟧](https://arxiv.org/abs/⟦2401.05252v2⟧)

![](https://cdn-thumbnails.huggingface.co/social-thumbnails/papers/⟦2401.05252⟧.png)

Vote: ⟦24⟧

Authors: ⟦Junsong Chen⟧, ⟦Yue Wu⟧, ⟦+⟧

⟦- 이 기술 보고서는 ⟦https://x.io⟧⟦에서⟧ 소개합니다.
  이어지는 줄⟧

### [⟦한국어 제목 😀 δ⟧](https://arxiv.org/abs/⟦2401.05253⟧)

[Watch Video](⟦https://x.io/K.mp4⟧)
<div><video controls src="⟦https://x.io/K.mp4⟧" muted="false"></video></div>
`;

test('the model of a small digest: days, papers, elements, UTF-16 ranges', () => {
  const { text, ranges } = marked(SMALL);
  const [date, title1, id1, thumb, vote, a1, a2, plus, bullet, url, glued, title2, id2, link, src] = ranges;
  const d = parse(text);
  assert.equal(d.isDigest, true);
  assert.equal(d.bom, false);
  assert.equal(d.eol, '\n');
  assert.deepEqual(d.orphanPapers, []);
  assert.deepEqual(d.unexpected, []);
  assert.equal(d.days.length, 1);
  const day = d.days[0];
  assert.equal(day.date, '2024-01-11');
  assert.deepEqual(day.heading.date?.range, date);
  assert.deepEqual(day.range, { start: { line: 0, character: 0 }, end: { line: 16, character: 74 } });
  const [p1, p2] = day.papers;
  assert.equal(day.papers.length, 2);

  assert.equal(p1.heading.title?.text, 'PIXART-δ: Fast and Controllable 😀');
  assert.deepEqual(p1.heading.title?.range, title1);
  assert.equal(title1.end.character - title1.start.character, 34); // the emoji is two UTF-16 units
  // Nodes keep numbers and derive ranges; their JSON is the plain interface.
  assert.deepEqual(plain(p1.heading.arxiv), { id: '2401.05252', version: 'v2', range: id1 });
  assert.deepEqual(plain(p1.thumbnails), [{ id: '2401.05252', range: thumb }]);
  assert.deepEqual(p1.media.map((m) => m.kind), ['image']);
  assert.deepEqual(p1.votes.map((v) => [v.count, v.value.range]), [[24, vote]]);
  assert.deepEqual(p1.authors[0].authors.map((a) => [a.name, a.key, a.range]), [
    ['Junsong Chen', 'junsong chen', a1],
    ['Yue Wu', 'yue wu', a2],
  ]);
  assert.deepEqual(p1.authors[0].truncated, plus);
  assert.equal(p1.bullets.length, 1);
  assert.deepEqual(p1.bullets[0].range, bullet);
  assert.equal(p1.bullets[0].text, '이 기술 보고서는 https://x.io에서 소개합니다.\n이어지는 줄');
  assert.deepEqual(p1.bullets[0].urls, [{ url: 'https://x.io', range: url, glued: { text: '에서', range: glued } }]);
  assert.deepEqual(p1.range, { start: { line: 2, character: 0 }, end: { line: 11, character: 8 } });

  assert.equal(p2.heading.title?.text, '한국어 제목 😀 δ');
  assert.deepEqual(p2.heading.title?.range, title2);
  assert.equal(p2.heading.arxiv?.id, '2401.05253');
  assert.deepEqual(p2.heading.arxiv?.range, id2);
  assert.equal(p2.media.length, 1);
  assert.deepEqual(p2.media[0].url?.range, link);
  assert.deepEqual(p2.media[0].videoSrc?.range, src);
  assert.deepEqual(p2.media[0].range, { start: { line: 15, character: 0 }, end: { line: 16, character: 74 } });
  assert.equal(badRange(text, allRanges(d)), undefined);
});

/** The model without what depends on line ends: the text and its line table. */
function shape(d: Digest): unknown {
  const { text: _t, lineStarts: _s, lineEnds: _e, eol: _l, hasCR: _c, bom: _b, ...rest } = d;
  return JSON.parse(JSON.stringify(rest));
}

test('LF, CRLF and lone CR give the same model but for line ends', () => {
  const lf = marked(SMALL).text;
  const crlf = parse(lf.replace(/\n/g, '\r\n'));
  const cr = parse(lf.replace(/\n/g, '\r'));
  assert.equal(crlf.eol, '\r\n');
  assert.deepEqual(shape(crlf), shape(parse(lf)));
  assert.deepEqual(shape(cr), shape(parse(lf)));
});

test('a BOM is character 0 of line 0: line-0 ranges shift by one, nothing else changes', () => {
  const text = marked(SMALL).text;
  const withBom = parse('\ufeff' + text);
  assert.equal(withBom.bom, true);
  assert.equal(withBom.isDigest, true);
  assert.deepEqual(withBom.days[0].heading.date?.range, { start: { line: 0, character: 18 }, end: { line: 0, character: 28 } });
  const unshifted = shape(withBom);
  for (const r of allRanges(unshifted) as Range[]) {
    if (r.start.line === 0) r.start.character--;
    if (r.end.line === 0) r.end.character--;
  }
  assert.deepEqual(unshifted, shape(parse(text)));
});

test('a BOM before a paper heading or a stray line keeps ranges after it', () => {
  const d = parse('\ufeff### [T](https://arxiv.org/abs/2401.05252)\n');
  assert.deepEqual(d.orphanPapers[0].heading.title?.range, { start: { line: 0, character: 6 }, end: { line: 0, character: 7 } });
  const e = parse('\ufeff  intro  \n');
  // Spans keep their extent as numbers; their JSON is the plain `{ text, range }`.
  assert.deepEqual(JSON.parse(JSON.stringify(e.unexpected)), [{ text: 'intro', range: { start: { line: 0, character: 3 }, end: { line: 0, character: 8 } } }]);
});

test('headings indented by up to three spaces are headings (as in CommonMark); four spaces or a tab are not', () => {
  const paper = (id: string) => `### [T](https://arxiv.org/abs/${id})\n\n![](https://x.io/a.png)\n\nVote: 1\n\nAuthors: A\n\n- b\n`;
  const text = `\ufeff   ## Daily Papers (2024-01-11)\n\n  ${paper('2401.00001')}\n ${paper('2401.00002')}`;
  const d = parse(text);
  assert.equal(d.isDigest, true);
  assert.deepEqual(d.days.map((day) => day.papers.map((p) => p.heading.arxiv?.id)), [['2401.00001', '2401.00002']]);
  assert.deepEqual(lint(d), []);
  assert.deepEqual(d.days[0].heading.date?.range, { start: { line: 0, character: 21 }, end: { line: 0, character: 31 } });
  assert.deepEqual(d.days[0].papers[0].heading.title?.range, { start: { line: 2, character: 7 }, end: { line: 2, character: 8 } });
  for (const indent of ['    ', '\t', '  \t']) {
    const e = parse(`## Daily Papers (2024-01-11)\n\n${indent}${paper('2401.00001')}`);
    assert.equal(e.days[0].papers.length, 0, JSON.stringify(indent));
    assert.deepEqual(lint(e).map((f) => f.rule), ['unexpected-line', 'unexpected-line', 'unexpected-line', 'unexpected-line', 'unexpected-line']);
  }
  assert.equal(parse('    ## Daily Papers (2024-01-11)\n').isDigest, false);
});

test('an empty file, blank lines and a BOM alone are no digest and have no findings', () => {
  for (const text of ['', '\n\n', '\ufeff', '\r\n \t\r\n']) {
    const d = parse(text);
    assert.equal(d.isDigest, false);
    assert.deepEqual([d.days, d.orphanPapers, d.unexpected, lint(d)], [[], [], [], []]);
  }
});

const HEAD = '## Daily Papers (2024-01-11)\n\n### [T](https://arxiv.org/abs/2401.05252)\n\n';

const hostile: [string, () => string][] = [
  ['binary-ish text with NUL', () => HEAD + 'Vote: 1\0\n\0\0\n- \0https://x.io\0에서\n' + '\x00\x01\x02\xff\ud800'.repeat(100)],
  ['a 1 MB single line', () => 'a[b](c '.repeat(150_000)],
  ['a 1 MB paper heading', () => '### [' + 'a[b](c '.repeat(150_000) + '](https://arxiv.org/abs/2401.05252)'],
  ['a 1 MB bullet', () => HEAD + '- ' + 'a[b](c https://x.io에서 '.repeat(50_000)],
  ['100,000 [ in a bullet', () => HEAD + '- ' + '['.repeat(100_000)],
  ['100,000 [ on a media line', () => HEAD + '![' + '['.repeat(100_000)],
  ['100,000 [ in a heading', () => '### ' + '['.repeat(100_000)],
  ['an Authors: line with 50,000 names', () => HEAD + 'Authors: ' + Array.from({ length: 50_000 }, (_, i) => `Name ${i % 1000}`).join(', ') + ', +'],
  ['10 MB with no newline', () => '- https://x.io에서 [a]https://y '.repeat(350_000)],
  ['a 10 MB heading with no newline', () => '### [' + '[a]https://y ](x) '.repeat(550_000)],
  ['100,000 lines of headings', () => '## Daily Papers (2024-01-11)\n### [T](https://arxiv.org/abs/2401.05252)\n'.repeat(50_000)],
];

for (const [name, make] of hostile) {
  test(`${name}: parses and lints, every range inside the document`, () => {
    const text = make();
    const d = parse(text);
    const findings = lint(d);
    assert.equal(badRange(text, allRanges(d)), undefined);
    assert.equal(badRange(text, allRanges(findings)), undefined);
  });
}

function plain(x: unknown): unknown {
  return JSON.parse(JSON.stringify(x));
}

test('a title with other white space at its ends: trimmed text, range as written; only such space is an empty title', () => {
  const { text, ranges } = marked('### [⟦\u00a0Title \u3000⟧](https://arxiv.org/abs/2401.00001)\n### ⟦[\u00a0]⟧(https://arxiv.org/abs/2401.00002)\n');
  const [a, b] = parse(text).orphanPapers;
  assert.equal(a.heading.title?.text, 'Title');
  assert.deepEqual(a.heading.title?.range, ranges[0]);
  assert.equal(a.heading.problem, undefined);
  assert.equal(b.heading.problem, 'empty-title');
  assert.equal(b.heading.title?.text, '');
  assert.deepEqual(b.heading.title?.range, ranges[1]);
  assert.equal(b.heading.url?.text, 'https://arxiv.org/abs/2401.00002');
});

test('spans made on demand follow their paper when an edit above moves it', () => {
  const p = parse('### [T](https://arxiv.org/abs/2401.00001)\n![](https://x.io/a.png)\nVote: 3\n').orphanPapers[0];
  shiftPaper(p, 2);
  const lines = [p.heading.content, p.heading.title, p.heading.url, p.media[0].url, p.votes[0].value].map((s) => s?.range.start.line);
  assert.deepEqual(lines, [2, 2, 2, 3, 4]);
});

test('only lines holding `://` are searched for bare URLs, and no URL is missed for it', () => {
  // Schemes and near-misses: `http` without `://`, `://` without http, both on one line, a URL
  // on a continuation line, one glued to Korean text, one right at a line's end.
  const edge = [
    '## Daily Papers (2024-01-11)',
    '',
    '### [T](https://arxiv.org/abs/2401.05252)',
    'Authors: A',
    '- http is a protocol, httpx is a library, http:/x is broken',
    '- ftp://x.org and file:///tmp are not bare http URLs',
    '- see https://a.io/x와 http://b.io',
    '  continued: https://c.io/y',
    '- ends with https://d.io',
    '- only the older scheme: http://h.io/p',
    '- [link](https://e.io) and <https://f.io> and https://g.io',
  ].join('\n');
  for (const text of [edge, yearFile(7, 400_000)]) {
    const digest = parse(text);
    const lines = text.split('\n');
    let found = 0;
    for (const paper of digest.days.flatMap((d) => d.papers)) {
      // Every line of every bullet, searched without the gate.
      const expected = paper.bullets.flatMap((b) => {
        const out = [];
        for (let l = b.range.start.line; l <= b.range.end.line; l++) out.push(...findBareUrls(lines[l], l, []));
        return out;
      });
      assert.deepEqual(JSON.parse(JSON.stringify(paper.urls)), JSON.parse(JSON.stringify(expected)));
      found += expected.length;
    }
    assert.ok(found > 0);
  }
});
