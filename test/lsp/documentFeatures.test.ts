import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentSymbol, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { FIXTURES, LspClient, tempWorkspace } from './harness';

const text = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const r = (sl: number, sc: number, el: number, ec: number) => ({ start: { line: sl, character: sc }, end: { line: el, character: ec } });

describe('outline, hover, folding and links', () => {
  const ws = tempWorkspace();
  let client: LspClient;
  const jan = ws.uri('daily-papers-2024-01-11.md');
  const dec29 = ws.uri('daily-papers-2023-12-29.md');
  const hoverAt = async (uri: string, line: number, character: number): Promise<Hover | null> =>
    client.request('textDocument/hover', { textDocument: { uri }, position: { line, character } });

  before(async () => {
    client = await LspClient.start({ vscodeLike: true, folders: [ws.dir] });
    await client.open(jan, text('daily-papers-2024-01-11.md'));
    await client.open(dec29, text('daily-papers-2023-12-29.md'));
    await client.indexed();
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
    ws.dispose();
  });

  it('advertises only what it implements', () => {
    const caps = client.initializeResult.capabilities;
    assert.deepEqual(Object.keys(caps).sort(), [
      'codeActionProvider',
      'completionProvider',
      'diagnosticProvider',
      'documentLinkProvider',
      'documentSymbolProvider',
      'foldingRangeProvider',
      'hoverProvider',
      'referencesProvider',
      'textDocumentSync',
      'workspace',
      'workspaceSymbolProvider',
    ]);
    assert.deepEqual(caps.workspace, { workspaceFolders: { supported: true, changeNotifications: true } });
    assert.deepEqual(caps.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.digest'] });
  });

  it('outlines days (Namespace, paper count) and papers (Class, votes · id)', async () => {
    const symbols: DocumentSymbol[] = await client.request('textDocument/documentSymbol', { textDocument: { uri: jan } });
    assert.equal(symbols.length, 1);
    const [day] = symbols;
    assert.deepEqual(
      { name: day.name, detail: day.detail, kind: day.kind, range: day.range, selectionRange: day.selectionRange },
      { name: '2024-01-11', detail: '7 papers', kind: 3, range: r(0, 0, 118, 103), selectionRange: r(0, 0, 0, 28) },
    );
    assert.deepEqual(
      day.children!.map((p) => [p.name, p.detail, p.kind, p.range.start.line, p.range.end.line]),
      [
        ['PIXART-δ: Fast and Controllable Image Generation with Latent Consistency Models', '▲ 24 · 2401.05252', 5, 2, 18],
        ['InseRF: Text-Driven Generative Object Insertion in Neural 3D Scenes', '▲ 15 · 2401.05335', 5, 20, 36],
        ['URHand: Universal Relightable Hands', '▲ 11 · 2401.05334', 5, 38, 56],
        ['The Impact of Reasoning Step Length on Large Language Models', '▲ 10 · 2401.04925', 5, 58, 71],
        ['Bootstrapping LLM-based Task-Oriented Dialogue Agents via Self-Talk', '▲ 7 · 2401.05033', 5, 73, 88],
        ['ANIM-400K: A Large-Scale Dataset for Automated End-To-End Dubbing of Video', '▲ 5 · 2401.05314', 5, 90, 103],
        ['Score Distillation Sampling with Learned Manifold Corrective', '▲ 5 · 2401.05293', 5, 105, 118],
      ],
    );
    assert.deepEqual(day.children![0].selectionRange, r(2, 5, 2, 84), 'selection on the title');
    assert.deepEqual(day.children![0].range, r(2, 0, 18, 105));
  });

  it('folds each day and each paper', async () => {
    const folds = await client.request('textDocument/foldingRange', { textDocument: { uri: jan } });
    assert.deepEqual(folds, [
      { startLine: 0, endLine: 118 },
      { startLine: 2, endLine: 18 },
      { startLine: 20, endLine: 36 },
      { startLine: 38, endLine: 56 },
      { startLine: 58, endLine: 71 },
      { startLine: 73, endLine: 88 },
      { startLine: 90, endLine: 103 },
      { startLine: 105, endLine: 118 },
    ]);
  });

  it('links each arXiv id to its abstract page', async () => {
    const links = await client.request('textDocument/documentLink', { textDocument: { uri: jan } });
    assert.equal(links.length, 7);
    assert.deepEqual(links[0], { range: r(2, 108, 2, 118), target: 'https://arxiv.org/abs/2401.05252', tooltip: 'Open on arXiv' });
  });

  it('shows the paper card on a heading', async () => {
    const h = (await hoverAt(dec29, 2, 40))!;
    const md = h.contents as MarkupContent;
    assert.equal(md.kind, 'markdown');
    assert.equal(
      md.value,
      [
        '**TinyGPT\\-V\\: Efficient Multimodal Large Language Model via Small Backbones**',
        'arXiv [2312\\.16862](https://arxiv.org/abs/2312.16862) · [PDF](https://arxiv.org/pdf/2312.16862)',
        'Day 2023\\-12\\-29 · ▲ 16 votes (rank 1 of 19 in the day)',
        '3 unique authors: Zhengqing Yuan, Zhaoxu Li, Lichao Sun',
        'Media: image · 7 bullets',
        '---',
        "- warning `duplicate-author` (line 9): Author 'Zhengqing Yuan' is already listed on this line\\: expected each author once\\.",
      ].join('\n\n'),
    );
    assert.equal((md as { isTrusted?: boolean }).isTrusted, undefined);
    assert.deepEqual(h.range, r(2, 0, 2, 112));
    const urhand = ((await hoverAt(jan, 38, 0))!.contents as MarkupContent).value;
    assert.match(urhand, /^22 unique authors, list truncated: Zhaoxi Chen, Gyeongsik Moon, Kaiwen Guo, …$/m);
    assert.match(urhand, /Media: video/);
    const pixart = ((await hoverAt(jan, 2, 0))!.contents as MarkupContent).value;
    assert.equal(pixart.match(/^- warning/gm)?.length, 10, 'ten problems in full');
    assert.match(pixart, /\n- … and 2 more: 2 × `duplicate-author`$/, 'then the rest, counted per rule');
  });

  it('counts the workspace papers of an author on hover', async () => {
    // 'Jiawei Ren' is listed on two papers of 2023-12-29.
    const line = client.docs.get(dec29)!.getText().split('\n')[101];
    const at = line.indexOf('Jiawei Ren');
    const h = (await hoverAt(dec29, 101, at + 2))!;
    assert.deepEqual(h.contents, { kind: 'markdown', value: '**Jiawei Ren**: listed on 2 papers in the workspace' });
    assert.deepEqual(h.range, r(101, at, 101, at + 'Jiawei Ren'.length));
    assert.equal(await hoverAt(dec29, 12, 3), null, 'nothing on a bullet');
  });

  it('escapes file text in hovers and links only to arxiv.org', async () => {
    const uri = ws.uri('evil.md');
    const evil = [
      '## Daily Papers (2024-01-11)',
      '',
      '### [<img src=x onerror=alert(1)> **b** [x](command:workbench.action.quit) &amp; `c`](https://arxiv.org/abs/2401.00001)',
      '',
      'Authors: <script>, [y](command:x)',
    ].join('\n');
    await client.open(uri, evil);
    const value = ((await hoverAt(uri, 2, 5))!.contents as MarkupContent).value;
    assert.ok(!/[<>]/.test(value), 'no raw angle brackets');
    assert.ok(!/\]\(command:/.test(value), 'no command link');
    assert.ok(value.includes('&lt;img src=x onerror=alert\\(1\\)&gt; \\*\\*b\\*\\* \\[x\\]\\(command\\:workbench\\.action\\.quit\\) &amp;amp; \\`c\\`'));
    const links = [...value.matchAll(/\]\(([^)]*)\)/g)].map((m) => m[1]);
    assert.deepEqual(links, ['https://arxiv.org/abs/2401.00001', 'https://arxiv.org/pdf/2401.00001']);
    const author = ((await hoverAt(uri, 4, 10))!.contents as MarkupContent).value;
    assert.equal(author, '**&lt;script&gt;**: listed on 1 paper in the workspace');
    await client.close(uri);
  });
});
