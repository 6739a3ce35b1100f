import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { FIXTURES, LspClient, tempWorkspace } from './harness';
import { yearFile } from '../../bench/corpus';
import { parse } from '../../server/src/model/parse';
import { lint } from '../../server/src/lint';

const text = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const DEC29 = 'daily-papers-2023-12-29.md';
const codes = (ds: Diagnostic[]) => ds.map((d) => d.code);

describe('which documents are checked', () => {
  const ws = tempWorkspace();
  const clients: LspClient[] = [];
  after(async () => {
    for (const c of clients) assert.equal(await c.stop(), 0);
    ws.dispose();
  });

  for (const vscodeLike of [true, false]) {
    it(`checks a markdown digest, not other markdown, re-detecting on change (${vscodeLike ? 'pull' : 'push'})`, async () => {
      const client = await LspClient.start({ vscodeLike, settings: { validation: { debounceMs: 0 } } });
      clients.push(client);
      const md = ws.uri('as-markdown.md');
      await client.open(md, text(DEC29), 'markdown');
      assert.equal((await client.diagnostics(md)).length, 6);
      const txt = ws.uri('as-plaintext.txt');
      await client.open(txt, text(DEC29).replace(/\n/g, '\r\n'), 'plaintext');
      assert.equal((await client.diagnostics(txt)).length, 6, 'CRLF plain text too');

      const notes = ws.uri('notes.md');
      const body = '# Notes\n\n### [x](nope)\n\nAuthors: A, A\n';
      await client.open(notes, body, 'markdown');
      assert.deepEqual(await client.diagnostics(notes), []);
      assert.deepEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri: notes } }), []);
      assert.equal(await client.request('textDocument/hover', { textDocument: { uri: notes }, position: { line: 2, character: 2 } }), null);
      const since = client.mark();
      await client.change(notes, [{ range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }, text: '## Daily Papers (2024-01-11)\n' }]);
      assert.deepEqual(codes(await client.diagnostics(notes, since)), [
        'missing-media',
        'missing-summary',
        'missing-vote',
        'invalid-paper-heading',
        'duplicate-author',
      ]);

      // The digest language id is checked whatever the text holds.
      const plain = ws.uri('plain.digest.md');
      await client.open(plain, 'just words\n', 'digest-markdown');
      assert.deepEqual(codes(await client.diagnostics(plain)), ['unexpected-line']);
    });
  }

  it('finds a markdown digest whose heading follows hundreds of blank lines, as the workspace index does', async () => {
    const client = await LspClient.start({ vscodeLike: true, settings: { validation: { debounceMs: 0 } } });
    clients.push(client);
    const late = ws.uri('late.md');
    const blank = ' \n'.repeat(300) + '\t\r\n'.repeat(300);
    await client.open(late, blank + text(DEC29), 'markdown');
    assert.equal((await client.diagnostics(late)).length, 6);
    const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri: late } });
    assert.equal(symbols[0].range.start.line, 600);
    const notes = ws.uri('late-notes.md');
    await client.open(notes, blank + '# Notes\n\n' + text(DEC29), 'markdown');
    assert.deepEqual(await client.diagnostics(notes), []);
  });

  it('publishes at once on open, then once per burst of typing (push)', async () => {
    const client = await LspClient.start({ vscodeLike: false });
    clients.push(client);
    // A client without workspace/configuration may send the section with the notification.
    await client.notify('workspace/didChangeConfiguration', { settings: { digest: { validation: { debounceMs: 300 } } } });
    const uri = ws.uri(DEC29);
    const opened = Date.now();
    await client.open(uri, text(DEC29));
    await client.diagnostics(uri);
    assert.ok(Date.now() - opened < 300, 'not debounced on open');
    const since = client.mark();
    const typed = Date.now();
    for (let i = 0; i < 5; i++) {
      await client.change(uri, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: 'x' }]);
    }
    const final = await client.diagnostics(uri, since);
    assert.ok(Date.now() - typed >= 300, 'debounced');
    const versions = client.messages.slice(since).filter((m) => m.method === 'textDocument/publishDiagnostics').map((m) => m.params.version);
    assert.deepEqual(versions, [6], 'one publish, for the last version');
    assert.deepEqual(codes(final).slice(0, 2), ['unexpected-line', 'duplicate-author']);
    const closed = client.mark();
    await client.close(uri);
    const cleared = await client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri, closed);
    assert.deepEqual(cleared.diagnostics, [], 'closing clears its diagnostics');
  });

  it('does not validate files over digest.maxFileSizeMB, and says so', async () => {
    const client = await LspClient.start({ vscodeLike: true, settings: { maxFileSizeMB: 0.01 } });
    clients.push(client);
    const uri = ws.uri(DEC29);
    await client.open(uri, text(DEC29));
    const ds = await client.diagnostics(uri);
    assert.equal(ds.length, 1);
    assert.deepEqual(
      { range: ds[0].range, severity: ds[0].severity, code: ds[0].code, source: ds[0].source },
      { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 3, code: 'file-too-large', source: 'digest' },
    );
    assert.match(ds[0].message, /digest\.maxFileSizeMB/);
    assert.deepEqual(
      await client.request('textDocument/codeAction', { textDocument: { uri }, range: ds[0].range, context: { diagnostics: ds } }),
      [],
      'nothing to fix in a file not validated',
    );
  });

  it('validates a 10 MB year of digests under the default limit', async () => {
    const client = await LspClient.start({ vscodeLike: true });
    clients.push(client);
    const uri = ws.uri('year.md');
    const year = yearFile(1, 10 * 1024 * 1024);
    await client.open(uri, year);
    const ds = await client.diagnostics(uri);
    const expected = lint(parse(year));
    assert.equal(ds.length, expected.length);
    assert.ok(!ds.some((d) => d.code === 'file-too-large'));
    assert.deepEqual(ds.slice(0, 50).map((d) => [d.code, d.range.start.line]), expected.slice(0, 50).map((f) => [f.rule, f.range.start.line]));
  });
});

describe('settings', () => {
  const ws = tempWorkspace();
  const clients: LspClient[] = [];
  after(async () => {
    for (const c of clients) assert.equal(await c.stop(), 0);
    ws.dispose();
  });

  it('re-validates on didChangeConfiguration (pull: refresh, then the new results)', async () => {
    const client = await LspClient.start({ vscodeLike: true, settings: { validation: { debounceMs: 0 } } });
    clients.push(client);
    const uri = ws.uri(DEC29);
    await client.open(uri, text(DEC29));
    assert.deepEqual(codes(await client.diagnostics(uri)).sort()[0], 'duplicate-author');
    client.settings = { validation: { debounceMs: 0 }, rules: { 'duplicate-author': 'off', 'url-runs-into-text': 'error' } };
    const since = client.mark();
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    await client.waitFor('request:workspace/diagnostic/refresh', () => true, since);
    const ds = await client.diagnostics(uri);
    assert.deepEqual(codes(ds), ['url-runs-into-text', 'url-runs-into-text']);
    assert.deepEqual(ds.map((d) => d.severity), [1, 1]);
    const tree = await client.request('digest/tree', {});
    // An open digest is in the index even outside any folder; its counts follow the settings.
    assert.deepEqual(tree.days.map((d: { date: string; problems: unknown }) => [d.date, d.problems]), [
      ['2023-12-29', { errors: 2, warnings: 0, information: 0 }],
    ]);
  });

  it('re-validates on didChangeConfiguration (push: the section in the notification)', async () => {
    const client = await LspClient.start({ vscodeLike: false });
    clients.push(client);
    const uri = ws.uri(DEC29);
    await client.open(uri, text(DEC29));
    assert.equal((await client.diagnostics(uri)).length, 6);
    const since = client.mark();
    await client.notify('workspace/didChangeConfiguration', { settings: { digest: { 'rules.duplicate-author': 'information' } } });
    const ds = await client.diagnostics(uri, since);
    assert.deepEqual(
      ds.filter((d) => d.code === 'duplicate-author').map((d) => d.severity),
      [3, 3, 3, 3],
    );
  });
});

describe('lifecycle', () => {
  it('exits with 0 after shutdown and exit', async () => {
    const client = await LspClient.start({ vscodeLike: false });
    await client.open('untitled:x', '## Daily Papers (2024-01-11)\n');
    assert.equal(await client.stop(), 0);
  });
});

describe('a document whose version says nothing new', () => {
  const day = (authors: string) =>
    `## Daily Papers (2024-01-11)\n\n### [T](https://arxiv.org/abs/2401.00001)\n\n![](https://x/y.png)\n\nVote: 1\n\nAuthors: ${authors}\n\n- s\n`;
  let client: LspClient;
  after(async () => assert.equal(await client.stop(), 0));

  it('reopened at version 1 with other text: a pull with the old resultId gets the new findings', async () => {
    client = await LspClient.start({ vscodeLike: true, settings: { validation: { debounceMs: 0 } } });
    const uri = 'file:///tmp/reopen.md';
    await client.open(uri, day('A, B'));
    const first = await client.request('textDocument/diagnostic', { textDocument: { uri } });
    assert.deepEqual(codes(first.items), []);
    await client.close(uri);
    await client.open(uri, day('A, A'));
    const again = await client.request('textDocument/diagnostic', { textDocument: { uri }, previousResultId: first.resultId });
    assert.equal(again.kind, 'full');
    assert.notEqual(again.resultId, first.resultId);
    assert.deepEqual(codes(again.items), ['duplicate-author']);
    const same = await client.request('textDocument/diagnostic', { textDocument: { uri }, previousResultId: again.resultId });
    assert.deepEqual(same, { kind: 'unchanged', resultId: again.resultId });
  });

  it('changed without a new version, or opened twice: findings follow the text', async () => {
    const uri = 'file:///tmp/same-version.md';
    await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'digest-markdown', version: 1, text: day('A, B') } });
    assert.deepEqual(codes(await client.diagnostics(uri)), []);
    await client.notify('textDocument/didChange', { textDocument: { uri, version: 1 }, contentChanges: [{ text: day('A, A') }] });
    assert.deepEqual(codes(await client.diagnostics(uri)), ['duplicate-author']);
    const twice = 'file:///tmp/opened-twice.md';
    await client.notify('textDocument/didOpen', { textDocument: { uri: twice, languageId: 'digest-markdown', version: 1, text: day('A, B') } });
    assert.deepEqual(codes(await client.diagnostics(twice)), []);
    await client.notify('textDocument/didOpen', { textDocument: { uri: twice, languageId: 'digest-markdown', version: 1, text: day('A, A') } });
    assert.deepEqual(codes(await client.diagnostics(twice)), ['duplicate-author']);
    const symbols = await client.request('textDocument/documentSymbol', { textDocument: { uri: twice } });
    assert.equal(symbols.length, 1);
  });
});
