import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { FIXTURES, fixtureNames } from '../../scripts/update-expectations';
import { applyEdits, autoFixable, fixAllEdits } from '../../server/src/fixes';
import { lint } from '../../server/src/lint';
import { parse } from '../../server/src/model/parse';
import { authorKey } from '../../server/src/model/authors';
import { hasSpace, pairs, partnerOf } from '../../server/src/model/links';
import { notAutoLinked } from '../../server/src/model/urls';
import { allRanges, badRange } from './helpers';

// FC_RUNS=5000 for a longer hunt; the default keeps the file at a few seconds.
const RUNS = { numRuns: Number(process.env.FC_RUNS ?? 300) };

/** Parses and lints; the model's and the findings' ranges must all lie inside the text. */
function check(text: string): void {
  const d = parse(text);
  const findings = lint(d);
  const bad = badRange(text, allRanges(d)) ?? badRange(text, allRanges(findings));
  assert.equal(bad, undefined);
}

const eol = fc.constantFrom('\n', '\r\n', '\r');
const oddUnit = fc.oneof(
  { weight: 6, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  { weight: 1, arbitrary: fc.constantFrom('\ud800', '\udfff', '\0', '\r', '\n', '\r\n', '\ufeff', '[', '](', '#', ',') },
);

const name = fc.constantFrom('Junsong Chen', 'junsong chen', 'Yue  Wu', 'Jos\u00e9', 'Jose\u0301', 'Ａ', 'A', 'Straße', '+', '', ' ', '\tJUNSONG CHEN', 'Junsong Chen\t', 'Junsong Chen  ', '\u00a0Junsong Chen', 'yue wu', 'Yue\u00a0Wu', 'A+');
const url = fc.constantFrom('https://x.io', 'https://github.com/x/y', 'http://a.b/(c)', 'https://x.io/(', 'ftp://x');
const korean = fc.constantFrom('에서', '입니다.', ' 에서', ')에서', '>에서', '😀', '', ' ');
const digestLine = fc.oneof(
  fc.tuple(fc.integer({ min: 1899, max: 2101 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(
    ([y, m, d]) => `## Daily Papers (${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')})`,
  ),
  fc.tuple(fc.string({ maxLength: 8 }), fc.constantFrom('2401.05252', '2401.05252v2', '1412.1234', '1501.1234', '2402.00001', 'x')).map(
    ([t, id]) => `### [${t}](https://arxiv.org/abs/${id})`,
  ),
  fc.constantFrom('', '', '###', '##', 'Vote: 3', 'Vote: 30', 'Vote: -1', 'Vote:', 'Authors:', 'intro'),
  fc.array(name, { maxLength: 8 }).map((ns) => 'Authors: ' + ns.join(', ')),
  fc.tuple(url, korean, url, korean).map(([u, k, v, l]) => `- 코드는 ${u}${k} 그리고 (${v}${l}) <${u}>${k}`),
  fc.tuple(fc.constantFrom('[Watch Video]', '[Watch Video](', '![](', '![', '- [a]'), url, fc.constantFrom('', ')', ' x', '에서')).map((p) => p.join('')),
  url.map((u) => `<div><video controls src="${u}" muted="false"></video></div>`),
  fc.string({ unit: oddUnit, maxLength: 12 }),
);
const digestText = fc
  .tuple(fc.boolean(), fc.array(fc.tuple(digestLine, eol), { maxLength: 40 }))
  .map(([bom, lines]) => (bom ? '\ufeff' : '') + lines.map(([l, e]) => l + e).join(''));

test('arbitrary Unicode (lone surrogates, NUL, mixed line ends) parses and lints inside the document', () => {
  fc.assert(fc.property(fc.string({ unit: oddUnit, maxLength: 300 }), check), RUNS);
});

test('digest-like text parses and lints inside the document', () => {
  fc.assert(fc.property(digestText, check), RUNS);
});

test('blocks start at exactly the lines that are ## or ### headings, indented 0–3 spaces (headings are found by a search for #)', () => {
  const withHashes = fc.tuple(fc.boolean(), fc.array(fc.tuple(fc.oneof(digestLine, fc.constantFrom('#', '# x', '#### x', ' ## x', '   ### x', '    ## x', '\t## x', ' \t## x', 'C# ##', '##\t', '###', '##x')), eol), { maxLength: 40 }));
  fc.assert(
    fc.property(withHashes, ([bom, lines]) => {
      const text = (bom ? '\ufeff' : '') + lines.map(([l, e]) => l + e).join('');
      const expected = text
        .split(/\r\n|\r|\n/)
        .map((l, i) => (i === 0 && bom ? l.slice(1) : l))
        .flatMap((l, i) => (/^ {0,3}#{2,3}(?:[ \t]|$)/.test(l) ? [i] : []));
      assert.deepEqual(parse(text).blocks.filter((b) => b.kind !== 'preface').map((b) => b.line), expected);
    }),
    RUNS,
  );
});

const fixtures = fixtureNames().map((n) => readFileSync(join(FIXTURES, n), 'utf8'));

test('every prefix of every fixture at a line boundary, and every prefix of its first 6,000 characters, lints', () => {
  for (const text of fixtures) {
    for (let i = 0; i <= text.length; i = text.indexOf('\n', i + 1) === -1 ? text.length + 1 : text.indexOf('\n', i + 1)) {
      check(text.slice(0, i));
    }
    for (let i = 0; i < 6000; i++) check(text.slice(0, i));
  }
});

test('random prefixes of the fixtures lint', () => {
  const text = fc.constantFrom(...fixtures).chain((t) => fc.integer({ min: 0, max: t.length }).map((n) => t.slice(0, n)));
  fc.assert(fc.property(text, check), RUNS);
});

const key = (n: string) => n.normalize('NFC').trim().replace(/\s+/g, ' ').toUpperCase().toLowerCase().normalize('NFC');
const entries = (line: string) => line.trim().slice('Authors:'.length).split(',').map((n) => n.trim());
const names = (line: string) =>
  line.trim().slice('Authors:'.length).split(',').map((n) => n.trim()).filter((n) => n && n !== '+').map(key);

/** True when `short` is `long` with some characters taken out. */
function isSubsequence(short: string, long: string): boolean {
  let j = 0;
  for (let i = 0; i < long.length && j < short.length; i++) if (long[i] === short[j]) j++;
  return j === short.length;
}

function fixAll(text: string): string {
  const d = parse(text);
  return applyEdits(d, fixAllEdits(lint(d)));
}

test('fixAll leaves nothing it would fix and only removes repeated authors or adds ( ) and spaces', () => {
  const texts = fc.oneof(digestText, fc.constantFrom(...fixtures));
  fc.assert(
    fc.property(texts, (text) => {
      const fixed = fixAll(text);
      assert.deepEqual(lint(parse(fixed)).filter(autoFixable).map((f) => f.rule), []);
      assert.equal(fixAll(fixed), fixed);
      const ends = (t: string) => t.match(/\r\n|\r|\n/g) ?? [];
      assert.deepEqual(ends(fixed), ends(text));
      const before = text.split(/\r\n|\r|\n/);
      const after = fixed.split(/\r\n|\r|\n/);
      before.forEach((b, i) => {
        const a = after[i];
        if (a === b) return;
        if (a.length < b.length) {
          // Removed: repeated names with their separators. What is left is each name once, in order.
          assert.ok(isSubsequence(a, b), `${b} -> ${a}`);
          assert.deepEqual(names(a), [...new Set(names(b))]);
          // Only the repeats went, each with one comma: a stray `+` or empty entry stays where it was.
          const seen = new Set<string>();
          const kept = entries(b).filter((e) => e === '' || e === '+' || (!seen.has(key(e)) && seen.add(key(e))));
          assert.deepEqual(entries(a), kept, `${b} -> ${a}`);
        } else {
          assert.ok(isSubsequence(b, a), `${b} -> ${a}`);
          assert.match(extra(b, a), /^[() ]+$/);
        }
      });
    }),
    RUNS,
  );
});

/** The characters of `long` beyond `short`, sorted (independent of how they are aligned). */
function extra(short: string, long: string): string {
  const count = new Map<string, number>();
  for (const ch of long) count.set(ch, (count.get(ch) ?? 0) + 1);
  for (const ch of short) count.set(ch, (count.get(ch) ?? 0) - 1);
  return [...count].flatMap(([ch, n]) => Array(n).fill(ch)).sort().join('');
}

/**
 * The model keeps names and bullets as numbers and makes them on demand; these are checked
 * against the plain definitions: repeats by comparing authorKey strings, a bullet's text by its
 * lines (marker dropped, continuation lines trimmed, blank lines left out).
 */
test('lazily made names and bullets equal their plain definitions', () => {
  const bulletLine = fc.tuple(fc.constantFrom('- ', '* ', '-   ', '  ', '\t', '', ' \ufeff'), fc.constantFrom('a', '에서 https://x.io에서', 'b  ', '[x', ''));
  fc.assert(
    fc.property(fc.array(name, { maxLength: 80 }), fc.array(fc.tuple(bulletLine, eol), { maxLength: 8 }), (ns, bl) => {
      const text = `### [T](https://arxiv.org/abs/2401.05252)\nAuthors: ${ns.join(', ')}\n- first${bl.map(([[m, t], e]) => e + m + t).join('')}\n`;
      const paper = parse(text).orphanPapers[0];
      // Names and ranges read one by one before the list is made, then against the list.
      const oneByOne = paper.authors.map((line) =>
        Array.from({ length: line.count }, (_, i) => ({ name: line.nameOf(i), range: line.rangeOf(i) })),
      );
      assert.deepEqual(oneByOne, paper.authors.map((line) => line.authors.map((a) => ({ name: a.name, range: a.range }))));
      // The separator before a name: from the previous name when only spaces and a comma lie between, else from the last comma.
      const authorsLine = text.split('\n')[1];
      for (const line of paper.authors) {
        for (let i = 1; i < line.count; i++) {
          const prev = line.authors[i - 1].range.end.character;
          const between = authorsLine.slice(prev, line.authors[i].range.start.character);
          const comma = prev + between.lastIndexOf(',');
          const expected = /^\s*$/.test(authorsLine.slice(prev, comma)) ? prev : comma;
          assert.equal(line.separatorBefore(i), expected, JSON.stringify(authorsLine));
        }
      }
      for (const line of paper.authors) {
        const keys = line.authors.map((a) => authorKey(a.name));
        const expected = keys.map((k, i) => keys.indexOf(k) < i ? keys.indexOf(k) : -1);
        assert.deepEqual(line.repeats() ? [...line.repeats()!] : keys.map(() => -1), expected);
        assert.equal(line.count, line.authors.length);
      }
      assert.equal(paper.bulletCount, paper.bullets.length);
      assert.deepEqual(paper.bullets.flatMap((b) => b.urls), paper.urls);
      const lines = text.split(/\r\n|\r|\n/);
      for (const b of paper.bullets) {
        const { start, end } = b.range;
        const own = lines.slice(start.line, end.line + 1).map((l, i) => (i === 0 ? l.slice(start.character).replace(/^[-*+][ \t]?/, '') : l.replace(/^[ \t]+/, '')).replace(/[ \t]+$/, ''));
        const plain = [own[0], ...own.slice(1).filter((l) => !/^[ \t\ufeff]*$/.test(l))].join('\n');
        assert.equal(b.text, plain);
      }
    }),
    RUNS,
  );
});

test('a line of plain names reads like the same line read name by name', () => {
  // A line of printable ASCII without two spaces in a row takes the one-pass reading; a tab after
  // its last name (trimmed away) sends the same names through the general one, name by name.
  const plainName = fc.constantFrom('Junsong Chen', 'junsong chen', 'JUNSONG CHEN', 'A', 'a', '+', '', 'Yue Wu', 'A+', 'Yue Wu Jr.', 'x-y', '(Ed.)');
  const sep = fc.constantFrom(',', ', ', ' ,', ' , ');
  fc.assert(
    fc.property(fc.array(fc.tuple(plainName, sep), { maxLength: 90 }), plainName, fc.constantFrom('', ' '), (pairs, last, lead) => {
      const names = pairs.map(([n, s]) => n + s).join('') + last;
      const read = (tail: string) => {
        const [line] = parse(`### [T](https://arxiv.org/abs/2401.05252)\nAuthors:${lead}${names}${tail}\n`).orphanPapers[0].authors;
        return { names: line.authors.map((a) => [a.name, a.range, (a as { hash?: number }).hash]), repeats: line.repeats(), truncated: line.truncated };
      };
      assert.deepEqual(read(''), read('\t'));
    }),
    RUNS,
  );
});

test('a bracket scanned from itself finds the partner the whole-line pairing finds', () => {
  const line = fc.string({ unit: fc.constantFrom('[', ']', '(', ')', '\\', '!', 'a', ' '), maxLength: 40 });
  fc.assert(
    fc.property(line, (s) => {
      for (const [open, close] of [[91, 93], [40, 41]]) {
        const table = pairs(s, open, close);
        // Every bracket the pairing saw as an opening one, i.e. every key of its table.
        for (const [at, partner] of table) assert.equal(partnerOf(s, at, open, close), partner, `${JSON.stringify(s)} at ${at}`);
      }
    }),
    { numRuns: RUNS.numRuns * 10 },
  );
});

test('hasSpace agrees with /\\s/ on any text, ASCII and not', () => {
  const spaces = [...' \t\n\v\f\r\u00a0\u1680\u2000\u200a\u2028\u2029\u202f\u205f\u3000\ufeff'];
  const unit = fc.oneof(fc.constantFrom(...spaces, 'a', '\u0085', '\u180e', '\u200b', '에'), fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)));
  fc.assert(
    fc.property(fc.string({ unit, maxLength: 12 }), (s) => {
      assert.equal(hasSpace(s), /\s/.test(s), JSON.stringify(s));
    }),
    { numRuns: RUNS.numRuns * 10 },
  );
});

test('stretches without auto-linking: code spans as CommonMark pairs backtick runs, found in one pass', () => {
  // Plainly: from each run not yet inside a span, the next run of the same length closes it.
  const naive = (s: string) => {
    const out: number[] = [];
    let i = 0;
    while (i < s.length) {
      if (s[i] !== '`') {
        i++;
        continue;
      }
      let j = i;
      while (s[j] === '`') j++;
      const n = j - i;
      let close = -1;
      for (let k = j; k < s.length; ) {
        if (s[k] !== '`') {
          k++;
          continue;
        }
        let e = k;
        while (s[e] === '`') e++;
        if (e - k === n) {
          close = k;
          break;
        }
        k = e;
      }
      if (close === -1) i = j;
      else {
        out.push(i, close + n);
        i = close + n;
      }
    }
    return out;
  };
  fc.assert(
    fc.property(fc.array(fc.constantFrom('`', '``', '```', 'a', ' ', 'https://x.io'), { maxLength: 30 }), (parts) => {
      const s = parts.join('');
      assert.deepEqual(notAutoLinked(s), naive(s), JSON.stringify(s));
    }),
    RUNS,
  );
});
