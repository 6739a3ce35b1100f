/**
 * Pathological inputs (bench/pathological.ts) over the real server: each text input opened as a
 * `digest-markdown` and as a `markdown` document gets a bounded, correct answer from every
 * document feature, and the server answers afterwards; the binary, non-UTF-8 and unreadable files
 * on disk are skipped by the workspace index with a log line naming each.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CodeAction, Diagnostic, DocumentSymbol, FoldingRange, Hover, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  AUTHOR_NAMES,
  AUTHOR_REPEATS,
  authorName,
  byName,
  HEAD,
  HEAD_LINES,
  MiB,
  pathological,
} from '../../bench/pathological';
import type { TreeDayResult, TreeResult } from '../../server/src/protocol';
import { LspClient, tempWorkspace } from './harness';

/**
 * A hang detector, not a timing claim: the benchmark reports the real times. The slowest answer,
 * the 1 MB line's 34,954 diagnostics (a 25 MB response), takes 1.5-3.5 s on a busy 2-core machine.
 */
const ANSWER_MS = 15_000;

function within<T>(what: string, p: Promise<T>, ms = ANSWER_MS): Promise<T> {
  let timer: NodeJS.Timeout;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([p, deadline]).finally(() => clearTimeout(timer));
}

/** Line lengths in UTF-16 units, split the way LSP counts lines. */
function lineLengths(text: string): number[] {
  return text.split(/\r\n|\r|\n/).map((l) => l.length);
}

type Range = Diagnostic['range'];

function assertInside(lengths: number[], range: Range, what: string): void {
  const { start, end } = range;
  const ok =
    start.line >= 0 &&
    end.line < lengths.length &&
    (start.line < end.line || (start.line === end.line && start.character <= end.character)) &&
    start.character >= 0 &&
    start.character <= lengths[start.line] &&
    end.character <= lengths[end.line];
  assert.ok(ok, `${what}: range ${JSON.stringify(range)} outside the document (${lengths.length} lines)`);
}

function assertWellFormed(lengths: number[], ds: Diagnostic[]): void {
  for (const d of ds) {
    assertInside(lengths, d.range, `diagnostic ${d.code}`);
    assert.ok(d.severity! >= 1 && d.severity! <= 3);
    assert.equal(d.source, 'digest');
    assert.equal(typeof d.code, 'string');
    // Messages quote file text shortened: a 100,000-character line does not make a 100 KB message.
    assert.ok(d.message.length > 0 && d.message.length < 400, `message of ${d.message.length} characters`);
    for (const r of d.relatedInformation ?? []) assertInside(lengths, r.location.range, `related of ${d.code}`);
  }
}

function counts(ds: Diagnostic[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const d of ds) out[String(d.code)] = (out[String(d.code)] ?? 0) + 1;
  return out;
}

/** What each text input must produce: the whole set of diagnostic codes with their counts. */
const LINE_UNIT = 'a [b](https://x.io/c) [d]https://e.io (f https://g.io에서 ';
const EXPECTED: Record<string, (ds: Diagnostic[], languageId: string) => void> = {
  'line-1mb': (ds) => {
    // One `[d]https://e.io` (missing parentheses) and one `https://g.io에서` per repeated unit.
    const units = Math.ceil(MiB / Buffer.byteLength(LINE_UNIT));
    assert.deepEqual(counts(ds), { 'malformed-link': units, 'url-runs-into-text': units });
    assert.ok(ds.every((d) => d.range.start.line === HEAD_LINES + 2));
  },
  'open-brackets-100k': (ds) => {
    assert.deepEqual(counts(ds), { 'malformed-link': 1 });
    // The image that never closes: from `![` to the end of the line.
    assert.deepEqual(ds[0].range, { start: { line: HEAD_LINES + 2, character: 2 }, end: { line: HEAD_LINES + 2, character: 100_004 } });
    assert.match(ds[0].message, /'\[' is never closed/);
  },
  'open-parens-100k': (ds) => {
    assert.deepEqual(counts(ds), { 'malformed-link': 1 });
    assert.deepEqual(ds[0].range, { start: { line: HEAD_LINES + 2, character: 2 }, end: { line: HEAD_LINES + 2, character: 100_005 } });
    assert.match(ds[0].message, /'\(' is never closed/);
  },
  'authors-50k': (ds) => {
    assert.deepEqual(counts(ds), { 'duplicate-author': AUTHOR_REPEATS });
    // The last repeat: `AUTHOR 4999`, first seen as `Author 4999`.
    const last = ds[ds.length - 1];
    assert.match(last.message, /^Author 'AUTHOR 4999' is already listed on this line/);
    assert.equal(last.relatedInformation?.[0].message, "First occurrence of 'Author 4999'");
  },
  'no-newline-10mb': (ds, languageId) => {
    if (languageId === 'markdown') {
      // Its one line is a day heading followed by 10 MB of text: no day heading, so not detected.
      assert.deepEqual(ds, []);
      return;
    }
    assert.equal(ds.length, 1, 'exactly one diagnostic');
    const [d] = ds;
    assert.deepEqual(
      { code: d.code, severity: d.severity, range: d.range },
      { code: 'file-too-large', severity: 3, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } },
    );
    assert.match(d.message, /10\.0 MB, over the 5 MB limit set by digest\.maxFileSizeMB/);
  },
};

const texts = pathological.filter((p) => p.name in EXPECTED);

describe('pathological documents over the real server', () => {
  const ws = tempWorkspace();
  let client: LspClient;
  const times: string[] = [];

  before(async () => {
    // No folder: the documents alone (the disk side is below).
    // A 5 MB limit (the default is 20 MB, room for a year file) so the 10 MB input meets it.
    client = await LspClient.start({ vscodeLike: true, settings: { validation: { debounceMs: 0 }, maxFileSizeMB: 5 } });
  });
  after(async () => {
    console.log(`answer times (ms): ${times.join(', ')}`);
    assert.equal(await client.stop(), 0);
    ws.dispose();
  });

  for (const p of texts) {
    it(`${p.name}: ${p.description}: bounded, correct answers as digest-markdown and markdown`, async () => {
      const text = p.make() as string;
      const lengths = lineLengths(text);
      let digestDiagnostics: string | undefined;
      for (const languageId of ['digest-markdown', 'markdown']) {
        const uri = ws.uri(`${p.name}.${languageId}.md`);
        const t0 = performance.now();
        await client.open(uri, text, languageId);
        const ds = await within(`${p.name} diagnostics`, client.diagnostics(uri));
        times.push(`${p.name}/${languageId} ${Math.round(performance.now() - t0)}`);
        assertWellFormed(lengths, ds);
        EXPECTED[p.name](ds, languageId);
        const detected = ds.length > 0;
        // The other inputs start with a day heading: as markdown they are detected and checked the same.
        const same = (x: Diagnostic[]) => JSON.stringify(x).replaceAll(JSON.stringify(uri).slice(1, -1), 'URI');
        if (digestDiagnostics && detected) assert.ok(same(ds) === digestDiagnostics, 'markdown and digest-markdown agree');
        digestDiagnostics = same(ds);

        const doc = { textDocument: { uri } };
        const symbols: DocumentSymbol[] = await within('documentSymbol', client.request('textDocument/documentSymbol', doc));
        const folds: FoldingRange[] = await within('foldingRange', client.request('textDocument/foldingRange', doc));
        const links = await within('documentLink', client.request('textDocument/documentLink', doc));
        if (!detected) {
          assert.deepEqual([symbols, folds, links], [[], [], []], 'nothing for a document not checked');
        } else if (p.name === 'no-newline-10mb') {
          // One line whose day heading is invalid: a day with no papers, nothing to fold or link.
          assert.deepEqual(symbols.map((s) => [s.kind, s.children?.length]), [[3, 0]]);
          assert.deepEqual(folds, []);
          assert.deepEqual(links, []);
        } else {
          assert.deepEqual(symbols.map((s) => [s.name, s.children?.map((c) => [c.name, c.detail])]), [
            ['2024-01-11', [['A Paper', '▲ 24 · 2401.05252']]],
          ]);
          for (const s of [symbols[0], ...symbols[0].children!]) {
            assertInside(lengths, s.range, 'symbol range');
            assertInside(lengths, s.selectionRange, 'symbol selection');
          }
          assert.deepEqual(folds, [{ startLine: 0, endLine: lengths.length - 2 }, { startLine: 2, endLine: lengths.length - 2 }]);
          assert.equal(links.length, 1);
          const hover: Hover = await within('hover', client.request('textDocument/hover', { ...doc, position: { line: 2, character: 5 } }));
          assert.match((hover.contents as { value: string }).value, /^\*\*A Paper\*\*/);
        }
        // Hover on the pathological line itself (past its middle) answers: a card, an author or nothing.
        const line = p.name === 'no-newline-10mb' ? 0 : HEAD_LINES + (p.name === 'authors-50k' ? 0 : 2);
        const middle = Math.floor(lengths[line] / 2);
        const onLine: Hover | null = await within('hover', client.request('textDocument/hover', { ...doc, position: { line, character: middle } }));
        if (p.name === 'authors-50k') assert.match((onLine!.contents as { value: string }).value, /: listed on 1 paper in the workspace$/);
        else assert.equal(onLine, null);

        const first = ds.slice(0, 20);
        const at = first[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
        const actions: CodeAction[] = await within(
          'codeAction',
          client.request('textDocument/codeAction', { ...doc, range: at, context: { diagnostics: first } }),
        );
        for (const a of actions) {
          const edit = a.edit?.documentChanges?.[0] as { edits: TextEdit[] } | undefined;
          for (const e of edit?.edits ?? []) assertInside(lengths, e.range, `edit of ${a.title}`);
        }
        if (p.name === 'no-newline-10mb') assert.deepEqual(actions, [], 'nothing to fix in a file not validated');
        if (p.name === 'authors-50k') {
          // Fixing every repeat in the file leaves the first spellings in order and keeps ', +'.
          const fixAll = actions.find((a) => a.kind === 'source.fixAll.digest')!;
          const edits = (fixAll.edit!.documentChanges![0] as { edits: TextEdit[] }).edits;
          assert.equal(edits.length, AUTHOR_REPEATS);
          const fixed = TextDocument.applyEdits(client.docs.get(uri)!, edits);
          const distinct = Array.from({ length: AUTHOR_NAMES - AUTHOR_REPEATS }, (_, i) => authorName(i));
          assert.equal(fixed, HEAD + 'Authors: ' + distinct.join(', ') + ', +\n\n- one bullet\n');
        }
        await client.close(uri);
      }
    });
  }

  it('stays responsive afterwards: a small document gets its outline and hover', async () => {
    const uri = ws.uri('small.md');
    await client.open(uri, HEAD + 'Authors: Ada Lovelace\n\n- one bullet\n', 'markdown');
    assert.deepEqual(await within('diagnostics', client.diagnostics(uri)), []);
    const symbols: DocumentSymbol[] = await within('documentSymbol', client.request('textDocument/documentSymbol', { textDocument: { uri } }));
    assert.equal(symbols[0].children?.[0].name, 'A Paper');
    const hover: Hover = await within('hover', client.request('textDocument/hover', { textDocument: { uri }, position: { line: HEAD_LINES, character: 12 } }));
    assert.equal((hover.contents as { value: string }).value, '**Ada Lovelace**: listed on 1 paper in the workspace');
    assert.equal(client.stderr, '', 'nothing on stderr');
  });
});

describe('pathological files on disk: the workspace index', () => {
  const ws = tempWorkspace();
  let client: LspClient;
  const logs = () => client.messages.filter((m) => m.method === 'window/logMessage').map((m) => m.params.message as string);
  const bytes = (name: string): Uint8Array => {
    const v = byName(name).make();
    return typeof v === 'string' ? new TextEncoder().encode(v) : v;
  };

  before(async () => {
    for (const name of ['binary-nul', 'binary-random', 'invalid-utf8', 'no-newline-10mb', 'authors-50k']) {
      writeFileSync(join(ws.dir, `${name}.md`), bytes(name));
    }
    // Root can read a chmod 000 file, so unreadable is made otherwise: a symlink to nothing, and a
    // FIFO (which would block a reader forever if the index ever opened it).
    symlinkSync(join(ws.dir, 'nowhere.md'), join(ws.dir, 'dangling.md'));
    const fifo = spawnSync('mkfifo', [join(ws.dir, 'fifo.md')]);
    assert.equal(fifo.status, 0, `mkfifo: ${fifo.stderr}`);
    client = await LspClient.start({ vscodeLike: true, folders: [ws.dir], settings: { maxFileSizeMB: 5 } });
    await client.indexed();
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
    ws.dispose();
  });

  it('skips each unusable file with a log line naming it', () => {
    const all = logs();
    const line = (name: string) => all.find((l) => l.includes(join(ws.dir, name)));
    assert.match(line('binary-random.md') ?? '', /not valid UTF-8/, all.join('\n'));
    assert.match(line('invalid-utf8.md') ?? '', /not valid UTF-8/);
    assert.match(line('no-newline-10mb.md') ?? '', /over digest\.maxFileSizeMB/);
    assert.match(line('dangling.md') ?? '', /not a regular file/, all.join('\n'));
    assert.match(line('fifo.md') ?? '', /not a regular file/);
    // NUL bytes are valid UTF-8: the file is read, is no digest and is left out like any other note.
    assert.equal(line('binary-nul.md'), undefined);
  });

  it('serves the tree of the digests it could read', async () => {
    const t: TreeResult = await within('tree', client.request('digest/tree', {}));
    assert.equal(t.indexing, false);
    const days: TreeDayResult[] = await Promise.all(t.days.map((d) => within('tree day', client.request('digest/treeDay', { date: d.date }))));
    const papers = days.flatMap((d) => d.papers);
    const files = [...new Set(papers.map((p) => p.uri.split('/').pop()))].sort();
    assert.deepEqual(files, ['authors-50k.md', 'daily-papers-2023-12-04.md', 'daily-papers-2023-12-29.md', 'daily-papers-2024-01-11.md']);
    const big = papers.find((p) => p.uri.endsWith('authors-50k.md'))!;
    assert.equal(big.authors.length, AUTHOR_NAMES - AUTHOR_REPEATS, 'unique authors');
    assert.equal(big.truncated, true);
    assert.deepEqual(big.problems, { errors: 0, warnings: AUTHOR_REPEATS, information: 0 });
  });

  it('a watched-file event for the FIFO or the dangling symlink does not block the index', async () => {
    const since = client.mark();
    await client.notify('workspace/didChangeWatchedFiles', {
      changes: [
        { uri: ws.uri('fifo.md'), type: 2 },
        { uri: ws.uri('dangling.md'), type: 1 },
        { uri: ws.uri('invalid-utf8.md'), type: 2 },
      ],
    });
    // Events are handled in order: the last one's log line means the first two returned.
    await client.waitFor('window/logMessage', (p) => p.message.includes('invalid-utf8.md'), since);
    const t: TreeResult = await within('tree', client.request('digest/tree', {}));
    assert.deepEqual(t.days.map((d) => d.date), ['2024-01-11', '2023-12-29', '2023-12-04']);
  });
});
