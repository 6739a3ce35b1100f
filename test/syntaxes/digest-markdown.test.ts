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
