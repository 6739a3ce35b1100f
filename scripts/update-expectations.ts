// Writes test/fixtures/<name>.expected.txt for every fixture: one line per finding,
// `line:col-endLine:endCol rule-id`, 0-based UTF-16 positions as in LSP.
// Run with `npx tsx scripts/update-expectations.ts`, then review the diff against the fixture text:
// the scenario test trusts these files, so they must be checked by a person, not just regenerated.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint } from '../server/src/lint';
import { parse } from '../server/src/model/parse';
import type { Finding } from '../server/src/rules/types';

export const FIXTURES = join(__dirname, '..', 'test', 'fixtures');

export function fixtureNames(): string[] {
  return readdirSync(FIXTURES).filter((n) => n.endsWith('.md')).sort();
}

export function expectationLine(f: Finding): string {
  const { start, end } = f.range;
  return `${start.line}:${start.character}-${end.line}:${end.character} ${f.rule}`;
}

export function expectationsFor(text: string): string {
  return lint(parse(text)).map((f) => expectationLine(f) + '\n').join('');
}

if (require.main === module) {
  for (const name of fixtureNames()) {
    const out = join(FIXTURES, name.replace(/\.md$/, '.expected.txt'));
    writeFileSync(out, expectationsFor(readFileSync(join(FIXTURES, name), 'utf8')));
    console.log(out);
  }
}
