// The TextMate grammar, tokenized by the engine VS Code uses, checked against the parser: a line
// is highlighted as a digest element only when server/src/model reads it as one, and what the
// parser reports on such a line (a date not on the calendar, a vote that is not a count, a
// [Watch Video] link without its parentheses) is invalid.illegal.
//
// Deliberate differences, where a line-by-line grammar cannot or need not follow the parser:
// - Context. Vote:, Authors:, [Watch Video] and <video> lines are highlighted wherever they
//   stand; the parser takes them as elements only inside a paper (before the first ### they are
//   unexpected-line), and after a bullet it reads an indented line as the bullet's continuation.
//   The grammar follows that only as far as VS Code's Markdown list rule does (2-4 spaces or a
//   tab keep a list going): a line indented by one space after a bullet is still highlighted.
// - Code fences. The parser finds headings inside a ``` block; the grammar shows code there.
// - A paper heading the parser rejects stays a plain Markdown heading (its diagnostic marks it),
//   and so do the [Watch Video] forms listed in the video test below that the grammar leaves to
//   Markdown's link rule. An empty `Vote:` has no text to mark.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, fixtureNames } from '../../scripts/update-expectations';
import { parse } from '../../server/src/model/parse';
import type { Range } from '../../server/src/model/types';
import { allIn, digestScopes, hasScope, scopesAt, show, tokenize, type Line } from './tokenize';

async function line(text: string): Promise<Line> {
  return (await tokenize(text))[0];
}

/**
 * Asserts that the line lies wholly in `outer` and that each fragment, found left to right, is
 * one token carrying its scope.
 */
function expectTokens(l: Line, outer: string, fragments: [string, string][]): void {
  assert.ok(allIn(l, outer), `not all ${outer}: ${show(l)}`);
  let from = 0;
  for (const [fragment, scope] of fragments) {
    const at = l.text.indexOf(fragment, from);
    assert.notEqual(at, -1, `${JSON.stringify(fragment)} not in ${JSON.stringify(l.text)}`);
    const scopes = scopesAt(l, at, at + fragment.length);
    assert.ok(scopes.includes(scope), `${JSON.stringify(fragment)} is not ${scope}: ${show(l)}`);
    from = at + fragment.length;
  }
}

function expectNoDigestScope(l: Line): void {
  assert.deepEqual(digestScopes(l), [], show(l));
}

function scopesOfRange(lines: Line[], r: Range): string[] {
  assert.equal(r.start.line, r.end.line);
  return scopesAt(lines[r.start.line], r.start.character, r.end.character);
}

// ---- day headings ----------------------------------------------------------------------------

test('day heading `## Daily Papers (2024-01-11)`: the date is constant.numeric.date.digest', async () => {
  expectTokens(await line('## Daily Papers (2024-01-11)'), 'markup.heading.day.digest', [
    ['##', 'punctuation.definition.heading.markdown'],
    ['Daily Papers', 'entity.name.section.markdown.digest'],
    ['(', 'punctuation.definition.date.begin.digest'],
    ['2024-01-11', 'constant.numeric.date.digest'],
    [')', 'punctuation.definition.date.end.digest'],
  ]);
});

test('day heading indented by up to three spaces is one; by four spaces or a tab it is code', async () => {
  for (const indent of ['', ' ', '  ', '   ']) {
    const text = `${indent}## Daily Papers (2024-01-11)`;
    expectTokens(await line(text), 'markup.heading.day.digest', [['2024-01-11', 'constant.numeric.date.digest']]);
    assert.equal(parse(text).days[0].heading.problem, undefined);
  }
  for (const indent of ['    ', '\t', '  \t']) {
    const text = `${indent}## Daily Papers (2024-01-11)`;
    const l = await line(text);
    expectNoDigestScope(l);
    // (VS Code's Markdown grammar does not expand `  \t` to a tab stop: no code block there.)
    if (indent !== '  \t') assert.ok(hasScope(l, 'markup.raw.block.markdown'), show(l));
    assert.equal(parse(text).days.length, 0);
  }
});

test('`## Daily Papers  (2024-01-11)` with two spaces is no day heading, for the grammar as for the parser', async () => {
  const text = '## Daily Papers  (2024-01-11)';
  assert.equal(parse(text).days[0].heading.problem, 'shape');
  const l = await line(text);
  expectNoDigestScope(l);
  // It stays what Markdown makes of it: a plain level-2 heading.
  assert.ok(allIn(l, 'markup.heading.markdown'), show(l));
});

test('near misses of a day heading are no day heading, for the grammar as for the parser', async () => {
  for (const text of [
    '## daily papers (2024-01-11)',
    '## Daily  Papers (2024-01-11)',
    '## Daily Papers(2024-01-11)',
    '## Daily Papers 2024-01-11',
    '## Daily Papers (2024-1-11)',
    '## Daily Papers (24-01-11)',
    '## Daily Papers (2024-01-11) more',
    '## Daily Papers (2024-01-11)##',
    '## Daily Papers (２０２４-01-11)',
    '##Daily Papers (2024-01-11)',
    '### Daily Papers (2024-01-11)',
  ]) {
    const d = parse(text);
    assert.ok(d.days.length === 0 || d.days[0].heading.problem === 'shape', text);
    expectNoDigestScope(await line(text));
  }
});

test('a day heading may close with #s and have blanks around its text, as ATX headings may', async () => {
  for (const text of ['## Daily Papers (2024-01-11) ##', '##\tDaily Papers (2024-01-11)\t#  ', '##   Daily Papers (2024-01-11)   ']) {
    assert.equal(parse(text).days[0].heading.problem, undefined, text);
    const l = await line(text);
    expectTokens(l, 'markup.heading.day.digest', [['2024-01-11', 'constant.numeric.date.digest']]);
  }
});

test('a day heading whose date is not on the calendar is a day heading with an invalid.illegal date', async () => {
  for (const date of ['2023-02-29', '1900-02-29', '2100-02-29', '2023-04-31', '2023-13-01', '2023-00-10', '2023-01-00', '2023-01-32']) {
    const text = `## Daily Papers (${date})`;
    assert.equal(parse(text).days[0].heading.problem, 'calendar', text);
    const l = await line(text);
    expectTokens(l, 'markup.heading.day.digest', [[date, 'invalid.illegal.date.digest']]);
    assert.ok(!hasScope(l, 'constant.numeric.date'), show(l));
  }
  for (const date of ['2024-02-29', '2000-02-29', '2023-02-28', '2023-12-31', '2023-04-30']) {
    expectTokens(await line(`## Daily Papers (${date})`), 'markup.heading.day.digest', [[date, 'constant.numeric.date.digest']]);
  }
});

/** What the grammar makes of a lone line as a day heading: 'valid', 'calendar' (bad date) or 'none'. */
function dayVerdict(l: Line): 'valid' | 'calendar' | 'none' {
  if (!hasScope(l, 'markup.heading.day.digest')) return 'none';
  return hasScope(l, 'invalid.illegal.date.digest') ? 'calendar' : 'valid';
}

test('grammar and parser agree on every line of a generated set of would-be day headings', async () => {
  const texts: string[] = [];
  for (const indent of ['', '   ', '    ', '\t'])
    for (const hashes of ['#', '##', '###'])
      for (const gap of ['', ' ', '\t'])
        for (const content of ['Daily Papers (2024-01-11)', 'Daily Papers  (2024-01-11)', 'Daily Papers (2024-01-11) x', 'Daily Papers (2024-02-30)'])
          for (const close of ['', ' ##', '##', '\t#\t'])
            texts.push(indent + hashes + gap + content + close);
  for (const y of ['2023', '2024'])
    for (let m = 0; m <= 13; m++)
      for (const d of ['00', '01', '28', '29', '30', '31', '32']) texts.push(`## Daily Papers (${y}-${String(m).padStart(2, '0')}-${d})`);
  for (const y of ['1900', '2000', '2100', '2400', '0000', '2096']) texts.push(`## Daily Papers (${y}-02-29)`);
  const lines = await tokenize(texts.join('\n'));
  for (let i = 0; i < texts.length; i++) {
    const heading = parse(texts[i]).days[0]?.heading;
    const parser = !heading || heading.problem === 'shape' ? 'none' : heading.problem === 'calendar' ? 'calendar' : 'valid';
    assert.equal(dayVerdict(lines[i]), parser, `${JSON.stringify(texts[i])}: ${show(lines[i])}`);
  }
});

// ---- paper headings --------------------------------------------------------------------------

test('paper heading `### [Title](https://arxiv.org/abs/ID)`: title, link and arXiv id', async () => {
  const text = '### [PIXART-δ: Fast and Controllable 😀](https://arxiv.org/abs/2401.05252v2)';
  expectTokens(await line(text), 'markup.heading.paper.digest', [
    ['###', 'punctuation.definition.heading.markdown'],
    ['[', 'punctuation.definition.link.title.begin.markdown'],
    ['PIXART-δ: Fast and Controllable 😀', 'entity.name.type.class.paper-title.digest'],
    [']', 'punctuation.definition.link.title.end.markdown'],
    ['(', 'punctuation.definition.metadata.markdown'],
    ['https://arxiv.org/abs/', 'markup.underline.link.markdown'],
    ['2401.05252v2', 'constant.other.arxiv-id.digest'],
    [')', 'punctuation.definition.metadata.markdown'],
  ]);
  const h = parse(text).orphanPapers[0].heading;
  assert.equal(h.problem, undefined);
  assert.equal(h.arxiv?.id, '2401.05252');
});

test('paper headings the parser rejects are plain Markdown headings', async () => {
  for (const text of [
    '### [](https://arxiv.org/abs/2401.05252)',
    '### [  ](https://arxiv.org/abs/2401.05252)',
    '### [T](https://arxiv.org/abs/2401.0525)', // four digits after 1501
    '### [T](https://arxiv.org/abs/1412.12345)', // five digits before 1501
    '### [T](https://arxiv.org/abs/2413.05252)', // month 13
    '### [T](https://arxiv.org/abs/2401.05252v0)',
    '### [T](https://arxiv.org/abs/2401.05252v)',
    '### [T](http://arxiv.org/abs/2401.05252)',
    '### [T](https://arxiv.org/pdf/2401.05252)',
    '### [T](https://arxiv.org/abs/2401.05252) more',
    '### [a](b) [c](https://arxiv.org/abs/2401.05252)',
    '### [T] (https://arxiv.org/abs/2401.05252)',
  ]) {
    assert.ok(parse(text).orphanPapers[0].heading.problem, text);
    const l = await line(text);
    expectNoDigestScope(l);
    assert.ok(allIn(l, 'markup.heading.markdown'), show(l));
  }
});

/** The parser's title and id of a lone paper heading line, or undefined when it rejects it. */
function paperOf(text: string): { title: Range; id: Range } | undefined {
  const h = parse(text).orphanPapers[0]?.heading;
  return h && !h.problem ? { title: h.title!.range, id: h.arxiv!.range } : undefined;
}

test('grammar and parser agree on every line of a generated set of would-be paper headings', async () => {
  const texts: string[] = [];
  const titles = ['T', ' PIXART-δ: Fast 😀 ', '', ' ', '\t', '\u00a0', '\ufeff', '\u0085', 'a [b] c', 'a [b [c]] d', '[x](y)', 'a [b', 'a ] b', 'a\\]b', 'a\\[b', 'a\\'];
  const ids = ['2401.05252', '2401.0525', '1412.1234', '1412.12345', '1501.1234', '1501.12345', '0704.0001', '2413.05252', '2400.05252', '2401.05252v2', '2401.05252v10', '2401.05252v0', '2401.05252v01', '2401.05252v', '2401.052521', '2401.05252x', '24010.5252', ' 2401.05252'];
  for (const title of titles) for (const id of ids) texts.push(`### [${title}](https://arxiv.org/abs/${id})`);
  for (const indent of ['', '   ', '    '])
    for (const hashes of ['##', '###', '####'])
      for (const gap of ['', ' ', '\t'])
        for (const link of ['(https://arxiv.org/abs/2401.05252)', '(http://arxiv.org/abs/2401.05252)', '(https://www.arxiv.org/abs/2401.05252)', ' (https://arxiv.org/abs/2401.05252)', '(https://arxiv.org/abs/2401.05252 )', '( <https://arxiv.org/abs/2401.05252> )', '(<https://arxiv.org/abs/2401.05252)', '(https://arxiv.org/abs/2401.05252>)', '(< https://arxiv.org/abs/2401.05252>)', '(<https://arxiv.org/abs/2401.05252>x)', '(https://arxiv.org/abs/2401.05252 >)'])
          for (const close of ['', '  ', ' ###', '###', ' # x'])
            texts.push(`${indent}${hashes}${gap}[T]${link}${close}`);
  const lines = await tokenize(texts.join('\n'));
  for (let i = 0; i < texts.length; i++) {
    const l = lines[i];
    const expected = paperOf(texts[i]);
    const where = `${JSON.stringify(texts[i])}: ${show(l)}`;
    assert.equal(hasScope(l, 'markup.heading.paper.digest'), expected !== undefined, where);
    if (!expected) continue;
    assert.ok(allIn(l, 'markup.heading.paper.digest'), where);
    assert.ok(scopesAt(l, expected.title.start.character, expected.title.end.character).includes('entity.name.type.class.paper-title.digest'), where);
    assert.ok(scopesAt(l, expected.id.start.character, expected.id.end.character).includes('constant.other.arxiv-id.digest'), where);
  }
});

// ---- Vote: and Authors: ----------------------------------------------------------------------

const HEADING = '### [T](https://arxiv.org/abs/2401.05252)';

/** Tokens and parsed paper of `line` as the third line of a paper (after its heading and a blank). */
async function inPaper(text: string) {
  const lines = await tokenize(`${HEADING}\n\n${text}`);
  return { l: lines[2], paper: parse(`${HEADING}\n\n${text}`).orphanPapers[0] };
}

/** [start, end) of every token of the line that has `scope`, as `start-end`. */
function extents(l: Line, scope: string): string[] {
  return l.tokens.filter((t) => t.scopes.includes(scope)).map((t) => `${t.start}-${t.end}`);
}

const extent = (r: Range) => `${r.start.character}-${r.end.character}`;

test('`Vote: 24`: the count is constant.numeric.integer.vote.digest', async () => {
  expectTokens(await line('Vote: 24'), 'meta.vote.digest', [
    ['Vote', 'keyword.other.vote.digest'],
    [':', 'punctuation.separator.key-value.digest'],
    ['24', 'constant.numeric.integer.vote.digest'],
  ]);
});

test('grammar and parser agree on what a Vote: line counts, and mark exactly what it rejects', async () => {
  for (const indent of ['', '  ', '\t'])
    for (const value of ['24', '0', '007', '123456789012345', '1234567890123456', '', ' ', '24 \t', '\t7', 'abc', '24abc', '2 4', '-1', '1.5', '+3', '２４', '24 votes']) {
      const text = `${indent}Vote:${value && ' '}${value}`;
      const { l, paper } = await inPaper(text);
      const where = `${JSON.stringify(text)}: ${show(l)}`;
      const [vote] = paper.votes;
      assert.ok(vote, where);
      assert.ok(allIn(l, 'meta.vote.digest'), where);
      assert.deepEqual(extents(l, 'constant.numeric.integer.vote.digest'), vote.count === undefined ? [] : [extent(vote.value.range)], where);
      assert.deepEqual(extents(l, 'invalid.illegal.vote.digest'), vote.count === undefined && vote.value.text ? [extent(vote.value.range)] : [], where);
    }
});

test('`Authors: A, B, +`: names, separators and the closing + of a truncated list', async () => {
  expectTokens(await line('Authors: Junsong Chen, Yue Wu, +'), 'meta.authors.digest', [
    ['Authors', 'keyword.other.authors.digest'],
    [':', 'punctuation.separator.key-value.digest'],
    ['Junsong Chen', 'entity.name.author.digest'],
    [',', 'punctuation.separator.author.digest'],
    ['Yue Wu', 'entity.name.author.digest'],
    [',', 'punctuation.separator.author.digest'],
    ['+', 'keyword.operator.truncated.digest'],
  ]);
});

test('grammar and parser agree on the names of an Authors: line and on its closing +', async () => {
  for (const indent of ['', '  '])
    for (const list of ['Junsong Chen, Yue Wu, +', 'A', '', ' ', '+', ' + ', 'A, +, B', 'A +', 'A,, B', ' A  ,  B  ', 'A, B,', 'Thomas Müller, Bernhard Schölkopf', 'Tycho F. A. van der Ouderaa, Yuki M. Asano', 'A\tB, C', '김철수, 이영희, +']) {
      const text = `${indent}Authors:${list && ' '}${list}`;
      const { l, paper } = await inPaper(text);
      const where = `${JSON.stringify(text)}: ${show(l)}`;
      const [authors] = paper.authors;
      assert.ok(authors, where);
      assert.ok(allIn(l, 'meta.authors.digest'), where);
      assert.deepEqual(extents(l, 'entity.name.author.digest'), authors.authors.map((a) => extent(a.range)), where);
      assert.deepEqual(extents(l, 'keyword.operator.truncated.digest'), authors.truncated ? [extent(authors.truncated)] : [], where);
    }
});

// ---- video -----------------------------------------------------------------------------------

const MP4 = 'https://cdn-uploads.huggingface.co/production/uploads/60f1abe7544c2adfd699860c/KHwPYpncQy7UBY4FauF7X.mp4';

test('`[Watch Video](url)` and `<div><video … src=…>`: a video link and its HTML line', async () => {
  const [link, tag] = await tokenize(`[Watch Video](${MP4})\n<div><video controls src="${MP4}" muted="false"></video></div>`);
  expectTokens(link, 'meta.link.video.digest', [
    ['[', 'punctuation.definition.link.title.begin.markdown'],
    ['Watch Video', 'string.other.link.title.markdown'],
    [']', 'punctuation.definition.link.title.end.markdown'],
    ['(', 'punctuation.definition.metadata.markdown'],
    [MP4, 'markup.underline.link.markdown'],
    [')', 'punctuation.definition.metadata.markdown'],
  ]);
  // The embedded line is VS Code's HTML grammar's (package.json maps meta.embedded.block.html to html).
  assert.ok(allIn(tag, 'meta.video.digest'), show(tag));
  expectTokens(tag, 'meta.embedded.block.html', [
    ['div', 'entity.name.tag.html'],
    ['video', 'entity.name.tag.html'],
    ['src', 'entity.other.attribute-name.html'],
    [MP4, 'string.quoted.double.html'],
  ]);
});

/** What the grammar makes of a `[Watch Video]` line: a 'link', a 'malformed' one, or 'none' of ours. */
function videoVerdict(l: Line): 'link' | 'malformed' | 'none' {
  if (!hasScope(l, 'meta.link.video.digest')) return 'none';
  return hasScope(l, 'invalid.illegal') ? 'malformed' : 'link';
}

test('a [Watch Video] line is highlighted as a link only when the parser finds no malformed-link in it', async () => {
  const url = 'https://x.io/K.mp4';
  // Expected grammar verdicts; 'none' leaves the line to the Markdown grammar. Each is checked against the parser below.
  const cases: [string, ReturnType<typeof videoVerdict>][] = [
    [`[Watch Video](${url})`, 'link'],
    [`[watch video](${url})`, 'link'],
    [`  [Watch Video](${url})  `, 'link'],
    [`[Watch Video]${url}`, 'malformed'],
    [`[Watch Video]${url}에서`, 'malformed'],
    [`[Watch Video](${url}`, 'malformed'],
    [`[Watch Video](${url} `, 'malformed'],
    [`[Watch Video](${url} "title")`, 'none'], // parser: a link with a title, fine
    [`[Watch Video](<${url}>)`, 'none'], // parser: fine
    [`[Watch Video](K.mp4)`, 'none'], // parser: a relative URL, fine
    [`[Watch Video](https://x.io/K(1).mp4)`, 'none'], // parser: fine
    [`[Watch Video](${url}) x`, 'none'], // parser: fine, the text after is ignored
    [`[Watch Video](ftp://x.io/K.mp4)`, 'none'], // parser: bad-scheme
    [`[Watch Video](https://x.io/a b.mp4)`, 'none'], // parser: space-in-url
    ['[Watch Video]()', 'none'], // parser: empty-url
    [`[Watch  Video](${url})`, 'none'], // parser: not a video line
  ];
  for (const [text, expected] of cases) {
    const { l, paper } = await inPaper(text);
    const where = `${JSON.stringify(text)}: ${show(l)}`;
    const verdict = videoVerdict(l);
    assert.equal(verdict, expected, where);
    if (verdict === 'none') continue;
    assert.ok(allIn(l, 'meta.link.video.digest'), where);
    assert.equal(paper.media[0]?.kind, 'video', where);
    assert.equal(paper.links.length > 0, verdict === 'malformed', where);
    if (verdict !== 'link') continue;
    const u = paper.media[0].url!.range;
    assert.ok(scopesAt(l, u.start.character, u.end.character).includes('markup.underline.link.markdown'), where);
  }
});

test('the video HTML line ends at its line even when a tag is left open', async () => {
  for (const tag of [`<div><video controls src="${MP4}"`, `  <video src="${MP4}"`]) {
    const { l, paper } = await inPaper(`${tag}\nVote: 3`);
    assert.equal(paper.media[0]?.kind, 'video');
    assert.ok(allIn(l, 'meta.video.digest'), show(l));
    const [, , , vote] = await tokenize(`${HEADING}\n\n${tag}\nVote: 3`);
    expectTokens(vote, 'meta.vote.digest', [['3', 'constant.numeric.integer.vote.digest']]);
  }
});

// ---- the fixtures ----------------------------------------------------------------------------

/**
 * Asserts that each element the parser finds in text is highlighted as one, and that no other
 * line has a scope of ours. Returns how many elements of each kind were checked.
 */
async function agreeWithParser(name: string, text: string): Promise<Record<string, number>> {
  const lines = await tokenize(text);
  const d = parse(text);
  const seen = new Set<number>();
  const counts: Record<string, number> = {};
  /** The line of r lies in `outer` and r itself is one token with `scope`. */
  const check = (kind: string, outer: string, r: Range, scope: string) => {
    const l = lines[r.start.line];
    assert.ok(allIn(l, outer), `${name}:${r.start.line + 1} not all ${outer}: ${show(l)}`);
    assert.ok(scopesOfRange(lines, r).includes(scope), `${name}:${r.start.line + 1} ${kind} is not ${scope}: ${show(l)}`);
    seen.add(r.start.line);
    counts[kind] = (counts[kind] ?? 0) + 1;
  };
  for (const day of d.days) {
    const h = day.heading;
    if (h.problem === 'shape') continue;
    check('day', 'markup.heading.day.digest', h.date!.range, h.problem ? 'invalid.illegal.date.digest' : 'constant.numeric.date.digest');
    for (const p of day.papers) {
      if (!p.heading.problem) {
        check('paper', 'markup.heading.paper.digest', p.heading.title!.range, 'entity.name.type.class.paper-title.digest');
        check('arxiv id', 'markup.heading.paper.digest', p.heading.arxiv!.range, 'constant.other.arxiv-id.digest');
      }
      for (const v of p.votes) {
        if (v.count !== undefined) check('vote', 'meta.vote.digest', v.value.range, 'constant.numeric.integer.vote.digest');
        else if (v.value.text) check('bad vote', 'meta.vote.digest', v.value.range, 'invalid.illegal.vote.digest');
      }
      for (const a of p.authors) {
        for (const n of a.authors) check('author', 'meta.authors.digest', n.range, 'entity.name.author.digest');
        if (a.truncated) check('+', 'meta.authors.digest', a.truncated, 'keyword.operator.truncated.digest');
      }
      for (const m of p.media) {
        if (m.kind === 'image') {
          // An image line is Markdown's own.
          assert.ok(hasScope(lines[m.range.start.line], 'meta.image.inline.markdown'), show(lines[m.range.start.line]));
          continue;
        }
        if (m.url) {
          const bad = p.links.find((k) => k.range.start.line === m.url!.range.start.line);
          if (bad) check('malformed video link', 'meta.link.video.digest', bad.urlRange!, 'invalid.illegal.link.missing-parentheses.digest');
          else check('video link', 'meta.link.video.digest', m.url.range, 'markup.underline.link.markdown');
        }
        if (m.videoSrc) check('video tag', 'meta.video.digest', m.videoSrc.range, 'string.quoted.double.html');
      }
    }
  }
  // Everything else (bullets, blank lines) is left to Markdown.
  for (let i = 0; i < lines.length; i++) if (!seen.has(i)) assert.deepEqual(digestScopes(lines[i]), [], `${name}:${i + 1}: ${show(lines[i])}`);
  return counts;
}

for (const name of fixtureNames()) {
  test(`${name}: each element the parser finds is highlighted as one, and no other line is`, async () => {
    const text = readFileSync(join(FIXTURES, name), 'utf8');
    const counts = await agreeWithParser(name, text);
    const days = parse(text).days;
    const papers = days.reduce((n, day) => n + day.papers.length, 0);
    assert.equal(counts.day, days.length);
    assert.equal(counts.paper, papers);
    assert.ok(counts.author > papers, JSON.stringify(counts));
  });
}

test('fixture 2023-12-04: its nine [Watch Video] links without parentheses are marked invalid', async () => {
  const lines = await tokenize(readFileSync(join(FIXTURES, 'daily-papers-2023-12-04.md'), 'utf8'));
  const marked = lines.filter((l) => hasScope(l, 'invalid.illegal.link.missing-parentheses.digest'));
  assert.equal(marked.length, 9);
  for (const l of marked) assert.match(l.text, /^\[Watch Video\]https:/);
});

test('after a bullet, an indented heading is still one and an indented Vote: is the bullet\'s text, as for the parser', async () => {
  // VS Code's Markdown grammar keeps a list going over lines indented by 2-4 spaces; the
  // parser finds headings indented by 0-3 spaces everywhere, and reads other indented lines
  // after a bullet as its continuation.
  const text = [
    '## Daily Papers (2024-01-11)',
    '',
    '### [A](https://arxiv.org/abs/2401.05252)',
    '',
    '- a bullet',
    '',
    '  ### [B](https://arxiv.org/abs/2401.05253)',
    '',
    'Vote: 3',
    '',
    '- a bullet',
    '  Vote: 4',
    '   ## Daily Papers (2024-01-12) #',
    '',
    '1. a numbered bullet',
    '   ### [C [with] brackets](https://arxiv.org/abs/2401.05254v2)',
    '',
    '- a bullet',
    '    ### [D](https://arxiv.org/abs/2401.05255)',
  ].join('\n');
  const d = parse(text);
  assert.deepEqual(d.days.map((day) => day.papers.map((p) => p.heading.arxiv?.id)), [['2401.05252', '2401.05253'], ['2401.05254']]);
  assert.deepEqual(d.days[0].papers[1].votes.map((v) => v.count), [3]);
  assert.deepEqual(await agreeWithParser('in lists', text), { day: 2, paper: 3, 'arxiv id': 3, vote: 1 });
});
