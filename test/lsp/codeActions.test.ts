import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { FIXTURES, LspClient, tempWorkspace } from './harness';

const text = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const JAN11 = 'daily-papers-2024-01-11.md';
const DEC04 = 'daily-papers-2023-12-04.md';
const LINE8 =
  'Authors: Junsong Chen, Junsong Chen, Junsong Chen, Yue Wu, Simian Luo, Simian Luo, Simian Luo, Enze Xie, Enze Xie, Enze Xie, Sayak Paul, Sayak Paul, Sayak Paul, Ping Luo, Hang Zhao, Hang Zhao, Hang Zhao, Zhenguo Li, Zhenguo Li, Zhenguo Li';

function editsOf(action: CodeAction, uri: string): TextEdit[] {
  const edit = action.edit!;
  if (edit.documentChanges) {
    const change = edit.documentChanges[0] as { textDocument: { uri: string }; edits: TextEdit[] };
    assert.equal(change.textDocument.uri, uri);
    return change.edits;
  }
  return edit.changes![uri];
}

function apply(doc: TextDocument, action: CodeAction): string {
  return TextDocument.applyEdits(doc, editsOf(action, doc.uri));
}

function lineOf(s: string, n: number): string {
  return s.split('\n')[n];
}

for (const vscodeLike of [true, false]) {
  describe(`code actions (${vscodeLike ? 'VS Code-like' : 'minimal'} client)`, () => {
    const ws = tempWorkspace();
    let client: LspClient;
    let diags: Diagnostic[];
    let doc: TextDocument;
    const uri = ws.uri(JAN11);

    const actions = (range: Diagnostic['range'], diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> =>
      client.request('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, only } });

    before(async () => {
      client = await LspClient.start({ vscodeLike, folders: [ws.dir] });
      doc = await client.open(uri, text(JAN11));
      diags = await client.diagnostics(uri);
    });

    after(async () => {
      assert.equal(await client.stop(), 0);
      ws.dispose();
    });

    it('offers this repeat, the line and the whole file for a duplicate author', async () => {
      const first = diags[0];
      assert.equal(first.code, 'duplicate-author');
      const got = await actions(first.range, [first]);
      assert.deepEqual(
        got.map((a) => [a.title, a.kind, a.isPreferred]),
        [
          ["Remove repeated author 'Junsong Chen'", 'quickfix', true],
          ['Remove every repeated author in this line', 'quickfix', false],
          ['Remove every repeated author in the file', 'quickfix', false],
          ['Fix all auto-fixable digest problems', 'source.fixAll.digest', undefined],
        ],
      );
      assert.ok(got[0].edit![vscodeLike ? 'documentChanges' : 'changes'], 'documentChanges only when the client supports them');
      assert.equal(lineOf(apply(doc, got[0]), 8), LINE8.replace('Junsong Chen, Junsong Chen, ', 'Junsong Chen, '));
      assert.equal(
        lineOf(apply(doc, got[1]), 8),
        'Authors: Junsong Chen, Yue Wu, Simian Luo, Enze Xie, Sayak Paul, Ping Luo, Hang Zhao, Zhenguo Li',
      );
      const whole = apply(doc, got[2]);
      assert.equal(lineOf(whole, 8), 'Authors: Junsong Chen, Yue Wu, Simian Luo, Enze Xie, Sayak Paul, Ping Luo, Hang Zhao, Zhenguo Li');
      assert.equal(lineOf(whole, 45).includes('Zhaoxi Chen, Zhaoxi Chen'), false);
      // Only the Authors: lines changed.
      const before = doc.getText().split('\n');
      const changed = whole.split('\n').flatMap((l, i) => (l === before[i] ? [] : [i]));
      assert.deepEqual(changed, [8, 27, 45, 64, 79, 96, 111]);
    });

    it('offers each shared fix once when several diagnostics are under the cursor', async () => {
      const line8 = diags.filter((d) => d.range.start.line === 8);
      const range = { start: line8[0].range.start, end: line8[line8.length - 1].range.end };
      const got = await actions(range, line8, ['quickfix']);
      assert.equal(got.filter((a) => a.title === 'Remove every repeated author in this line').length, 1);
      assert.equal(got.filter((a) => a.title === 'Remove every repeated author in the file').length, 1);
      assert.equal(got.filter((a) => a.kind !== 'quickfix').length, 0, 'only quickfixes when only asks for them');
    });

    it('offers nothing where nothing can be fixed', async () => {
      const range = { start: { line: 2, character: 0 }, end: { line: 2, character: 3 } };
      assert.deepEqual(await actions(range, [], ['quickfix']), []);
      const dec = ws.uri(DEC04);
      await client.open(dec, text(DEC04));
      const decDiags = await client.diagnostics(dec);
      const missing = decDiags.find((d) => d.code === 'missing-vote')!;
      const got: CodeAction[] = await client.request('textDocument/codeAction', {
        textDocument: { uri: dec },
        range: missing.range,
        context: { diagnostics: [missing], only: ['quickfix'] },
      });
      assert.deepEqual(got, []);
      await client.close(dec);
    });

    it('source.fixAll.digest fixes every repeated author, leaves the glued URL\'s choice, then offers nothing', async () => {
      const whole = { start: { line: 0, character: 0 }, end: { line: doc.lineCount, character: 0 } };
      const [fixAll, ...rest] = await actions(whole, [], ['source.fixAll.digest']);
      assert.equal(rest.length, 0);
      assert.equal(fixAll.kind, 'source.fixAll.digest');
      const fixed = apply(doc, fixAll);
      assert.ok(fixed.includes('https://github.com/davidmchan/Anim400K에서'), 'url-runs-into-text is the writer\'s choice');
      const since = client.mark();
      doc = await client.change(uri, [{ text: fixed }]);
      const after = await client.diagnostics(uri, since);
      assert.deepEqual(after.map((d) => d.code), ['url-runs-into-text'], 'only the glued URL is left');
      assert.deepEqual(await actions(whole, [], ['source.fixAll']), []);
      assert.deepEqual(await actions(whole, [], ['source']), []);
      // Its alternatives are still there as quick fixes.
      const quick = await actions(after[0].range, after, ['quickfix']);
      assert.deepEqual(quick.map((a) => a.title), ['Insert a space after the URL', 'Wrap the URL in <…>']);
    });
  });
}

describe('code actions with stale diagnostics', () => {
  const ws = tempWorkspace();
  let client: LspClient;
  const uri = ws.uri('daily-papers-2023-12-29.md');

  before(async () => {
    client = await LspClient.start({ vscodeLike: true, folders: [ws.dir] });
  });
  after(async () => {
    await client.stop();
    ws.dispose();
  });

  it('takes fixes from the finding of the current version, and never applies stale edits', async () => {
    await client.open(uri, text('daily-papers-2023-12-29.md'));
    const [dup] = await client.diagnostics(uri);
    assert.equal(dup.code, 'duplicate-author');
    // An edit after the finding: the stale diagnostic still names a current finding.
    const end = client.docs.get(uri)!.positionAt(client.docs.get(uri)!.getText().length);
    await client.change(uri, [{ range: { start: end, end }, text: '\n' }]);
    const fresh: CodeAction[] = await client.request('textDocument/codeAction', {
      textDocument: { uri },
      range: dup.range,
      context: { diagnostics: [dup], only: ['quickfix'] },
    });
    assert.equal(fresh[0].title, "Remove repeated author 'Zhengqing Yuan'");
    const change = fresh[0].edit!.documentChanges![0] as { textDocument: { version: number } };
    assert.equal(change.textDocument.version, 2, 'edits made for the current version');
    // An edit above it moves the text: the stale range names nothing now, so nothing is offered.
    await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' }]);
    const stale: CodeAction[] = await client.request('textDocument/codeAction', {
      textDocument: { uri },
      range: dup.range,
      context: { diagnostics: [dup], only: ['quickfix'] },
    });
    assert.deepEqual(stale, []);
  });
});
