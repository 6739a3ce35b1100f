// In-host tests: run inside the VS Code extension host with the full `vscode` API, loaded as
// `extensionTestsPath` (test-electron style). Two ways to run them: test/e2e/inhost.e2e.ts
// (code-server, works here) and test/vscode/runTest.ts (@vscode/test-electron, needs to
// download VS Code). The workspace is a folder holding copies of the three fixtures.
// mocha is not a dependency: a small sequential runner on node:assert is enough.
import assert from 'node:assert/strict';
import { appendFileSync, readFileSync, readdirSync } from 'node:fs';
import * as vscode from 'vscode';
import type { LanguageClient, State } from 'vscode-languageclient/node';
import { SERVER_EXEC_ARGV } from '../../../server/src/runtime';

const EXTENSION_ID = 'daily-papers.daily-papers-digest';
const LANGUAGE_ID = 'digest-markdown';
const DEC04 = 'daily-papers-2023-12-04.md';
const DEC29 = 'daily-papers-2023-12-29.md';
const JAN11 = 'daily-papers-2024-01-11.md';

// --- the runner ------------------------------------------------------------------------

class Skip extends Error {}
const tests: { name: string; fn: () => Promise<void> }[] = [];
const test = (name: string, fn: () => Promise<void>) => tests.push({ name, fn });
const skip = (reason: string): never => {
  throw new Skip(reason);
};

function report(line: string): void {
  console.log(line);
  // The harness that drives code-server reads this file: the extension host's console is not
  // always forwarded to the page.
  const file = process.env.DIGEST_INHOST_LOG;
  if (file) appendFileSync(file, line + '\n');
}

export async function run(): Promise<void> {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const t of tests) {
    const t0 = Date.now();
    try {
      await t.fn();
      passed++;
      report(`✔ ${t.name} (${Date.now() - t0} ms)`);
    } catch (err) {
      if (err instanceof Skip) {
        skipped++;
        report(`﹣ ${t.name} # SKIP ${err.message}`);
        continue;
      }
      failed++;
      report(`✖ ${t.name} (${Date.now() - t0} ms)`);
      report(String(err instanceof Error ? err.stack ?? err.message : err).replace(/^/gm, '    '));
    }
  }
  report(`in-host: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  if (failed) throw new Error(`${failed} of ${tests.length} in-host tests failed`);
}

// --- waiting on events -------------------------------------------------------------------

/**
 * Resolves with `check()`'s first truthy value, re-checking whenever one of `events` fires;
 * rejects at the deadline with `what` and the last value seen.
 */
function until<T>(what: string, check: () => T | Promise<T>, events: vscode.Event<unknown>[], timeoutMs = 20_000): Promise<NonNullable<T>> {
  return new Promise((resolve, reject) => {
    const subs: vscode.Disposable[] = [];
    let last: unknown;
    let done = false;
    const finish = (fn: () => void) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      for (const s of subs) s.dispose();
      fn();
    };
    const probe = async () => {
      try {
        const v = await check();
        if (v) finish(() => resolve(v as NonNullable<T>));
        else last = v;
      } catch (err) {
        last = err instanceof Error ? err.message : err;
      }
    };
    const timer = setTimeout(
      () => finish(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last: ${JSON.stringify(last)}`))),
      timeoutMs,
    );
    for (const e of events) subs.push(e(() => void probe()));
    void probe();
  });
}

// --- helpers -----------------------------------------------------------------------------

function fileUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need a workspace folder holding the fixtures');
  return vscode.Uri.joinPath(folder.uri, name);
}

/** Opens a fixture in an editor and waits until the extension switched it to the digest language. */
async function openDigest(name: string): Promise<vscode.TextDocument> {
  const uri = fileUri(name);
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  return until(
    `${name} to switch to ${LANGUAGE_ID}`,
    () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && d.languageId === LANGUAGE_ID),
    [vscode.workspace.onDidOpenTextDocument, vscode.window.onDidChangeActiveTextEditor],
  );
}

function digestDiagnostics(uri: vscode.Uri, code?: string): vscode.Diagnostic[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === 'digest' && (code === undefined || codeOf(d) === code));
}

function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  return typeof c === 'object' && c !== null ? String(c.value) : c === undefined ? undefined : String(c);
}

async function waitForDiagnostics(uri: vscode.Uri, code: string): Promise<vscode.Diagnostic[]> {
  try {
    return await until(
      `${code} diagnostics on ${uri.path}`,
      () => {
        const found = digestDiagnostics(uri, code);
        return found.length ? found : undefined;
      },
      [vscode.languages.onDidChangeDiagnostics],
      15_000, // they come within 2 s here; the margin is for a loaded CI machine
    );
  } catch (err) {
    // Say what there was instead: which files have diagnostics, and how the documents stand.
    const all = vscode.languages.getDiagnostics().map(([u, d]) => `${u.path.split('/').pop()}: ${d.length}`);
    const docs = vscode.workspace.textDocuments.map((d) => `${d.uri.scheme}:${d.uri.path.split('/').pop()} (${d.languageId})`);
    const visible = vscode.window.visibleTextEditors.map((e) => e.document.uri.path.split('/').pop());
    throw new Error(`${(err as Error).message}\n  diagnostics: ${all.join(', ')}\n  documents: ${docs.join(', ')}\n  visible: ${visible.join(', ')}`);
  }
}

interface TreeApi {
  getChildren(node?: unknown): unknown[] | Thenable<unknown[]>;
  getTreeItem(node: unknown): vscode.TreeItem | Thenable<vscode.TreeItem>;
  onDidChangeTreeData?: vscode.Event<unknown>;
}

let api: { client?: LanguageClient; treeProvider?: TreeApi & { refresh?(): Promise<void> }; ready?: Promise<void> } | undefined;

/** vscode-languageclient's `State.Running`; the suite does not bundle the client library. */
const RUNNING: State.Running = 2;

/**
 * The pids of the language servers this extension host runs: its children whose command line holds
 * `dist/server.js` (Linux's /proc; zombies left out).
 */
function serverPids(): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // "pid (comm) state ppid …": comm may hold spaces and parentheses, so split after the last ')'.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(ppid) !== process.pid || state === 'Z') continue;
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (cmdline.some((arg) => arg.endsWith('dist/server.js'))) pids.push(Number(entry));
    } catch {
      // The process ended while being read.
    }
  }
  return pids;
}

// --- the tests ---------------------------------------------------------------------------

test('the extension activates', async () => {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is not loaded`);
  api = (await ext.activate()) as typeof api;
  if (api?.ready) await api.ready;
});

test('a Markdown digest switches to the digest language when opened', async () => {
  const doc = await openDigest(DEC04);
  assert.equal(doc.languageId, LANGUAGE_ID);
});

test('diagnostics of the 2023-12-04 digest: missing-vote and malformed-link, source digest', async () => {
  const uri = fileUri(DEC04);
  await openDigest(DEC04);
  const missing = await waitForDiagnostics(uri, 'missing-vote');
  const malformed = await waitForDiagnostics(uri, 'malformed-link');
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())!;
  // missing-* rules put the range on the paper's title.
  const firstHeading = doc.lineAt(missing[0].range.start.line).text;
  assert.match(firstHeading, /^### \[/);
  assert.ok(doc.getText(missing[0].range).length > 0);
  assert.ok(malformed.some((d) => doc.getText(d.range).includes('https://')), 'malformed-link covers the link text');
});

test('code actions for a repeated author offer the three removals', async () => {
  const uri = fileUri(JAN11);
  const doc = await openDigest(JAN11);
  const diags = await waitForDiagnostics(uri, 'duplicate-author');
  // The second "Junsong Chen" on the PIXART-δ Authors line, which holds many repeats.
  const authorsLine = doc.getText().split(/\r?\n/).findIndex((l) => l.startsWith('Authors: Junsong Chen'));
  const diag = diags.find((d) => d.range.start.line === authorsLine);
  assert.ok(diag, `no duplicate-author diagnostic on line ${authorsLine + 1}`);
  assert.equal(doc.getText(diag.range), 'Junsong Chen');
  assert.ok(diag.relatedInformation?.length, 'related information points at the first occurrence');
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diag.range);
  const titles = (actions ?? []).map((a) => a.title);
  for (const title of [
    "Remove repeated author 'Junsong Chen'",
    'Remove every repeated author in this line',
    'Remove every repeated author in the file',
  ]) {
    assert.ok(titles.includes(title), `missing "${title}" in ${JSON.stringify(titles)}`);
  }
  const one = actions!.find((a) => a.title === "Remove repeated author 'Junsong Chen'")!;
  assert.equal(one.kind?.value, vscode.CodeActionKind.QuickFix.value);
  assert.ok(one.edit, 'the quick fix carries its edit');
});

test('the quick fix for the one repeat on a line of the 2023-12-29 digest', async () => {
  const uri = fileUri(DEC29);
  const doc = await openDigest(DEC29);
  const [diag] = await waitForDiagnostics(uri, 'duplicate-author');
  assert.equal(doc.getText(diag.range), 'Zhengqing Yuan');
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diag.range);
  const fix = (actions ?? []).find((a) => a.title === "Remove repeated author 'Zhengqing Yuan'");
  assert.ok(fix?.edit, `no quick fix in ${JSON.stringify((actions ?? []).map((a) => a.title))}`);
  assert.ok(await vscode.workspace.applyEdit(fix.edit));
  assert.equal(doc.lineAt(diag.range.start.line).text, 'Authors: Zhengqing Yuan, Zhaoxu Li, Lichao Sun');
  // The file has other repeats (Zengzhi Wang, Jiawei Ren): only this line's diagnostic goes.
  await until(
    'the duplicate-author diagnostic of that line to go',
    () => !digestDiagnostics(uri, 'duplicate-author').some((d) => d.range.start.line === diag.range.start.line),
    [vscode.languages.onDidChangeDiagnostics],
  );
  assert.ok(digestDiagnostics(uri, 'duplicate-author').length > 0, 'the other repeats are still reported');
  await vscode.commands.executeCommand('workbench.action.files.revert');
  await until(`${DEC29} to be reverted`, () => !doc.isDirty, [vscode.workspace.onDidChangeTextDocument]);
});

test('digest.fixAll removes every repeated author of the active digest', async () => {
  const uri = fileUri(JAN11);
  const doc = await openDigest(JAN11);
  await waitForDiagnostics(uri, 'duplicate-author');
  await vscode.commands.executeCommand('digest.fixAll');
  const expected = 'Authors: Junsong Chen, Yue Wu, Simian Luo, Enze Xie, Sayak Paul, Ping Luo, Hang Zhao, Zhenguo Li';
  await until('the Authors line of PIXART-δ to lose its repeats', () => doc.getText().includes(`\n${expected}\n`), [vscode.workspace.onDidChangeTextDocument]);
  await until('duplicate-author diagnostics to go', () => digestDiagnostics(uri, 'duplicate-author').length === 0, [vscode.languages.onDidChangeDiagnostics]);
  // Running it again changes nothing.
  const text = doc.getText();
  await vscode.commands.executeCommand('digest.fixAll');
  assert.equal(doc.getText(), text);
  await vscode.commands.executeCommand('workbench.action.files.revert');
  await until(`${JAN11} to be reverted`, () => !doc.isDirty, [vscode.workspace.onDidChangeTextDocument]);
});

test('document symbols: the day with its papers', async () => {
  const uri = fileUri(JAN11);
  await openDigest(JAN11);
  const symbols = await until(
    'document symbols',
    async () => {
      const s = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
      return s?.length ? s : undefined;
    },
    [vscode.languages.onDidChangeDiagnostics],
  );
  assert.equal(symbols.length, 1);
  assert.match(symbols[0].name, /2024-01-11/);
  assert.equal(symbols[0].children.length, 7);
  assert.match(symbols[0].children[0].name, /^PIXART-δ: Fast and Controllable/);
});

test('hover on a paper heading: title, arXiv id and votes', async () => {
  const uri = fileUri(JAN11);
  const doc = await openDigest(JAN11);
  const line = doc.getText().split(/\r?\n/).findIndex((l) => l.startsWith('### [PIXART-δ'));
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(line, 8));
  const text = (hovers ?? [])
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
  assert.match(text, /PIXART/);
  assert.match(text, /2401\.05252/);
  assert.match(text, /▲ 24 votes/i);
});

test('the tree data: three days newest first, papers with votes', async () => {
  const tree = api?.treeProvider;
  if (!tree || typeof tree.getChildren !== 'function') skip('the extension exports no treeProvider');
  const days = await until(
    'three days in the tree',
    async () => {
      const roots = await tree!.getChildren();
      return roots.length === 3 ? roots : undefined;
    },
    tree!.onDidChangeTreeData ? [tree!.onDidChangeTreeData] : [],
  );
  const items = await Promise.all(days.map((d) => tree!.getTreeItem(d)));
  assert.deepEqual(items.map((i) => i.label), ['2024-01-11', '2023-12-29', '2023-12-04']);
  assert.deepEqual(items.map((i) => i.description), ['7 papers', '19 papers', '18 papers']);
  // The worst problem of each day decides its icon, in the Problems panel's colours.
  const look = (i: vscode.TreeItem) => [(i.iconPath as vscode.ThemeIcon).id, (i.iconPath as vscode.ThemeIcon).color?.id];
  assert.deepEqual(items.map(look), [
    ['warning', 'problemsWarningIcon.foreground'],
    ['warning', 'problemsWarningIcon.foreground'],
    ['error', 'problemsErrorIcon.foreground'],
  ]);
  const papers = await tree!.getChildren(days[0]);
  assert.equal(papers.length, 7);
  const first = await tree!.getTreeItem(papers[0]);
  assert.match(String(first.label), /^PIXART-δ/);
  assert.equal(first.description, '▲ 24');
  assert.ok(first.command, 'selecting a paper runs a command that opens it');
});

test('Lint Workspace lists the problems of a digest that was never opened', async () => {
  const uri = fileUri('never-opened.md');
  const text = '## Daily Papers (2024-02-01)\n\n### [Closed Paper](https://arxiv.org/abs/2402.00001)\n\n![](https://cdn-uploads.huggingface.co/x.png)\n\nAuthors: Ada Lovelace, Ada Lovelace\n\n- one bullet\n';
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  try {
    const tree = api?.treeProvider;
    if (tree && typeof tree.getChildren === 'function') {
      // The server's file watcher indexes the new file and tells the tree, which refreshes itself.
      await until(
        'the new digest in the tree',
        async () => {
          const days = await tree.getChildren();
          const labels = await Promise.all(days.map(async (d) => (await tree.getTreeItem(d)).label));
          return labels.includes('2024-02-01');
        },
        tree.onDidChangeTreeData ? [tree.onDidChangeTreeData] : [],
      );
    }
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()), 'the file is not open');
    await vscode.commands.executeCommand('digest.lintWorkspace');
    const found = await until('problems of the closed digest', () => {
      const codes = digestDiagnostics(uri).map(codeOf).sort();
      return codes.length ? codes : undefined;
    }, [vscode.languages.onDidChangeDiagnostics]);
    assert.deepEqual(found, ['duplicate-author', 'missing-vote']);
  } finally {
    await vscode.workspace.fs.delete(uri);
  }
});

test('the tree reaches papers without a valid date in a closed .digest.md file, after the days', async () => {
  const tree = api?.treeProvider;
  if (!tree || typeof tree.getChildren !== 'function') skip('the extension exports no treeProvider');
  const uri = fileUri('undated.digest.md');
  // Not a day heading first: a .digest.md file is a digest whatever it holds, open or not.
  const paperText = (id: string, title: string) =>
    `### [${title}](https://arxiv.org/abs/${id})\n\n![](https://x.io/a.png)\n\nVote: 1\n\nAuthors: Ada Lovelace\n\n- one bullet\n\n`;
  const text = paperText('2401.00001', 'Orphan Paper') + '## Daily Papers (2023-02-30)\n\n' + paperText('2302.00002', 'Bad Date Paper');
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  try {
    const roots = await until(
      'the undated groups in the tree',
      async () => {
        const nodes = await tree!.getChildren();
        const items = await Promise.all(nodes.map((n) => tree!.getTreeItem(n)));
        return items.some((i) => i.label === 'No date') ? { nodes, items } : undefined;
      },
      tree!.onDidChangeTreeData ? [tree!.onDidChangeTreeData] : [],
    );
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()), 'the file is not open');
    const labels = roots.items.map((i) => String(i.label));
    assert.deepEqual(labels.slice(0, 3), ['2024-01-11', '2023-12-29', '2023-12-04'], 'the days come first');
    const noDate = labels.indexOf('No date');
    const badDate = labels.indexOf('Daily Papers (2023-02-30)');
    assert.ok(noDate >= 3 && badDate > noDate, labels.join(' | '));
    const titles = async (k: number) =>
      Promise.all((await tree!.getChildren(roots.nodes[k])).map(async (n) => String((await tree!.getTreeItem(n)).label)));
    assert.deepEqual(await titles(noDate), ['Orphan Paper']);
    assert.deepEqual(await titles(badDate), ['Bad Date Paper']);
    // The bad date is an error (invalid-day-heading): the group shows the error icon.
    assert.equal((roots.items[badDate].iconPath as vscode.ThemeIcon).id, 'error');
  } finally {
    await vscode.workspace.fs.delete(uri);
  }
});

test('the client recovers when its server is killed: diagnostics and tree come back', async () => {
  if (process.platform !== 'linux') skip(`finding the server process reads /proc, which ${process.platform} has not`);
  const client = api?.client;
  const tree = api?.treeProvider;
  assert.ok(client, 'the extension exports no client');
  assert.ok(tree, 'the extension exports no treeProvider');
  const uri = fileUri(DEC04);
  const doc = await openDigest(DEC04);
  const before = await waitForDiagnostics(uri, 'missing-vote');
  const firstLine = Math.min(...before.map((d) => d.range.start.line));
  assert.equal(client.state, RUNNING);
  const pids = serverPids();
  assert.equal(pids.length, 1, `one server process is a child of the extension host (${process.pid}); found ${JSON.stringify(pids)}`);
  const [oldPid] = pids;
  // It runs with the V8 flags the engine is benchmarked under.
  const argv = readFileSync(`/proc/${oldPid}/cmdline`, 'utf8').split('\0');
  for (const flag of SERVER_EXEC_ARGV) assert.ok(argv.includes(flag), `the server runs with ${flag}: ${argv.join(' ')}`);

  // From the kill on: the tree changes the client makes by itself once the new server runs.
  let restarted = false;
  let treeChangesSinceRestart = 0;
  const subs = [
    client.onDidChangeState((e) => {
      if (e.newState === RUNNING) restarted = true;
    }),
    tree.onDidChangeTreeData!(() => {
      if (restarted) treeChangesSinceRestart++;
    }),
  ];
  try {
    process.kill(oldPid, 'SIGKILL');

    // The client notices, starts a new server and is running again.
    const newPid = await until(
      'the client to run again with a new server process',
      () => {
        if (client.state !== RUNNING) return undefined;
        return serverPids().find((pid) => pid !== oldPid);
      },
      [client.onDidChangeState],
    );
    assert.ok(!serverPids().includes(oldPid), `the killed server ${oldPid} is gone`);
    assert.notEqual(newPid, oldPid);

    // The open document's diagnostics come back from the new server: without an edit (the client
    // pulls for open documents on start), then an edit and its revert each bring a new pull.
    await waitForDiagnostics(uri, 'missing-vote');
    await waitForDiagnostics(uri, 'malformed-link');
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(0, 0), '\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await until(
      'the missing-vote diagnostics to move one line down after the edit',
      () => digestDiagnostics(uri, 'missing-vote').some((d) => d.range.start.line === firstLine + 1) &&
        !digestDiagnostics(uri, 'missing-vote').some((d) => d.range.start.line === firstLine),
      [vscode.languages.onDidChangeDiagnostics],
    );
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await until(`${DEC04} to be reverted`, () => !doc.isDirty, [vscode.workspace.onDidChangeTextDocument]);
    await until(
      'the missing-vote diagnostics to move back after the revert',
      () => digestDiagnostics(uri, 'missing-vote').some((d) => d.range.start.line === firstLine),
      [vscode.languages.onDidChangeDiagnostics],
    );
    assert.equal(digestDiagnostics(uri, 'missing-vote').length, before.length);

    // The tree asks the new server by itself (no refresh from here), and shows the fixture's day.
    const dayLabels = async () => {
      const roots = await tree.getChildren();
      return Promise.all(roots.map(async (d) => String((await tree.getTreeItem(d)).label)));
    };
    await until(
      'the tree to be refreshed from the new server with 2023-12-04',
      async () => treeChangesSinceRestart > 0 && (await dayLabels()).includes('2023-12-04'),
      [tree.onDidChangeTreeData!],
    );
    // And an explicit refresh is answered by the new server.
    if (tree.refresh) {
      await tree.refresh();
      assert.ok((await dayLabels()).includes('2023-12-04'), `the tree after refresh: ${JSON.stringify(await dayLabels())}`);
    }
    // The day's papers come from the new server too.
    const roots = await tree.getChildren();
    const day = roots[(await dayLabels()).indexOf('2023-12-04')];
    assert.equal((await tree.getChildren(day)).length, 18);
  } finally {
    for (const s of subs) s.dispose();
  }
});

// Last: the untitled documents it opens stay open, and would be in the tree of the tests above.
test('a Markdown digest whose heading follows hundreds of blank lines switches too; Markdown notes do not', async () => {
  const day = '## Daily Papers (2024-01-11)\n\n### [T](https://arxiv.org/abs/2401.00001)\n';
  const open = async (content: string) => (await vscode.workspace.openTextDocument({ language: 'markdown', content })).uri.toString();
  const languageOf = (uri: string) => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri && !d.isClosed)?.languageId;
  const late = await open('\n'.repeat(400) + day);
  await until(`the late digest to switch to ${LANGUAGE_ID}`, () => languageOf(late) === LANGUAGE_ID || undefined, [vscode.workspace.onDidOpenTextDocument]);
  const notes = await open('\n'.repeat(400) + '# Notes\n\n' + day);
  // Detection runs on open, in order: once a digest opened after the notes has switched, the notes were looked at.
  const next = await open(day);
  await until(`the next digest to switch to ${LANGUAGE_ID}`, () => languageOf(next) === LANGUAGE_ID || undefined, [vscode.workspace.onDidOpenTextDocument]);
  assert.equal(languageOf(notes), 'markdown');
});

// After the untitled ones: with auto-detection off, Markdown stays Markdown and is still checked,
// and Digest: Fix All works on it (it used to refuse anything not in the digest language).
test('with digest.autoDetect off, a Markdown digest keeps its language, gets diagnostics and Digest: Fix All', async () => {
  const config = vscode.workspace.getConfiguration('digest');
  await config.update('autoDetect', false, vscode.ConfigurationTarget.Workspace);
  try {
    const content = '## Daily Papers (2024-01-11)\n\n### [T](https://arxiv.org/abs/2401.00001)\n\n![](https://x.io/a.png)\n\nVote: 3\n\nAuthors: Ada Lovelace, Ada Lovelace, +\n\n- one bullet\n';
    // The client restarts with Markdown in its selector; diagnostics come once the new server runs.
    const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content });
    await vscode.window.showTextDocument(doc);
    await waitForDiagnostics(doc.uri, 'duplicate-author');
    assert.equal(doc.languageId, 'markdown');
    await vscode.commands.executeCommand('digest.fixAll');
    await until('the repeated author to go', () => doc.getText().includes('Authors: Ada Lovelace, +\n') || undefined, [vscode.workspace.onDidChangeTextDocument]);
    assert.equal(doc.getText(), content.replace('Ada Lovelace, Ada Lovelace, +', 'Ada Lovelace, +'));
  } finally {
    await config.update('autoDetect', undefined, vscode.ConfigurationTarget.Workspace);
  }
});
