import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { FIXTURE_NAMES, FIXTURES, LspClient, tempWorkspace } from './harness';
import { rng } from '../../bench/corpus';

/** A seeded PRNG (mulberry32), so a failing sequence can be replayed from its seed. */
const prng = rng;

const SNIPPETS = [
  '\n',
  '\r\n',
  '\n\n',
  'Vote: 7\n',
  'Vote: x',
  'Authors: Ada, Ada, Bob, +\n',
  ', Ada',
  '### [A Title](https://arxiv.org/abs/2401.00001)\n',
  '### broken heading\n',
  '## Daily Papers (2024-02-30)\n',
  '## Daily Papers (2023-12-04)\n',
  '- bullet https://github.com/x/y에서 text\n',
  '[Watch Video]https://cdn-uploads.huggingface.co/v.mp4\n',
  '![](https://cdn-uploads.huggingface.co/p.png)\n',
  'é',
  '😀',
  'x',
  ' ',
];

function randomChange(doc: TextDocument, rand: () => number): TextDocumentContentChangeEvent {
  const text = doc.getText();
  const pick = (n: number) => Math.floor(rand() * n);
  const at = pick(text.length + 1);
  const kind = rand();
  if (kind < 0.45) {
    const p = doc.positionAt(at);
    return { range: { start: p, end: p }, text: SNIPPETS[pick(SNIPPETS.length)] };
  }
  if (kind < 0.75) {
    const to = Math.min(text.length, at + pick(80));
    return { range: { start: doc.positionAt(at), end: doc.positionAt(to) }, text: '' };
  }
  if (kind < 0.9) {
    // Join a line with the next: remove its line break (\r\n, \n or a lone \r).
    const line = pick(doc.lineCount);
    const end = doc.offsetAt({ line, character: Number.MAX_SAFE_INTEGER });
    const next = doc.offsetAt({ line: line + 1, character: 0 });
    return { range: { start: doc.positionAt(end), end: doc.positionAt(next) }, text: rand() < 0.5 ? '' : ' ' };
  }
  const to = Math.min(text.length, at + pick(20));
  return { range: { start: doc.positionAt(at), end: doc.positionAt(to) }, text: SNIPPETS[pick(SNIPPETS.length)] };
}

/** Diagnostics of two documents compare equal once their uri and version are taken out. */
function normalize(ds: Diagnostic[], uri: string): unknown {
  return JSON.parse(JSON.stringify(ds).split(JSON.stringify(uri).slice(1, -1)).join('URI').replace(/"version":\d+/g, '"version":0'));
}

const texts = FIXTURE_NAMES.map((n) => readFileSync(join(FIXTURES, n), 'utf8'));

async function runSequences(client: LspClient, ws: ReturnType<typeof tempWorkspace>, seeds: number[]): Promise<void> {
  for (const seed of seeds) {
    const rand = prng(seed);
    let start = texts[seed % texts.length];
    if (rand() < 0.3) start = start.replace(/\n/g, '\r\n');
    const edited = ws.uri(`edited-${seed}.md`);
    const fresh = ws.uri(`fresh-${seed}.md`);
    let doc = await client.open(edited, start);
    for (let i = 0; i < 20; i++) {
      // Sometimes several changes in one notification, applied in order as LSP says.
      const n = rand() < 0.2 ? 3 : 1;
      const changes: TextDocumentContentChangeEvent[] = [];
      // A scratch copy: update() changes a document in place, and the harness owns `doc`.
      let shadow = TextDocument.create(edited, 'digest-markdown', doc.version, doc.getText());
      for (let k = 0; k < n; k++) {
        const c = randomChange(shadow, rand);
        changes.push(c);
        shadow = TextDocument.update(shadow, [c], shadow.version + 1);
      }
      doc = await client.change(edited, changes);
    }
    assert.notEqual(doc.getText(), start, `seed ${seed}: the edits changed something`);
    const since = client.mark();
    await client.open(fresh, doc.getText());
    const [a, b] = [await client.diagnostics(edited, since), await client.diagnostics(fresh, since)];
    assert.deepEqual(normalize(a, edited), normalize(b, fresh), `seed ${seed}: diagnostics`);
    const [sa, sb] = [
      await client.request('textDocument/documentSymbol', { textDocument: { uri: edited } }),
      await client.request('textDocument/documentSymbol', { textDocument: { uri: fresh } }),
    ];
    assert.deepEqual(sa, sb, `seed ${seed}: outline`);
    await client.close(edited);
    await client.close(fresh);
  }
}

describe('incremental edits end where a fresh open of the final text does', () => {
  const ws = tempWorkspace();
  const clients: LspClient[] = [];
  after(async () => {
    for (const c of clients) assert.equal(await c.stop(), 0);
    ws.dispose();
  });

  let pull: LspClient;
  let push: LspClient;
  before(async () => {
    pull = await LspClient.start({ vscodeLike: true, settings: { validation: { debounceMs: 0 } } });
    push = await LspClient.start({ vscodeLike: false });
    clients.push(pull, push);
  });

  it('50 random sequences of 20 edits (pull client)', async () => {
    await runSequences(pull, ws, Array.from({ length: 50 }, (_, i) => 1000 + i));
  });

  it('10 random sequences of 20 edits (push client, debounced)', async () => {
    await runSequences(push, ws, Array.from({ length: 10 }, (_, i) => 2000 + i));
  });
});
