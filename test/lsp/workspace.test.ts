import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CancellationTokenSource, type CompletionList, type Location, type SymbolInformation } from 'vscode-languageserver-protocol';
import type {
  FileSummaryResult,
  LintWorkspaceResult,
  PaperAtResult,
  TreeDayResult,
  TreeFilesResult,
  TreeResult,
  TreeUndatedResult,
} from '../../server/src/protocol';
import { FIXTURE_NAMES, FIXTURES, indexedWorkspace, LspClient, tempWorkspace } from './harness';

const text = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

const EXTRA = [
  '## Daily Papers (2024-02-02)',
  '',
  '### [An Extra Paper](https://arxiv.org/abs/2402.00002)',
  '',
  '![](https://cdn-uploads.huggingface.co/x.png)',
  '',
  'Vote: 3',
  '',
  'Authors: Jiawei Ren, Ada Lovelace, +',
  '',
  '- one bullet',
  '',
].join('\n');

const newFile = (date: string) =>
  `## Daily Papers (${date})\n\n### [Fresh](https://arxiv.org/abs/2403.00001)\n\n![](https://cdn-uploads.huggingface.co/y.png)\n\nVote: 1\n\nAuthors: Ada Lovelace\n\n- b\n`;

/** A workspace with the fixtures plus files the index must take or skip. */
function workspace() {
  const ws = tempWorkspace();
  mkdirSync(join(ws.dir, 'sub'));
  writeFileSync(join(ws.dir, 'sub/extra.txt'), EXTRA);
  mkdirSync(join(ws.dir, 'node_modules/pkg'), { recursive: true });
  writeFileSync(join(ws.dir, 'node_modules/pkg/dep.md'), newFile('2020-01-01'));
  mkdirSync(join(ws.dir, '.git'));
  writeFileSync(join(ws.dir, '.git/old.md'), newFile('2020-01-02'));
  writeFileSync(join(ws.dir, 'data.json'), newFile('2020-01-03'));
  writeFileSync(join(ws.dir, 'notes.md'), '# Notes\n\n## Daily Papers (2020-01-04)\n');
  writeFileSync(join(ws.dir, 'latin1.md'), Uint8Array.from([...Buffer.from(newFile('2020-01-05')), 0xe9, 0xff, 0x0a]));
  return ws;
}

const dates = (t: TreeResult) => t.days.map((d) => d.date);

describe('workspace index (VS Code-like client)', () => {
  const ws = workspace();
  let client: LspClient;
  const tree = (filter?: string): Promise<TreeResult> => client.request('digest/tree', filter === undefined ? {} : { filter });
  const day = (date: string, filter?: string): Promise<TreeDayResult> => client.request('digest/treeDay', { date, filter });

  before(async () => {
    client = await LspClient.start({ vscodeLike: true, folders: [ws.dir] });
    await client.indexed();
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
    ws.dispose();
  });

  it('registers file watching and configuration dynamically', () => {
    const regs = client.serverRequests
      .filter((r) => r.method === 'client/registerCapability')
      .flatMap((r) => r.params.registrations.map((x: { method: string; registerOptions: unknown }) => [x.method, x.registerOptions]));
    assert.deepEqual(regs, [
      ['workspace/didChangeConfiguration', { section: ['digest', 'files.associations'] }],
      ['workspace/didChangeWatchedFiles', { watchers: [{ globPattern: { baseUri: pathToFileURL(ws.dir).href, pattern: '**/*.{md,txt}' } }] }],
    ]);
  });

  it('reports indexing progress and logs skipped files', async () => {
    const kinds = client.messages.filter((m) => m.method === '$/progress').map((m) => m.params.value.kind);
    assert.equal(kinds[0], 'begin');
    assert.equal(kinds[kinds.length - 1], 'end');
    assert.ok(kinds.includes('report'));
    const logs = client.messages.filter((m) => m.method === 'window/logMessage').map((m) => m.params.message as string);
    assert.ok(logs.some((l) => l.includes('latin1.md') && l.includes('not valid UTF-8')), logs.join('\n'));
  });

  it('serves the tree of every digest on disk, newest day first', async () => {
    const t = await tree();
    assert.equal(t.indexing, false);
    assert.equal(t.totalDays, 4);
    assert.deepEqual(dates(t), ['2024-02-02', '2024-01-11', '2023-12-29', '2023-12-04']);
    assert.deepEqual(
      t.days.map((d) => [d.paperCount, d.matchCount, d.problems]),
      [
        [1, 1, { errors: 0, warnings: 0, information: 0 }],
        [7, 7, { errors: 0, warnings: 45, information: 0 }],
        [19, 19, { errors: 0, warnings: 6, information: 0 }],
        [18, 18, { errors: 9, warnings: 18, information: 0 }],
      ],
    );
    // The days come without their papers: those are asked for per day.
    assert.deepEqual(Object.keys(t.days[0]).sort(), ['date', 'matchCount', 'paperCount', 'problems']);
    const feb = await day('2024-02-02');
    assert.equal(feb.date, '2024-02-02');
    assert.deepEqual(feb.papers[0], {
      uri: ws.uri('sub/extra.txt'),
      title: 'An Extra Paper',
      arxivId: '2402.00002',
      votes: 3,
      authors: ['Jiawei Ren', 'Ada Lovelace'],
      truncated: true,
      range: { start: { line: 2, character: 0 }, end: { line: 10, character: 12 } },
      headingRange: { start: { line: 2, character: 0 }, end: { line: 2, character: 54 } },
      problems: { errors: 0, warnings: 0, information: 0 },
    });
    assert.deepEqual(feb.headings, [{ uri: ws.uri('sub/extra.txt'), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 28 } } }]);
    const jan = await day('2024-01-11');
    assert.equal(jan.papers.length, t.days[1].paperCount);
    assert.deepEqual(
      jan.papers.map((p) => [p.votes, p.arxivId, p.problems.warnings]),
      [
        [24, '2401.05252', 12],
        [15, '2401.05335', 6],
        [11, '2401.05334', 4],
        [10, '2401.04925', 8],
        [7, '2401.05033', 6],
        [5, '2401.05314', 5],
        [5, '2401.05293', 4],
      ],
    );
    const dec04 = (await day('2023-12-04')).papers;
    assert.equal(dec04.length, 18);
    assert.equal(dec04[0].votes, undefined);
    assert.deepEqual(dec04[1].problems, { errors: 1, warnings: 1, information: 0 });
  });

  it('filters days and their papers on the server by title, author or arXiv id', async () => {
    const ren = await tree('  JIAWEI ren ');
    assert.equal(ren.totalDays, 4, 'the days of the workspace, whatever the filter');
    assert.deepEqual(
      ren.days.map((d) => [d.date, d.matchCount, d.paperCount]),
      [
        ['2024-02-02', 1, 1],
        ['2023-12-29', 2, 19],
      ],
    );
    assert.deepEqual(ren.days[1].problems, { errors: 0, warnings: 6, information: 0 }, 'the whole day\'s problems');
    const dec29 = await day('2023-12-29', 'jiawei ren');
    assert.deepEqual(dec29.papers.map((p) => p.arxivId), ['2312.17142', '2312.17135']);
    assert.equal(dec29.headings.length, 1);
    assert.deepEqual((await tree('2401.05252')).days.map((d) => [d.date, d.matchCount]), [['2024-01-11', 1]]);
    const mamba = await tree('mamba');
    assert.deepEqual(mamba.days.map((d) => d.matchCount), [1]);
    assert.deepEqual((await day(mamba.days[0].date, 'mamba')).papers.map((p) => p.title), ['Mamba: Linear-Time Sequence Modeling with Selective State Spaces']);
    const none = await tree('no such paper');
    assert.deepEqual([none.days, none.totalDays], [[], 4]);
    assert.deepEqual(await day('1999-01-01'), { date: '1999-01-01', papers: [], headings: [] });
  });

  it('answers the paper under a line, for following the cursor', async () => {
    const uri = ws.uri('daily-papers-2024-01-11.md');
    const first = (await day('2024-01-11')).papers[0];
    const at = (line: number): Promise<PaperAtResult> => client.request('digest/paperAt', { uri, line });
    assert.deepEqual(await at(first.headingRange.start.line), { date: '2024-01-11', paper: first });
    assert.deepEqual(await at(first.range.end.line), { date: '2024-01-11', paper: first });
    assert.equal(await at(0), null, 'the day heading is in no paper');
    assert.equal(await client.request('digest/paperAt', { uri: ws.uri('notes.md'), line: 0 }), null);
  });

  it('summarises one file for the status bar', async () => {
    const summary = (name: string): Promise<FileSummaryResult> => client.request('digest/fileSummary', { uri: ws.uri(name) });
    assert.deepEqual(await summary('daily-papers-2024-01-11.md'), { papers: 7, problems: { errors: 0, warnings: 45, information: 0 } });
    assert.deepEqual(await summary('sub/extra.txt'), { papers: 1, problems: { errors: 0, warnings: 0, information: 0 } });
    assert.equal(await summary('notes.md'), null, 'not a digest');
  });

  it('lists the files the tree shows, by path', async () => {
    const files: TreeFilesResult = await client.request('digest/treeFiles', {});
    assert.deepEqual(files.uris, [
      ws.uri('daily-papers-2023-12-04.md'),
      ws.uri('daily-papers-2023-12-29.md'),
      ws.uri('daily-papers-2024-01-11.md'),
      ws.uri('sub/extra.txt'),
    ]);
  });

  it('finds papers by title, arXiv id or author across the workspace', async () => {
    const sym = (query: string): Promise<SymbolInformation[]> => client.request('workspace/symbol', { query });
    const byId = await sym('2401.05252');
    assert.deepEqual(
      byId.map((s) => [s.name, s.kind, s.location.uri, s.location.range.start.line, s.containerName]),
      [['PIXART-δ: Fast and Controllable Image Generation with Latent Consistency Models', 5, ws.uri('daily-papers-2024-01-11.md'), 2, '2024-01-11 · 2401.05252']],
    );
    assert.deepEqual((await sym('mamba')).map((s) => s.name), ['Mamba: Linear-Time Sequence Modeling with Selective State Spaces']);
    const ren = await sym('jiawei ren');
    assert.deepEqual(
      ren.map((s) => [s.location.uri.split('/').pop(), s.location.range.start.line, s.containerName]),
      [
        ['daily-papers-2023-12-29.md', 94, '2023-12-29 · 2312.17142 · Jiawei Ren'],
        ['daily-papers-2023-12-29.md', 204, '2023-12-29 · 2312.17135 · Jiawei Ren'],
        ['extra.txt', 2, '2024-02-02 · 2402.00002 · Jiawei Ren'],
      ],
    );
  });

  it('honours cancellation of workspace-wide requests', async () => {
    for (const [method, params] of [
      ['workspace/symbol', { query: 'a' }],
      ['digest/tree', {}],
      ['digest/treeDay', { date: '2024-01-11' }],
    ] as const) {
      // The cancel notification can reach the server a read after the request on a loaded
      // machine (the server yields once before the work, to read what is queued): a server that
      // honours cancellation answers -32800 to some of the attempts, one that ignores it to none.
      // Attempts go on until one is cancelled (ten at a time were all answered once, under the
      // full suite's load).
      let cancelledCount = 0;
      for (let attempt = 0; attempt < 50 && cancelledCount === 0; attempt++) {
        const source = new CancellationTokenSource();
        const pending = client.connection.sendRequest(method, params, source.token);
        source.cancel();
        try {
          await pending;
        } catch (e) {
          assert.equal((e as { code?: number }).code, -32800, method);
          cancelledCount++;
        }
      }
      assert.ok(cancelledCount > 0, `${method}: no attempt was cancelled`);
    }
    assert.equal(((await tree()) as TreeResult).days.length, 4, 'an uncancelled request still answers');
  });

  it('finds every paper listing an author (references)', async () => {
    const uri = ws.uri('daily-papers-2023-12-29.md');
    await client.open(uri, text('daily-papers-2023-12-29.md'));
    const line = text('daily-papers-2023-12-29.md').split('\n')[101];
    const refs: Location[] = await client.request('textDocument/references', {
      textDocument: { uri },
      position: { line: 101, character: line.indexOf('Jiawei Ren') + 1 },
      context: { includeDeclaration: true },
    });
    assert.deepEqual(
      refs.map((l) => [l.uri.split('/').pop(), l.range.start.line, l.range.start.character, l.range.end.character]),
      [
        ['daily-papers-2023-12-29.md', 101, 9, 19],
        ['daily-papers-2023-12-29.md', 210, 9, 19],
        ['extra.txt', 8, 9, 19],
      ],
    );
    assert.equal(await client.request('textDocument/references', { textDocument: { uri }, position: { line: 0, character: 3 }, context: { includeDeclaration: true } }), null);
    await client.close(uri);
  });

  it('completes author names on an Authors: line from the index', async () => {
    const uri = ws.uri('draft.md');
    const draft = '## Daily Papers (2024-02-03)\n\n### [Draft](https://arxiv.org/abs/2402.00003)\n\nAuthors: Ada Lovelace, Jia';
    await client.open(uri, draft);
    after(() => client.close(uri));
    const list: CompletionList = await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 4, character: 26 } });
    const ren = list.items.find((i) => i.label === 'Jiawei Ren')!;
    assert.deepEqual(ren.textEdit, { range: { start: { line: 4, character: 23 }, end: { line: 4, character: 26 } }, newText: 'Jiawei Ren' });
    assert.equal(ren.detail, '3 papers');
    const counts = list.items.map((i) => parseInt(i.detail!, 10));
    assert.deepEqual(counts, [...counts].sort((a, b) => b - a), 'the most listed authors first');
    assert.equal(counts[0] > 1, true);
    assert.ok(!list.items.some((i) => i.label === 'Ada Lovelace'), 'names already on the line are not offered');
    assert.ok(list.items.length > 300);
    const none = await client.request('textDocument/completion', { textDocument: { uri }, position: { line: 2, character: 5 } });
    assert.equal(none, null, 'nothing outside Authors: lines');
    const at = (line: number, character: number) =>
      client.request('textDocument/completion', { textDocument: { uri }, position: { line, character } });
    for (const [line, character] of [[-1, 12], [5, 0], [99, 3], [4, -5]]) assert.equal(await at(line, character), null, `${line}:${character}`);
    const past: CompletionList = await at(4, 400);
    assert.deepEqual(
      past.items.find((i) => i.label === 'Jiawei Ren')!.textEdit,
      { range: { start: { line: 4, character: 23 }, end: { line: 4, character: 26 } }, newText: 'Jiawei Ren' },
      'a character past the end of the line is its end',
    );
  });

  it('answers requests with missing or mistyped params with InvalidParams naming the field', async () => {
    const bad: [string, unknown, string][] = [
      ['digest/treeDay', null, "digest/treeDay: 'date' must be a string"],
      ['digest/treeDay', { date: 20240202 }, "digest/treeDay: 'date' must be a string"],
      ['digest/treeDay', { date: '2024-02-02', filter: 3 }, "digest/treeDay: 'filter' must be a string when given"],
      ['digest/tree', { filter: ['x'] }, "digest/tree: 'filter' must be a string when given"],
      ['digest/paperAt', null, "digest/paperAt: 'uri' must be a string"],
      ['digest/paperAt', { uri: ws.uri('sub/extra.txt'), line: -1 }, "digest/paperAt: 'line' must be a whole number ≥ 0"],
      ['digest/paperAt', { uri: ws.uri('sub/extra.txt'), line: '3' }, "digest/paperAt: 'line' must be a whole number ≥ 0"],
      ['digest/fileSummary', {}, "digest/fileSummary: 'uri' must be a string"],
    ];
    for (const [method, params, message] of bad) {
      await assert.rejects(client.request(method, params), (e: { code: number; message: string }) => {
        assert.equal(e.code, -32602, `${method} ${JSON.stringify(params)}`);
        assert.equal(e.message, message);
        return true;
      });
    }
    // Optional fields may be absent or null; a query left out asks for every paper, as '' does.
    assert.equal((await client.request('digest/tree', null)).days.length, (await tree()).days.length);
    assert.equal((await client.request('digest/treeDay', { date: '2024-02-02', filter: null })).papers.length, 1);
    const all: SymbolInformation[] = await client.request('workspace/symbol', {});
    assert.equal(all.length, (await client.request('workspace/symbol', { query: '' })).length);
    assert.ok(all.length > 0);
    assert.equal((await client.request('digest/paperAt', { uri: ws.uri('sub/extra.txt'), line: 2 })).paper.title, 'An Extra Paper');
  });

  it('lets an open document win over the disk until it closes', async () => {
    const uri = ws.uri('sub/extra.txt');
    const since = client.mark();
    await client.open(uri, EXTRA.replace('An Extra Paper', 'Edited, Unsaved'));
    await client.waitFor('digest/indexChanged', (p) => p.uris.includes(uri), since);
    assert.equal((await day('2024-02-02')).papers[0].title, 'Edited, Unsaved');
    const closed = client.mark();
    await client.close(uri);
    await client.waitFor('digest/indexChanged', (p) => p.uris.includes(uri), closed);
    assert.equal((await day('2024-02-02')).papers[0].title, 'An Extra Paper');
  });

  it('follows files created, changed and deleted on disk', async () => {
    const path = join(ws.dir, 'sub/new.md');
    const uri = ws.uri('sub/new.md');
    const event = async (type: 1 | 2 | 3) => {
      const since = client.mark();
      await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri, type }] });
      await client.waitFor('digest/indexChanged', (p) => p.uris.includes(uri), since);
    };
    writeFileSync(path, newFile('2024-03-01'));
    await event(1);
    assert.deepEqual(dates(await tree()).slice(0, 2), ['2024-03-01', '2024-02-02']);
    writeFileSync(path, newFile('2024-03-02'));
    await event(2);
    assert.deepEqual(dates(await tree()).slice(0, 2), ['2024-03-02', '2024-02-02']);
    rmSync(path);
    await event(3);
    assert.deepEqual(dates(await tree()), ['2024-02-02', '2024-01-11', '2023-12-29', '2023-12-04']);
  });
});

describe('workspace index follows digest.files', () => {
  const { ws, client: started } = indexedWorkspace(workspace());
  let client: LspClient;
  before(() => {
    client = started();
  });

  it('rescans and re-registers the watcher when the glob changes', async () => {
    client.settings = { files: 'sub/*.txt' };
    const since = client.mark();
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    await client.waitFor('digest/indexChanged', (p) => p.indexing === false, since);
    assert.deepEqual(dates(await client.request('digest/tree', {})), ['2024-02-02']);
    const reg = await client.waitFor('request:client/registerCapability', () => true, since);
    assert.deepEqual(reg.registrations[0].registerOptions, {
      watchers: [{ globPattern: { baseUri: pathToFileURL(ws.dir).href, pattern: 'sub/*.txt' } }],
    });
    assert.ok(client.messages.slice(since).some((m) => m.method === 'request:client/unregisterCapability'), 'the old watcher goes');
  });

  it('takes a glob with a broken character class as written, says so once, and keeps serving file events', async () => {
    writeFileSync(join(ws.dir, 'sub/[0-9a-Z].txt'), newFile('2024-03-03'));
    client.settings = { files: 'sub/[0-9a-Z].txt' };
    const since = client.mark();
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    await client.waitFor('digest/indexChanged', (p) => p.indexing === false, since);
    assert.deepEqual(dates(await client.request('digest/tree', {})), ['2024-03-03']);
    const shown = client.messages.slice(since).filter((m) => m.method === 'window/showMessage');
    assert.deepEqual(
      shown.map((m) => [m.params.type, m.params.message]),
      [[2, 'digest.files "sub/[0-9a-Z].txt": \'[0-9a-Z]\' is not a character class; it is matched as written.']],
    );
    writeFileSync(join(ws.dir, 'sub/[0-9a-Z].txt'), newFile('2024-03-04'));
    const changed = client.mark();
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(ws.dir, 'sub/[0-9a-Z].txt')).href, type: 2 }] });
    await client.waitFor('digest/indexChanged', () => true, changed);
    assert.deepEqual(dates(await client.request('digest/tree', {})), ['2024-03-04']);
    client.settings = { files: 'sub/[0-9a-Z].txt', validation: { debounceMs: 0 } };
    const again = client.mark();
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    await client.request('digest/tree', {});
    assert.ok(!client.messages.slice(again).some((m) => m.method === 'window/showMessage'), 'not again for the same glob');
  });
});

/** Papers only, no day heading: a digest only by its language. */
const LOOSE = (title: string) =>
  `### [${title}](https://arxiv.org/abs/2401.00009)\n\n![](https://cdn-uploads.huggingface.co/z.png)\n\nVote: 2\n\nAuthors: Ada Lovelace\n\n- b\n`;

/** Files that are digests by language (or not), whatever they hold, beside the fixtures. */
function languageWorkspace() {
  const ws = tempWorkspace();
  writeFileSync(join(ws.dir, 'loose.digest.md'), LOOSE('By Extension'));
  mkdirSync(join(ws.dir, 'daily'));
  writeFileSync(join(ws.dir, 'daily/loose.md'), LOOSE('By Association'));
  writeFileSync(join(ws.dir, 'plain.md'), LOOSE('Plain Markdown'));
  writeFileSync(join(ws.dir, 'markdown.digest.md'), LOOSE('Associated Back to Markdown'));
  return ws;
}

const ASSOCIATIONS = { '**/daily/*.md': 'digest-markdown', 'markdown.digest.md': 'markdown' };

/** The undated groups of the tree, as `path in the folder: label` (these files have no day heading). */
async function undatedFiles(client: LspClient, ws: { dir: string }): Promise<string[]> {
  const t: TreeResult = await client.request('digest/tree', {});
  const folder = pathToFileURL(ws.dir).href + '/';
  return (t.undated ?? []).map((g) => `${g.uri.slice(folder.length)}: ${g.label}`);
}

describe('workspace index takes files with the digest language whatever they hold', () => {
  const ws = languageWorkspace();
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ vscodeLike: true, folders: [ws.dir], associations: ASSOCIATIONS });
    await client.indexed();
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
    ws.dispose();
  });

  it('indexes *.digest.md and files.associations files closed, as it checks them open', async () => {
    const uri = ws.uri('loose.digest.md');
    assert.deepEqual(await undatedFiles(client, ws), ['daily/loose.md: No date', 'loose.digest.md: No date']);
    const papers: TreeUndatedResult = await client.request('digest/treeUndated', { uri });
    assert.deepEqual(papers.papers.map((p) => p.title), ['By Extension']);
    const opened = client.mark();
    await client.open(uri, LOOSE('By Extension'));
    await client.waitFor('digest/indexChanged', (p) => p.uris.includes(uri), opened);
    const open = await undatedFiles(client, ws);
    const closed = client.mark();
    await client.close(uri);
    await client.waitFor('digest/indexChanged', (p) => p.uris.includes(uri), closed);
    assert.deepEqual(await undatedFiles(client, ws), open, 'the same tree open or closed');
  });

  it('lints them in Lint Workspace', async () => {
    const result: LintWorkspaceResult = await client.request('digest/lintWorkspace', {});
    const loose = result.files.find((f) => f.uri === ws.uri('loose.digest.md'));
    assert.deepEqual(loose?.diagnostics.map((d) => d.code), ['missing-day-heading']);
    assert.ok(result.files.some((f) => f.uri === ws.uri('daily/loose.md')));
  });

  it('follows file events for them', async () => {
    const uri = ws.uri('late.digest.md');
    writeFileSync(join(ws.dir, 'late.digest.md'), LOOSE('Late'));
    const since = client.mark();
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 1 }] });
    await client.waitFor('digest/indexChanged', (p) => p.uris.includes(uri), since);
    assert.ok((await undatedFiles(client, ws)).includes('late.digest.md: No date'));
  });

  it('indexes again when files.associations changes', async () => {
    client.associations = { 'plain.md': 'digest-markdown' };
    const since = client.mark();
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    await client.waitFor('digest/indexChanged', (p) => p.indexing === false, since);
    assert.deepEqual(await undatedFiles(client, ws), [
      'late.digest.md: No date',
      'loose.digest.md: No date',
      'markdown.digest.md: No date',
      'plain.md: No date',
    ]);
  });
});

describe('workspace index takes *.digest.md files from a client without configuration', () => {
  const { ws, client: started } = indexedWorkspace(languageWorkspace(), undefined, false);

  it('and the associations it pushes', async () => {
    const client = started();
    assert.deepEqual(await undatedFiles(client, ws), ['loose.digest.md: No date', 'markdown.digest.md: No date']);
    const since = client.mark();
    await client.notify('workspace/didChangeConfiguration', { settings: { digest: {}, files: { associations: ASSOCIATIONS } } });
    await client.waitFor('digest/indexChanged', (p) => p.indexing === false, since);
    assert.deepEqual(await undatedFiles(client, ws), ['daily/loose.md: No date', 'loose.digest.md: No date']);
  });
});

describe('workspace index follows rule settings', () => {
  const { ws, client: started } = indexedWorkspace(workspace());
  let client: LspClient;
  before(() => {
    client = started();
  });

  it('counts problems of files on disk under the new severities, without reading them again, as their diagnostics do', async () => {
    client.settings = { validation: { debounceMs: 0 }, rules: { 'duplicate-author': 'error', 'missing-media': 'off', 'votes-out-of-order': 'warning' } };
    const since = client.mark();
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    await client.waitFor('digest/indexChanged', () => true, since);
    assert.ok(!client.messages.slice(since).some((m) => m.method === '$/progress'), 'no rescan');
    const t: TreeResult = await client.request('digest/tree', {});
    const fromTree = Object.fromEntries(t.days.map((d) => [d.date, d.problems]));
    // Each fixture holds one day, from its first line: all its diagnostics are that day's.
    for (const name of FIXTURE_NAMES) {
      const uri = ws.uri(name);
      await client.open(uri, text(name));
      const ds = await client.diagnostics(uri);
      const count = (severity: number) => ds.filter((d) => d.severity === severity).length;
      const date = /\d{4}-\d{2}-\d{2}/.exec(name)![0];
      assert.deepEqual(fromTree[date], { errors: count(1), warnings: count(2), information: count(3) }, name);
      await client.close(uri);
    }
    assert.ok(fromTree['2024-01-11'].errors > 0, 'duplicate-author now counts as an error');
  });
});

describe('workspace index (minimal client)', () => {
  const ws = workspace();
  let client: LspClient;

  before(async () => {
    client = await LspClient.start({ vscodeLike: false, folders: [ws.dir] });
    await client.indexed();
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
    ws.dispose();
  });

  it('needs no registration or progress, and serves the same tree', async () => {
    assert.deepEqual(client.serverRequests, []);
    const t: TreeResult = await client.request('digest/tree', {});
    assert.deepEqual(dates(t), ['2024-02-02', '2024-01-11', '2023-12-29', '2023-12-04']);
    // Its own file events still reach the index.
    writeFileSync(join(ws.dir, 'late.md'), newFile('2024-04-01'));
    const since = client.mark();
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: ws.uri('late.md'), type: 1 }] });
    await client.waitFor('digest/indexChanged', () => true, since);
    assert.equal(((await client.request('digest/tree', {})) as TreeResult).days[0].date, '2024-04-01');
  });
});
