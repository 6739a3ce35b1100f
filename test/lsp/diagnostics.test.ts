import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { parse } from '../../server/src/model/parse';
import { lint } from '../../server/src/lint';
import { ruleDocUrl } from '../../server/src/rules/docs';
import { FIXTURE_NAMES, FIXTURES, LspClient, tempWorkspace } from './harness';

const text = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const SEVERITY = { error: 1, warning: 2, information: 3 } as const;

/** What a diagnostic must say, from the engine run directly on the file. */
function expected(name: string) {
  return lint(parse(text(name))).map((f) => ({ code: f.rule, severity: SEVERITY[f.severity], range: f.range, message: f.message }));
}

function essentials(ds: Diagnostic[]) {
  return ds.map((d) => ({ code: d.code, severity: d.severity, range: d.range, message: d.message }));
}

function countByCode(ds: Diagnostic[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const d of ds) out[String(d.code)] = (out[String(d.code)] ?? 0) + 1;
  return out;
}

describe('diagnostics over LSP', () => {
  const ws = tempWorkspace();
  const results: Record<string, Record<string, Diagnostic[]>> = {};
  const clients: LspClient[] = [];

  before(async () => {
    for (const vscodeLike of [true, false]) {
      const client = await LspClient.start({ vscodeLike, folders: [ws.dir] });
      clients.push(client);
      const kind = vscodeLike ? 'pull' : 'push';
      results[kind] = {};
      for (const name of FIXTURE_NAMES) {
        await client.open(ws.uri(name), text(name));
        results[kind][name] = await client.diagnostics(ws.uri(name));
      }
    }
  });

  after(async () => {
    for (const c of clients) assert.equal(await c.stop(), 0);
    ws.dispose();
  });

  it('advertises pull diagnostics only to clients that support them', () => {
    assert.deepEqual(clients[0].initializeResult.capabilities.diagnosticProvider, {
      interFileDependencies: false,
      workspaceDiagnostics: false,
    });
    assert.equal(clients[1].initializeResult.capabilities.diagnosticProvider, undefined);
    assert.deepEqual(clients[1].initializeResult.capabilities.textDocumentSync, { openClose: true, change: 2 });
  });

  it('finds what the engine finds, with the exact codes and ranges', () => {
    for (const name of FIXTURE_NAMES) assert.deepEqual(essentials(results.pull[name]), expected(name), name);
    assert.deepEqual(countByCode(results.pull['daily-papers-2023-12-04.md']), { 'missing-vote': 18, 'malformed-link': 9 });
    assert.deepEqual(countByCode(results.pull['daily-papers-2023-12-29.md']), { 'duplicate-author': 4, 'url-runs-into-text': 2 });
    assert.deepEqual(countByCode(results.pull['daily-papers-2024-01-11.md']), { 'duplicate-author': 44, 'url-runs-into-text': 1 });
    const first = results.pull['daily-papers-2023-12-04.md'][0];
    assert.deepEqual(first.range, { start: { line: 2, character: 5 }, end: { line: 2, character: 69 } });
    const link = results.pull['daily-papers-2023-12-04.md'].find((d) => d.code === 'malformed-link')!;
    assert.deepEqual(link.range, { start: { line: 20, character: 0 }, end: { line: 20, character: 117 } });
    assert.equal(link.severity, 1);
  });

  it('gives identical findings to a pull client and a push-only client', () => {
    for (const name of FIXTURE_NAMES) assert.deepEqual(results.push[name], results.pull[name], name);
  });

  it('sets source, codeDescription and related information; no edits ride along', () => {
    const uri = ws.uri('daily-papers-2023-12-29.md');
    const dup = results.pull['daily-papers-2023-12-29.md'][0];
    assert.equal(dup.source, 'digest');
    assert.equal(dup.code, 'duplicate-author');
    assert.deepEqual(dup.codeDescription, { href: ruleDocUrl('duplicate-author') });
    assert.deepEqual(dup.range, { start: { line: 8, character: 25 }, end: { line: 8, character: 39 } });
    assert.equal(dup.relatedInformation?.length, 1);
    assert.equal(dup.relatedInformation![0].location.uri, uri);
    assert.match(dup.relatedInformation![0].message, /First occurrence of 'Zhengqing Yuan'/);
    // Fixes are looked up from the current finding at code-action time, so a diagnostic holds
    // nothing tied to a document version and is sent again unchanged while its finding stays.
    assert.equal(dup.data, undefined);
    const missing = results.pull['daily-papers-2023-12-04.md'][0];
    assert.equal(missing.data, undefined);
  });
});
