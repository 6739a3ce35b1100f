// The TextMate grammar, tokenized by the engine VS Code uses, checked against the parser: a line
// is highlighted as a digest element only when server/src/model reads it as a valid one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../../server/src/model/parse';
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
      for (const gap of ['', ' ', '\t', '  '])
        for (const content of ['Daily Papers (2024-01-11)', 'Daily Papers  (2024-01-11)', 'Daily Papers (2024-01-11) x', 'Daily Papers (2024-02-30)'])
          for (const close of ['', ' ', ' ##', '##', '\t#\t'])
            texts.push(indent + hashes + gap + content + close);
  for (const y of ['1900', '2000', '2023', '2024'])
    for (let m = 0; m <= 13; m++)
      for (const d of ['00', '01', '28', '29', '30', '31', '32']) texts.push(`## Daily Papers (${y}-${String(m).padStart(2, '0')}-${d})`);
  const lines = await tokenize(texts.join('\n'));
  for (let i = 0; i < texts.length; i++) {
    const heading = parse(texts[i]).days[0]?.heading;
    const parser = !heading || heading.problem === 'shape' ? 'none' : heading.problem === 'calendar' ? 'calendar' : 'valid';
    assert.equal(dayVerdict(lines[i]), parser, `${JSON.stringify(texts[i])}: ${show(lines[i])}`);
  }
});
