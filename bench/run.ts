/**
 * `npm run bench`: figures for the performance issue, measured side by side in one run.
 * Prints a table, or with `--json` one JSON object. Medians over repeated runs after warm-up.
 * Not a test: nothing here passes or fails.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { getHeapSpaceStatistics } from 'node:v8';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { dailyFiles, rng, yearFile } from './corpus';
import { parse } from '../server/src/model/parse';
import { lint } from '../server/src/lint';
import { DigestCache } from '../server/src/model/cache';
import { digestDocuments } from '../server/src/documents';
import { FindingsCache } from '../server/src/findingsCache';
import { DiagnosticsMemo } from '../server/src/features/diagnostics';
import { TreeDayRequest, TreeRequest, type TreeDayResult, type TreeResult } from '../server/src/protocol';
import { installVscodeStub } from './vscode-stub';
import { SERVER_EXEC_ARGV } from '../server/src/runtime';

// The engine is timed under the V8 flags the server runs with (the floor too, in this process).
if (!SERVER_EXEC_ARGV.every((flag) => process.execArgv.includes(flag))) {
  const again = spawnSync(process.execPath, [...process.execArgv, ...SERVER_EXEC_ARGV, __filename, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(again.status ?? 1);
}

const ROOT = join(__dirname, '..');
const json = process.argv.includes('--json');
const log = (s: string) => {
  if (!json) process.stderr.write(s + '\n');
};

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

function time(fn: () => void): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

/** Median of `runs` timings after `warm` untimed runs. */
function measure(fn: () => void, runs: number, warm = 2): number {
  for (let i = 0; i < warm; i++) fn();
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) xs.push(time(fn));
  return median(xs);
}

/** The size V8 gives its young generation now (it grows it while a program allocates). */
function youngGeneration(): number {
  return getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.space_size ?? 0;
}

/**
 * Runs the functions in turns, untimed, until they run as they will from then on: at least `min`
 * rounds (V8 compiles the hot code), and until the young generation has kept its size for
 * `still` rounds. V8 grows it as a program allocates (to the 64 MB semi-spaces the server runs
 * with), and for a few rounds after it grew, each round writes to pages of it never used before,
 * which the system hands out one page fault at a time: measured on the year file, rounds 5–10 of
 * a fresh process took 2–4× a later round, with 3,000–6,000 page faults each instead of ~250.
 * Timing those would time V8 settling in, not the parse. Returns the number of rounds run.
 */
function warmUp(fns: (() => void)[], min = 3, still = 8, max = 40): number {
  let size = youngGeneration();
  let same = 0;
  let rounds = 0;
  while (rounds < max && (rounds < min || same < still)) {
    for (const fn of fns) fn();
    rounds++;
    const now = youngGeneration();
    same = now === size ? same + 1 : 0;
    size = now;
  }
  return rounds;
}

/**
 * Medians of several functions timed side by side: each round runs every one once, in an order
 * that alternates between rounds, so slow spells of this shared machine fall on all of them and a
 * ratio of two medians compares like with like. Warm-up rounds run untimed first (see warmUp).
 * The timings themselves come back too, round by round (see windowRatios).
 */
function sideBySide<K extends string>(
  fns: Record<K, () => void>,
  rounds: number,
): Record<K, number> & { warmUpRounds: number; timings: Record<K, number[]> } {
  const keys = Object.keys(fns) as K[];
  const xs = Object.fromEntries(keys.map((k) => [k, [] as number[]])) as Record<K, number[]>;
  const warmUpRounds = warmUp(keys.map((k) => fns[k]));
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 ? [...keys].reverse() : keys;
    for (const k of order) xs[k].push(time(fns[k]));
  }
  return { ...(Object.fromEntries(keys.map((k) => [k, median(xs[k])])) as Record<K, number>), warmUpRounds, timings: xs };
}

/**
 * The ratio of two medians in each window of `size` consecutive rounds: how far the estimate moves
 * within one run. A short run is at the mercy of one spell of this machine; the windows show it.
 */
function windowRatios(a: number[], b: number[], size: number): number[] {
  const out: number[] = [];
  for (let s = 0; s + size <= a.length; s += size) out.push(median(a.slice(s, s + size)) / median(b.slice(s, s + size)));
  return out;
}

/**
 * Rounds of parse + every rule against the split, and the size of the windows the output shows.
 * Fifteen rounds (about half a second) were one spell's worth of this machine: a spell that
 * covered them moved the whole estimate. In twelve runs alternating with a fifteen-round build of
 * the same engine, the same minutes: `ours / split` 3.94–5.03 with fifteen rounds, 4.13–4.35 with
 * ninety, whose 15-round windows spread 3.80–5.61 within single runs. Ninety rounds take 3–5 s.
 */
const YEAR_ROUNDS = 90;
const YEAR_WINDOW = 15;

const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

/** The first days of a text up to about `bytes`, cut at a day heading. */
function sliceAtDay(text: string, bytes: number): string {
  const head = Buffer.from(text, 'utf8').subarray(0, bytes).toString('utf8');
  const cut = head.lastIndexOf('\n## Daily Papers (');
  return cut === -1 ? head : head.slice(0, cut + 1);
}

async function benchYearFile() {
  const text = yearFile(1, 10 * 1024 * 1024);
  const bytes = Buffer.byteLength(text);
  log(`yearFile: ${(bytes / 1048576).toFixed(1)} MB generated`);
  const digest = parse(text);
  const papers = digest.days.reduce((n, d) => n + d.papers.length, 0);
  // The line split is the floor the ratio divides by: timed in turns with the parse.
  // The first parse of a fresh process, for the table: what opening the file once costs.
  const firstMs = time(() => lint(parse(text)));
  const { parseValidateMs, lineSplitMs, warmUpRounds, timings } = sideBySide(
    { parseValidateMs: () => lint(parse(text)), lineSplitMs: () => text.split('\n') },
    YEAR_ROUNDS,
  );
  const vsLineSplit = round(parseValidateMs / lineSplitMs, 2);
  const windows = windowRatios(timings.parseValidateMs, timings.lineSplitMs, YEAR_WINDOW);
  const spread = `${round(Math.min(...windows), 2)}–${round(Math.max(...windows), 2)}`;
  // Said in either mode, like the markdownlint slice: the spread is not a field of the JSON.
  process.stderr.write(
    `yearFile: ours / split over ${YEAR_ROUNDS} rounds ${vsLineSplit}; ` +
      `in ${windows.length} windows of ${YEAR_WINDOW} rounds ${spread}\n`,
  );
  // Where the time goes, for the table: the parse alone and the rules alone on a parsed model.
  const parts = json ? undefined : sideBySide({ parse: () => parse(text), rules: () => lint(digest) }, 31);

  // markdownlint needs seconds per MB: both are timed on the same 1 MB slice.
  const { lint: markdownlint } = (await import('markdownlint/sync')) as unknown as {
    lint: (o: { strings: Record<string, string> }) => unknown;
  };
  const slice = sliceAtDay(text, 1024 * 1024);
  const sliceBytes = Buffer.byteLength(slice);
  const oursSliceMs = measure(() => lint(parse(slice)), 9);
  const markdownlintMs = measure(() => markdownlint({ strings: { slice } }), 3, 1);
  // Said in either mode: with --json on stderr, so stdout stays the one object of the issue.
  process.stderr.write(
    `yearFile: markdownlint takes ${round(markdownlintMs / (sliceBytes / 1048576))} ms per MB (about ${round((markdownlintMs * bytes) / sliceBytes / 1000)} s ` +
      `for the whole ${(bytes / 1048576).toFixed(1)} MB at that rate), so it and ours ` +
      `were timed on the same ${(sliceBytes / 1048576).toFixed(2)} MB slice: markdownlint ${round(markdownlintMs)} ms, ours ${round(oursSliceMs, 2)} ms; ` +
      `vsMarkdownlint is their ratio\n`,
  );
  return {
    bytes,
    papers,
    parseValidateMs: round(parseValidateMs),
    mbPerSec: round(bytes / 1048576 / (parseValidateMs / 1000)),
    markdownlintMs: round(markdownlintMs),
    markdownlintSliceBytes: sliceBytes,
    oursOnSliceMs: round(oursSliceMs, 2),
    vsMarkdownlint: round(markdownlintMs / oursSliceMs),
    lineSplitMs: round(lineSplitMs, 2),
    vsLineSplit,
    firstParseValidateMs: round(firstMs),
    warmUpRounds,
    rounds: YEAR_ROUNDS,
    windowSpread: spread,
    windows: windows.length,
    parseOnlyMs: parts && round(parts.parse),
    rulesOnlyMs: parts && round(parts.rules),
  };
}

/**
 * 200 single-character edits through the server's own path: the document store (DigestDocument,
 * the lines of the text) applies the change and hands it to the model cache, which re-parses only
 * the touched blocks; the findings cache re-lints only touched papers and days; the findings become
 * LSP diagnostics, ready to send.
 */
function benchKeystroke() {
  const uri = 'file:///bench/year.md';
  const text = yearFile(1, 10 * 1024 * 1024);
  const models = new DigestCache();
  const findings = new FindingsCache();
  const store = digestDocuments({
    edited: (d, from, edit) => models.follow(d.uri, from, d.lines, edit),
    replaced: (d) => models.delete(d.uri),
    versioned: (d, from, to) => models.advance(d.uri, from, to),
  });
  const doc = store.create(uri, 'digest-markdown', 1, text);
  const memo = new DiagnosticsMemo();
  const diagnostics = () => memo.of(uri, findings.get(uri, doc.revision, models.get(uri, doc.revision, () => doc.getText())));
  diagnostics();
  const r = rng(7);
  const chars = ['a', 'ㄱ', ',', ' ', '1', '\n', 'x', '-', '#', '('];
  const edits = [];
  const times: number[] = [];
  for (let i = 0; i < 200; i++) {
    const line = Math.floor(r() * doc.lineCount);
    const length = doc.lines.ends[line] - doc.lines.starts[line];
    const character = Math.floor(r() * Math.max(1, length));
    const ch = chars[Math.floor(r() * chars.length)];
    const change = { range: { start: { line, character }, end: { line, character } }, text: ch };
    edits.push(change);
    const t = performance.now();
    store.update(doc, [change], doc.version + 1);
    diagnostics();
    times.push(performance.now() - t);
  }
  // For comparison: what the same edits cost a single-string document (vscode-languageserver-
  // textdocument) alone, since V8 copies the spliced 10 MB string on its first read.
  let single = TextDocument.create(uri, 'digest-markdown', 1, text);
  const copies: number[] = [];
  for (const change of edits.slice(0, 50)) {
    const t = performance.now();
    single = TextDocument.update(single, [change], single.version + 1);
    single.getText().charCodeAt(0);
    copies.push(performance.now() - t);
  }
  // What the server then sends: the whole list of the document's diagnostics, as JSON.
  const sent = diagnostics();
  const sends: number[] = [];
  let publishBytes = 0;
  for (let i = 0; i < 9; i++) {
    const t = performance.now();
    publishBytes = Buffer.byteLength(JSON.stringify({ uri, version: doc.version, diagnostics: sent }));
    sends.push(performance.now() - t);
  }
  return {
    diagnostics: sent.length,
    publishMs: round(median(sends), 2),
    publishMB: round(publishBytes / 1048576, 2),
    edits: times.length,
    p50Ms: round(percentile(times, 50), 2),
    p95Ms: round(percentile(times, 95), 2),
    maxMs: round(Math.max(...times), 2),
    singleStringCopyMs: round(median(copies), 2),
    fullParses: models.parses,
    incrementalUpdates: models.reparses,
  };
}

/**
 * A cold `node dist/server.js --stdio` indexing 1,300 day files until the tree answers. "The tree"
 * is what the view waits for before it shows something useful: `digest/tree` (the days with their
 * counts) then `digest/treeDay` for the newest day (its papers, as when that day is expanded);
 * its time is that round trip, both requests one after the other, as the client sends them.
 */
async function benchWorkspace() {
  const dir = mkdtempSync(join(tmpdir(), 'digest-bench-'));
  try {
    const files = dailyFiles(3, 1300);
    let bytes = 0;
    for (const f of files) {
      writeFileSync(join(dir, f.name), f.text);
      bytes += Buffer.byteLength(f.text);
    }
    const t0 = performance.now();
    const child = spawn(process.execPath, [...SERVER_EXEC_ARGV, join(ROOT, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const conn = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    let indexed!: () => void;
    const done = new Promise<void>((resolve) => (indexed = resolve));
    conn.onNotification('digest/indexChanged', (p: { indexing?: boolean }) => {
      if (p && p.indexing === false) indexed();
    });
    conn.onRequest('window/workDoneProgress/create', () => null);
    conn.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => null));
    conn.onRequest('client/registerCapability', () => null);
    conn.listen();
    const folder = pathToFileURL(dir).href;
    await conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folder,
      workspaceFolders: [{ uri: folder, name: 'bench' }],
      capabilities: { workspace: { configuration: true, workDoneProgress: true }, window: { workDoneProgress: true } },
    });
    await conn.sendNotification('initialized', {});
    await done;
    const showTree = async () => {
      const t = performance.now();
      const root = (await conn.sendRequest(TreeRequest.method, {})) as TreeResult;
      const rootMs = performance.now() - t;
      const day = (await conn.sendRequest(TreeDayRequest.method, { date: root.days[0].date })) as TreeDayResult;
      return { root, day, rootMs, totalMs: performance.now() - t };
    };
    let tree = await showTree();
    const coldIndexMs = performance.now() - t0;
    const treeTimes: number[] = [];
    const rootTimes: number[] = [];
    for (let i = 0; i < 7; i++) {
      tree = await showTree();
      treeTimes.push(tree.totalMs);
      rootTimes.push(tree.rootMs);
    }
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
    await conn.sendRequest('shutdown');
    await conn.sendNotification('exit');
    conn.dispose();
    return {
      files: files.length,
      bytes,
      days: tree.root.days.length,
      coldIndexMs: round(coldIndexMs),
      rssMB: hwm ? round(Number(hwm[1]) / 1024) : null,
      treeRequestMs: round(median(treeTimes), 2),
      treeRootMs: round(median(rootTimes), 2),
      treeRootKB: round(Buffer.byteLength(JSON.stringify(tree.root)) / 1024),
      treeDayKB: round(Buffer.byteLength(JSON.stringify(tree.day)) / 1024),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Loading the bundled client and running activate() with the `vscode` API stubbed. */
function benchActivation(): number {
  installVscodeStub();
  const context = {
    subscriptions: [] as { dispose(): unknown }[],
    asAbsolutePath: (p: string) => join(ROOT, p),
    workspaceState: { get: (_k: string, d: unknown) => d, update: async () => undefined },
  };
  const t = performance.now();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ext = require(join(ROOT, 'dist', 'extension.js')) as { activate(c: unknown): { ready: Promise<void> } };
  const api = ext.activate(context);
  const ms = performance.now() - t;
  api.ready.catch(() => undefined); // the stubbed host cannot start a server; only activation is timed
  return round(ms, 2);
}

async function main() {
  const yearFileResult = await benchYearFile();
  log('keystroke…');
  const keystroke = benchKeystroke();
  log('workspace…');
  const workspace = await benchWorkspace();
  const activationMs = benchActivation();
  if (json) {
    // Exactly the fields of the performance issue; the table shows the rest.
    const pick = <T extends object, K extends keyof T>(o: T, keys: K[]) => Object.fromEntries(keys.map((k) => [k, o[k]]));
    const result = {
      yearFile: pick(yearFileResult, ['bytes', 'papers', 'parseValidateMs', 'mbPerSec', 'markdownlintMs', 'vsMarkdownlint', 'lineSplitMs', 'vsLineSplit']),
      keystroke: pick(keystroke, ['edits', 'p50Ms', 'p95Ms', 'maxMs']),
      workspace: pick(workspace, ['files', 'bytes', 'coldIndexMs', 'rssMB', 'treeRequestMs']),
      activationMs,
    };
    process.stdout.write(JSON.stringify(result) + '\n');
  } else {
    const y = yearFileResult;
    const rows: [string, string, string][] = [
      ['yearFile', `${(y.bytes / 1048576).toFixed(1)} MB, ${y.papers} papers`, ''],
      ['  parse + every rule', `${y.parseValidateMs} ms (${y.mbPerSec} MB/s)`, 'target ≥ 100 MB/s'],
      ['    of which', `parse alone ${y.parseOnlyMs} ms, rules alone ${y.rulesOnlyMs} ms (timed apart, side by side)`, ''],
      ['    first time', `${y.firstParseValidateMs} ms in a fresh process (then ${y.warmUpRounds} warm-up rounds before timing)`, ''],
      ['  split into lines only', `${y.lineSplitMs} ms; ours / split = ${y.vsLineSplit}`, 'target ≤ 5'],
      ['    over', `${y.rounds} rounds side by side; ${y.windows} windows of ${YEAR_WINDOW} rounds each gave ${y.windowSpread}`, ''],
      [`  markdownlint, ${(y.markdownlintSliceBytes / 1048576).toFixed(2)} MB slice`, `${y.markdownlintMs} ms vs ours ${y.oursOnSliceMs} ms = ${y.vsMarkdownlint}×`, 'target ≥ 30'],
      ['keystroke (10 MB file)', `p50 ${keystroke.p50Ms} ms, p95 ${keystroke.p95Ms} ms, max ${keystroke.maxMs} ms over ${keystroke.edits} edits`, 'target p95 ≤ 20 ms'],
      ['  then sending them', `${keystroke.publishMs} ms to serialise ${keystroke.diagnostics} diagnostics (${keystroke.publishMB} MB of JSON); not part of p50/p95`, ''],
      ['  a single-string document', `would add ${keystroke.singleStringCopyMs} ms per edit (splice + V8 flattening 10 MB); lines avoid it`, ''],
      ['workspace', `${workspace.files} files, ${(workspace.bytes / 1048576).toFixed(1)} MB`, ''],
      ['  cold index → tree', `${workspace.coldIndexMs} ms`, 'target ≤ 2000 ms'],
      ['  peak RSS', `${workspace.rssMB} MB`, 'target ≤ 300 MB'],
      [
        '  tree: days + newest day',
        `${workspace.treeRequestMs} ms (days alone ${workspace.treeRootMs} ms, ${workspace.treeRootKB} KB; newest day ${workspace.treeDayKB} KB)`,
        'target ≤ 100 ms',
      ],
      ['activation', `${activationMs} ms`, 'target ≤ 50 ms'],
    ];
    const w0 = Math.max(...rows.map((r) => r[0].length));
    const w1 = Math.max(...rows.map((r) => r[1].length));
    for (const [a, b, c] of rows) process.stdout.write(`${a.padEnd(w0)}  ${b.padEnd(w1)}  ${c}\n`);
  }
  process.exit(0);
}

void main();
