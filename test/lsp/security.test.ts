/**
 * Hostile digests over the real server: titles and authors that try to become command links,
 * HTML, javascript: links, links elsewhere or closed code fences. Every Markdown the server renders
 * (hovers) must link only to arxiv.org, hold no raw HTML and no `command:`, never be trusted, and
 * still show the hostile text (escaped, not dropped). Plain-text fields (symbols, completion
 * labels, tree data) carry the text as written. Plus: what backs the package's claim that the
 * extension is safe in untrusted workspaces.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import type { CompletionList, DocumentLink, DocumentSymbol, Hover, MarkupContent, SymbolInformation } from 'vscode-languageserver-protocol';
import { escapeMarkdown } from '../../server/src/features/markdown';
import type { TreeDayResult, TreeResult, TreeUndatedResult } from '../../server/src/protocol';
import { LspClient, ROOT, tempWorkspace } from './harness';

// ---- a small Markdown link checker -------------------------------------------------------------

/** ASCII punctuation a backslash escapes in CommonMark. */
const ESCAPABLE = /[!-/:-@[-`{-~]/;

/** Is the character at i escaped by an odd run of backslashes before it? */
function escaped(s: string, i: number): boolean {
  let n = 0;
  while (i - 1 - n >= 0 && s[i - 1 - n] === '\\') n++;
  return n % 2 === 1;
}

/**
 * Every link target a CommonMark + GFM renderer (VS Code's hovers use marked with GFM) could make
 * of this Markdown: inline links and images `](target)`, reference definitions `[x]: target`,
 * autolinks `<scheme:…>`, and GFM's extended autolinks in text (`http(s)://`, `ftp://`, `www.`,
 * e-mail addresses), which a backslash before their `:`, `.` or `@` defeats.
 */
export function linkTargets(md: string): string[] {
  const out: string[] = [];
  const RAW = /(?:(?:https?|ftp):\/\/|www\.)[^\s<]*|[A-Za-z0-9._+-]+@[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)+/y;
  const AUTO = /<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>]+)>/y;
  md = md.replace(/^ {0,3}\[[^\]]+\]:\s*(\S+).*$/gm, (line, target: string) => {
    out.push(target);
    return ' '.repeat(line.length);
  });
  for (let i = 0; i < md.length; i++) {
    if (md[i] === '\\') {
      i++; // an escaped character is text
      continue;
    }
    if (md[i] === ']' && md[i + 1] === '(') {
      let j = i + 2;
      while (md[j] === ' ' || md[j] === '\n') j++;
      let target = '';
      if (md[j] === '<') {
        const end = md.indexOf('>', j);
        target = md.slice(j + 1, end === -1 ? md.length : end);
        j = end === -1 ? md.length : end;
      } else {
        let depth = 0;
        for (; j < md.length && !/\s/.test(md[j]); j++) {
          if (md[j] === '\\' && j + 1 < md.length) {
            target += md[++j];
            continue;
          }
          if (md[j] === '(') depth++;
          if (md[j] === ')' && depth-- === 0) break;
          target += md[j];
        }
      }
      out.push(target);
      i = j;
      continue;
    }
    if (md[i] === '<') {
      AUTO.lastIndex = i;
      const auto = AUTO.exec(md);
      if (auto) {
        out.push(auto[1]);
        i += auto[0].length - 1;
      }
      continue;
    }
    // GFM extended autolinks start at a word boundary.
    if (i === 0 || !/[A-Za-z0-9._+-]/.test(md[i - 1])) {
      RAW.lastIndex = i;
      const raw = RAW.exec(md);
      if (raw) {
        out.push(raw[0].includes('@') && !raw[0].includes('/') ? `mailto:${raw[0]}` : raw[0]);
        i += raw[0].length - 1;
      }
    }
  }
  return out;
}

/** The text a reader sees: backslash escapes and entities resolved (emphasis marks left in). */
function visible(md: string): string {
  return md
    .replace(/\\(.)/g, (all, c: string) => (ESCAPABLE.test(c) ? c : all))
    .replace(/&(lt|gt|amp|quot|#\d+|#x[0-9a-f]+);/gi, (_, e: string) => {
      const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };
      if (named[e.toLowerCase()]) return named[e.toLowerCase()];
      return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    });
}

const ARXIV = /^https:\/\/arxiv\.org\/(abs|pdf)\/\d{4}\.\d{4,5}$/;

/** The assertions for any Markdown the server renders from file text. */
function assertSafeMarkdown(md: string, shows: string[], what: string): void {
  for (const target of linkTargets(md)) assert.match(target, ARXIV, `${what}: link to ${target} in ${md}`);
  assert.doesNotMatch(md, /command:/i, `${what}: command: in ${md}`);
  assert.doesNotMatch(md, /javascript:/i, `${what}: javascript: in ${md}`);
  for (let i = 0; i < md.length; i++) {
    if ((md[i] === '<' || md[i] === '>') && !escaped(md, i)) assert.fail(`${what}: unescaped ${md[i]} at ${i} in ${md}`);
  }
  // A fence needs three backticks in a row; an escaped one breaks the run.
  assert.doesNotMatch(md.replace(/\\`/g, ''), /```|~~~/, `${what}: a code fence in ${md}`);
  const seen = visible(md);
  for (const s of shows) assert.ok(seen.includes(s), `${what}: ${JSON.stringify(s)} not visible in ${JSON.stringify(seen)}`);
}

/** No `isTrusted` (nor supportHtml) anywhere in a response. */
function assertUntrusted(value: unknown, what: string): void {
  const json = JSON.stringify(value) ?? '';
  assert.doesNotMatch(json, /isTrusted|supportHtml|supportThemeIcons/, what);
}

describe('the link checker itself', () => {
  it('finds inline, reference, autolink and bare targets, and honours escapes', () => {
    assert.deepEqual(linkTargets('[a](command:x) ![i](<javascript:y>) <https://e.x> https://raw.x/p www.w.x a@b.co'), [
      'command:x',
      'javascript:y',
      'https://e.x',
      'https://raw.x/p',
      'www.w.x',
      'mailto:a@b.co',
    ]);
    assert.deepEqual(linkTargets('[r]: https://ref.x\n\\[a\\]\\(command\\:x\\) https\\://no.x www\\.no\\.x a@b\\.co'), ['https://ref.x']);
    assert.deepEqual(linkTargets('[a](https://x.io/a\\)b (c)) d'), ['https://x.io/a)b']);
    assert.throws(() => assertSafeMarkdown('[x](https://arxiv.org.evil.example/abs/2401.00001)', [], 't'));
    assert.throws(() => assertSafeMarkdown('a <img>', [], 't'));
    assert.throws(() => assertSafeMarkdown('&lt;b&gt;', ['<i>'], 't'), /not visible/);
    assertSafeMarkdown('**&lt;b&gt; \\[x\\]** [PDF](https://arxiv.org/pdf/2401.00001)', ['<b> [x]'], 't');
  });
});

// ---- hostile digests -----------------------------------------------------------------------------

/** Titles and author names that try to escape from text into markup (brackets balanced: valid headings). */
const HOSTILE = {
  command: '[x](command:workbench.action.terminal.new)',
  img: '<img src=x onerror=alert(1)>',
  js: '[click](javascript:alert(1)) javascript:alert(1)',
  fence: '``` closes a fence ```js',
  evil: '[evil](https://evil.example) <https://evil.example/auto> www.evil.example https://evil.example/raw me@evil.example',
  comment: '<!-- hidden --> visible -->',
  entities: '&lt;script&gt;alert(1)&lt;/script&gt; &#60;b&#62; &amp;',
  snippet: '$(terminal) ${TM_FILENAME} $1',
};
const TITLES = Object.values(HOSTILE);
const AUTHORS = ['[x](command:workbench.action.terminal.new)', '<img src=x onerror=alert(1)>', 'javascript:alert(1)', 'https://evil.example/a', '&lt;b&gt;', '``` x', '<!-- c -->', '$(terminal) ${TM_FILENAME}'];

function paper(title: string, id: string): string[] {
  return [
    `### [${title}](https://arxiv.org/abs/${id})`,
    '',
    '![](https://cdn-uploads.huggingface.co/production/uploads/x.png)',
    '',
    'Vote: 3',
    '',
    // The first hostile name twice: its duplicate-author message (quoting it) shows in the hover.
    `Authors: ${AUTHORS.join(', ')}, ${AUTHORS[0]}`,
    '',
    '- a bullet',
    '',
  ];
}

/** Headings that are no valid arXiv link: no link may come of them; the hover shows them as written. */
const INVALID: [heading: string, shown: string][] = [
  ['### [](https://evil.example) closes the title early](https://arxiv.org/abs/2401.00011)', '[](https://evil.example) closes the title early](https://arxiv.org/abs/2401.00011)'],
  ['### [Run me](command:workbench.action.terminal.new)', 'Run me'],
  ['### [Look-alike](https://arxiv.org.evil.example/abs/2401.00009)', 'Look-alike'],
  ['### [Script](javascript:alert(1))', 'Script'],
];
const HOSTILE_DAY = `## Daily Papers (2024-01-12) ${HOSTILE.img}`;

const LINES = [
  '## Daily Papers (2024-01-11)',
  '',
  ...TITLES.flatMap((t, i) => paper(t, `2401.0000${i + 1}`)),
  ...INVALID.flatMap(([h]) => [h, '']),
  HOSTILE_DAY,
  '',
  ...paper('Under a hostile day heading', '2401.00010'),
];
const TEXT = LINES.join('\n');
const PAPERS = TITLES.length + 1; // valid papers, each listing every hostile author
const headingLines = LINES.flatMap((l, i) => (l.startsWith('### ') ? [i] : []));
const authorLines = LINES.flatMap((l, i) => (l.startsWith('Authors: ') ? [i] : []));

describe('hostile titles and authors over the real server', () => {
  const ws = tempWorkspace();
  let client: LspClient;
  const uri = ws.uri('hostile.md');
  const hoverAt = (line: number, character: number): Promise<Hover | null> =>
    client.request('textDocument/hover', { textDocument: { uri }, position: { line, character } });

  before(async () => {
    client = await LspClient.start({ vscodeLike: true, settings: { validation: { debounceMs: 0 } } });
    await client.open(uri, TEXT, 'markdown');
    // The hostile file is checked (and indexed as an open document) before anything is asked.
    assert.ok((await client.diagnostics(uri)).length > 0);
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
    ws.dispose();
  });

  it('hover on each paper heading: escaped, untrusted, only arxiv.org links', async () => {
    for (const line of headingLines) {
      const text = LINES[line];
      const h = (await hoverAt(line, 6))!;
      assertUntrusted(h, `hover on line ${line}`);
      assert.equal((h.contents as MarkupContent).kind, 'markdown');
      const md = (h.contents as MarkupContent).value;
      const i = TITLES.findIndex((t) => text === `### [${t}](https://arxiv.org/abs/2401.0000${TITLES.indexOf(t) + 1})`);
      if (i >= 0) {
        const shows = [TITLES[i], 'Day 2024-01-11', ...AUTHORS.slice(0, 3), `Author '${AUTHORS[0]}' is already listed`];
        assertSafeMarkdown(md, shows, `hover on ${JSON.stringify(text)}`);
        assert.deepEqual(linkTargets(md), [`https://arxiv.org/abs/2401.0000${i + 1}`, `https://arxiv.org/pdf/2401.0000${i + 1}`]);
      } else if (INVALID.some(([h]) => h === text)) {
        const shown = INVALID.find(([h]) => h === text)![1];
        assertSafeMarkdown(md, [`**${shown}**`, 'No valid arXiv link'], `hover on ${JSON.stringify(text)}`);
        assert.deepEqual(linkTargets(md), [], `no link from ${text}`);
      } else {
        assertSafeMarkdown(md, [`Day Daily Papers (2024-01-12) ${HOSTILE.img}`], 'hover under the hostile day heading');
        assert.deepEqual(linkTargets(md), ['https://arxiv.org/abs/2401.00010', 'https://arxiv.org/pdf/2401.00010']);
      }
    }
    assert.equal(headingLines.length, TITLES.length + INVALID.length + 1);
  });

  it('hover on each author: escaped, untrusted, no link at all', async () => {
    const line = authorLines[0];
    let at = LINES[line].indexOf(' ') + 1;
    for (const name of AUTHORS) {
      const h = (await hoverAt(line, at + 1))!;
      assertUntrusted(h, `hover on ${name}`);
      const md = (h.contents as MarkupContent).value;
      assertSafeMarkdown(md, [`**${name}**: listed on ${PAPERS} papers in the workspace`], `hover on author ${name}`);
      assert.deepEqual(linkTargets(md), []);
      at += name.length + 2;
    }
  });

  it('completion offers the names as written, as plain text (no snippet, no Markdown docs)', async () => {
    const draft = ws.uri('draft.md');
    await client.open(draft, '## Daily Papers (2024-01-13)\n\n### [Draft](https://arxiv.org/abs/2401.00020)\n\nAuthors: ', 'markdown');
    const list: CompletionList = await client.request('textDocument/completion', { textDocument: { uri: draft }, position: { line: 4, character: 9 } });
    assertUntrusted(list, 'completion');
    const byLabel = new Map(list.items.map((i) => [i.label, i]));
    for (const name of AUTHORS) {
      const item = byLabel.get(name);
      assert.ok(item, `${name} offered`);
      assert.equal(item.textEdit && 'newText' in item.textEdit ? item.textEdit.newText : undefined, name);
      assert.ok(item.insertTextFormat === undefined || item.insertTextFormat === 1, 'plain text, never a snippet');
      assert.equal(item.detail, `${PAPERS} papers`);
      const doc = item.documentation;
      if (doc !== undefined) {
        const md = typeof doc === 'string' ? doc : doc.value;
        assertSafeMarkdown(md, [name], `completion documentation of ${name}`);
      }
    }
    await client.close(draft);
  });

  it('document and workspace symbols carry the titles as written (plain text)', async () => {
    const symbols: DocumentSymbol[] = await client.request('textDocument/documentSymbol', { textDocument: { uri } });
    assertUntrusted(symbols, 'documentSymbol');
    assert.deepEqual(symbols[0].children!.slice(0, TITLES.length).map((s) => s.name), TITLES);
    assert.deepEqual(symbols[0].children!.slice(TITLES.length).map((s) => s.name), INVALID.map(([, shown]) => shown));
    assert.equal(symbols[1].name, HOSTILE_DAY.slice(3));
    const all: SymbolInformation[] = await client.request('workspace/symbol', { query: '' });
    assert.deepEqual(all.slice(0, TITLES.length).map((s) => s.name), TITLES);
    const byAuthor: SymbolInformation[] = await client.request('workspace/symbol', { query: 'onerror' });
    // The container names the author that matched, as written (when the title did not match first).
    const viaAuthor = byAuthor.filter((s) => !s.name.includes('onerror'));
    assert.equal(viaAuthor.length, PAPERS - 1);
    for (const s of viaAuthor) assert.ok(s.containerName!.endsWith(' · <img src=x onerror=alert(1)>'), s.containerName);
    assert.equal(byAuthor.length, PAPERS);
  });

  it('document links go to arxiv.org only', async () => {
    const links: DocumentLink[] = await client.request('textDocument/documentLink', { textDocument: { uri } });
    assert.equal(links.length, PAPERS);
    for (const l of links) assert.match(l.target!, ARXIV);
  });

  it('the tree carries titles and authors as written, safe once escaped the way the client does', async () => {
    const t: TreeResult = await client.request('digest/tree', {});
    assertUntrusted(t, 'tree');
    const days: TreeDayResult[] = await Promise.all(t.days.map((d) => client.request('digest/treeDay', { date: d.date })));
    assertUntrusted(days, 'tree days');
    // The hostile heading has no valid day shape: its papers are in an undated group, labelled as written.
    assert.deepEqual(t.undated!.map((g) => g.label), [HOSTILE_DAY.slice(3)]);
    const undated: TreeUndatedResult = await client.request('digest/treeUndated', { uri, headingLine: t.undated![0].headingLine });
    assertUntrusted(undated, 'tree undated group');
    assert.deepEqual(undated.papers.map((p) => p.title), ['Under a hostile day heading']);
    const papers = [...days.flatMap((d) => d.papers), ...undated.papers];
    assert.deepEqual(papers.slice(0, TITLES.length).map((p) => p.title), TITLES);
    for (const p of papers) {
      if (p.authors.length) assert.deepEqual(p.authors, AUTHORS);
      // client/src/views/render.ts builds the tooltip from these with this same function.
      assertSafeMarkdown(`**${escapeMarkdown(p.title)}**\n\nAuthors: ${escapeMarkdown(p.authors.join(', '))}`, [p.title, ...p.authors], `tooltip of ${p.title}`);
    }
    assert.ok(papers.every((p) => p.arxivId === undefined || /^\d{4}\.\d{4,5}$/.test(p.arxivId)));
  });
});

// ---- workspace trust -----------------------------------------------------------------------------

/**
 * The source modules a bundle is made of that import the given Node modules, from esbuild's
 * metafile for a build with the options of esbuild.mjs (not written anywhere): dist/ may hold a
 * minified production build, which has no module comments to read.
 */
async function importers(entry: string, modules: string[]): Promise<string[]> {
  const result = await esbuild.build({
    entryPoints: [join(ROOT, entry)],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['vscode', './languageClient.js'], // as esbuild.mjs: the client bundle is separate
    write: false,
    metafile: true,
    logLevel: 'silent',
    absWorkingDir: ROOT,
  });
  const out = new Set<string>();
  for (const [path, input] of Object.entries(result.metafile!.inputs)) {
    if (input.imports.some((i) => modules.includes(i.path.replace(/^node:/, '')))) out.add(path);
  }
  return [...out].sort();
}

describe('workspace trust', () => {
  it('package.json declares untrusted workspaces supported, and no setting names a program to run', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, true);
    const settings = Object.entries(pkg.contributes.configuration.properties) as [string, { type: string }][];
    for (const [name, spec] of settings) {
      assert.doesNotMatch(name, /path|command|exec|program|binary|script/i, name);
      assert.ok(['string', 'number', 'boolean'].includes(spec.type), `${name}: ${spec.type}`);
    }
  });

  /*
   * What the bundles were found to hold (esbuild 0.28, vscode-languageclient 9.0.1):
   * - dist/server.js: child_process only in vscode-languageserver's `lib/node/files.js`
   *   (`resolveGlobalNodePath`/`resolveGlobalYarnPath` run `npm config get prefix` / `yarn global
   *   dir`), library helpers this server never calls (no server/src module names them).
   * - dist/extension.js (what activation loads): no child_process at all.
   * - dist/languageClient.js (loaded right after activation): child_process only in
   *   vscode-languageclient's `lib/node/main.js` (starting the server: the client's ServerOptions
   *   is `{ module, transport: ipc }`, a fork of dist/server.js) and `lib/node/processes.js`
   *   (terminating it on stop).
   * - Neither bundle holds `eval(` or `new Function(`, nor imports `vm`; no module of client/src
   *   or server/src imports child_process.
   */
  for (const [bundle, entry, allowed] of [
    ['dist/server.js', 'server/src/server.ts', ['node_modules/vscode-languageserver/lib/node/files.js']],
    ['dist/extension.js', 'client/src/extension.ts', []],
    [
      'dist/languageClient.js',
      'client/src/languageClient.ts',
      ['node_modules/vscode-languageclient/lib/node/main.js', 'node_modules/vscode-languageclient/lib/node/processes.js'],
    ],
  ] as const) {
    it(`${bundle}: child_process only in the language client/server libraries, no eval`, async () => {
      assert.deepEqual(await importers(entry, ['child_process']), allowed);
      assert.deepEqual(await importers(entry, ['vm']), []);
      // The shipped bundle (development or minified production build) agrees: one require per importer.
      const code = readFileSync(join(ROOT, bundle), 'utf8');
      assert.equal(code.match(/require\("(?:node:)?child_process"\)/g)?.length ?? 0, allowed.length);
      assert.doesNotMatch(code, /\beval\(|new Function\(|require\("(?:node:)?vm"\)/);
      const ours = readdirSync(join(ROOT, 'server/src'), { recursive: true, encoding: 'utf8' })
        .map((f) => `server/src/${f}`)
        .concat(readdirSync(join(ROOT, 'client/src'), { recursive: true, encoding: 'utf8' }).map((f) => `client/src/${f}`))
        .filter((f) => f.endsWith('.ts'));
      for (const f of ours) {
        assert.doesNotMatch(readFileSync(join(ROOT, f), 'utf8'), /child_process|resolveGlobal(?:Node|Yarn)Path|\beval\(|new Function\(/, f);
      }
    });
  }

  it('the client starts the server as a node module over IPC, not as a command', () => {
    const src = readFileSync(join(ROOT, 'client/src/languageClient.ts'), 'utf8');
    // Its only arguments are our fixed V8 flags (server/src/runtime.ts), never anything from settings.
    assert.match(src, /run: \{ module, transport: TransportKind\.ipc, options: \{ execArgv: \[\.\.\.SERVER_EXEC_ARGV\] \} \}/);
    assert.doesNotMatch(src, /command:\s*[^'"`]/, 'no ServerOptions command from settings');
  });
});
