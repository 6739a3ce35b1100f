/**
 * Pathological inputs a language server must survive with a bounded answer, shared by the LSP
 * tests (test/lsp/pathological.test.ts) and the benchmark. Each is deterministic: the same call
 * gives the same text or bytes. Text inputs start as a digest (a day heading and a paper), so a
 * `markdown` document holding them is checked too and the hard part reaches the rules.
 */

import { rng } from './corpus';

export interface Pathological {
  name: string;
  /** What the input is, for reports. */
  description: string;
  make(): string | Uint8Array;
}

/** A day heading and a paper up to its `Authors:` line; the pathological part follows. */
export const HEAD = [
  '## Daily Papers (2024-01-11)',
  '',
  '### [A Paper](https://arxiv.org/abs/2401.05252)',
  '',
  '![](https://cdn-uploads.huggingface.co/production/uploads/x.png)',
  '',
  'Vote: 24',
  '',
].join('\n');
/** Lines in HEAD, i.e. the 0-based line the pathological line is on. */
export const HEAD_LINES = HEAD.split('\n').length - 1;

export const MiB = 1024 * 1024;

/** `unit` repeated until the result has at least `bytes` UTF-8 bytes. */
function fill(unit: string, bytes: number): string {
  return unit.repeat(Math.ceil(bytes / Buffer.byteLength(unit)));
}


/** Names in the 50,000-name line: 45,000 distinct, then 5,000 repeats of the first 5,000 (upper-cased, so they match only after case folding). */
export const AUTHOR_NAMES = 50_000;
export const AUTHOR_REPEATS = 5_000;

export function authorName(i: number): string {
  const distinct = AUTHOR_NAMES - AUTHOR_REPEATS;
  return i < distinct ? `Author ${i}` : `AUTHOR ${i - distinct}`;
}

export const pathological: Pathological[] = [
  {
    name: 'line-1mb',
    description: 'a 1 MB summary bullet of links, half-links, brackets and URLs glued to Korean',
    make: () => HEAD + 'Authors: A\n\n- ' + fill('a [b](https://x.io/c) [d]https://e.io (f https://g.io에서 ', MiB) + '\n',
  },
  {
    name: 'open-brackets-100k',
    // After `![` every `[` counts: an image that never closes (a lone `[` in prose is plain text).
    description: 'an image `![` followed by 100,000 `[` in a summary bullet',
    make: () => HEAD + 'Authors: A\n\n- ![' + '['.repeat(100_000) + '\n',
  },
  {
    name: 'open-parens-100k',
    description: 'a link text followed by 100,000 `(` in a summary bullet',
    make: () => HEAD + 'Authors: A\n\n- [a]' + '('.repeat(100_000) + '\n',
  },
  {
    name: 'authors-50k',
    description: `an Authors: line with ${AUTHOR_NAMES} names, ${AUTHOR_REPEATS} of them repeats, ending in ", +"`,
    make: () => HEAD + 'Authors: ' + Array.from({ length: AUTHOR_NAMES }, (_, i) => authorName(i)).join(', ') + ', +\n\n- one bullet\n',
  },
  {
    name: 'no-newline-10mb',
    description: '10 MB with no newline, starting with a day heading',
    make: () => '## Daily Papers (2024-01-11) ' + fill('- https://x.io에서 [a]https://y ', 10 * MiB),
  },
  {
    name: 'binary-nul',
    description: '64 KiB of NUL bytes (valid UTF-8, not a digest)',
    make: () => new Uint8Array(64 * 1024),
  },
  {
    name: 'binary-random',
    description: '64 KiB of seeded random bytes behind a NUL-filled KiB',
    make: () => {
      const r = rng(7);
      const out = new Uint8Array(65 * 1024);
      for (let i = 1024; i < out.length; i++) out[i] = Math.floor(r() * 256);
      return out;
    },
  },
  {
    name: 'invalid-utf8',
    description: 'a digest with invalid UTF-8 sequences: stray continuation, truncated, overlong, surrogate, 0xFF',
    make: () => {
      const bad = [0x80, 0xc3, 0x28, 0xe2, 0x82, 0xc0, 0xaf, 0xed, 0xa0, 0x80, 0xff, 0xfe];
      return Uint8Array.from([...Buffer.from(HEAD + 'Authors: '), ...bad, ...Buffer.from(', B\n\n- bullet ', 'utf8'), ...bad, 0x0a]);
    },
  },
];

export function byName(name: string): Pathological {
  const p = pathological.find((x) => x.name === name);
  if (!p) throw new Error(`no pathological input named ${name}`);
  return p;
}
