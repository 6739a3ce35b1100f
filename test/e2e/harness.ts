// Drives a real VS Code: code-server (VS Code 1.100.3 server + web workbench, with the same
// Node extension host as the desktop) in its own process group on 127.0.0.1, and Debian's
// Chromium through playwright-core. See shared/E2E.md for why this setup and its pitfalls.
// Nothing here sleeps: every wait polls a condition until a deadline, or waits on a DOM state.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, type WriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';

export const repoRoot = resolve(__dirname, '..', '..');
export const resultsDir = join(repoRoot, 'test-results', 'e2e');
export const codeServerEntry = join(repoRoot, '.e2e-cache', 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const chromiumPath = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';

/** User settings that keep the welcome page, tips, popups and chat panes off the editor. */
export const quietSettings: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.layoutControl.enabled': false,
  'chat.commandCenter.enabled': false,
  'chat.disableAIFeatures': true,
  'extensions.ignoreRecommendations': true,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'editor.minimap.enabled': false,
  'editor.accessibilitySupport': 'off',
  'files.autoSave': 'off',
  'window.commandCenter': false,
};

// ---------------------------------------------------------------------------------------
// Waiting

export interface WaitOptions {
  timeoutMs?: number;
  intervalMs?: number;
}

/**
 * Polls `probe` until it returns a truthy value and returns that value; throws, naming `what`
 * and the last value or error seen, once the deadline passes.
 */
export async function waitFor<T>(
  what: string,
  probe: () => T | Promise<T>,
  { timeoutMs = 20_000, intervalMs = 100 }: WaitOptions = {},
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value as NonNullable<T>;
      last = value;
    } catch (err) {
      last = err;
    }
    if (Date.now() >= deadline) {
      const seen = last instanceof Error ? last.message : JSON.stringify(last);
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last seen: ${seen?.slice(0, 2000)}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

// ---------------------------------------------------------------------------------------
// code-server

export interface CodeServerOptions {
  /** A .vsix installed with `--install-extension` before the server starts. */
  vsix?: string;
  settings?: Record<string, unknown>;
  /** Extra environment for code-server and so for the extension host it starts. */
  env?: Record<string, string>;
  /** Names the artefacts in test-results/e2e: `<label>.log` and `<label>-logs/` (VS Code's own logs). */
  label?: string;
}

export class CodeServer {
  private output = '';
  private exited: { code: number | null; signal: NodeJS.Signals | null } | undefined;

  private constructor(
    readonly root: string,
    readonly port: number,
    private readonly child: ChildProcess,
    private readonly logFile: WriteStream,
    private readonly label: string,
    readonly timings: Record<string, number>,
  ) {
    const collect = (chunk: Buffer) => {
      this.output += chunk.toString();
      logFile.write(chunk);
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    child.on('exit', (code, signal) => {
      this.exited = { code, signal };
    });
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get log(): string {
    return this.output;
  }

  /** A folder inside this server's temp root, removed by stop(). */
  dir(...parts: string[]): string {
    const p = join(this.root, ...parts);
    mkdirSync(p, { recursive: true });
    return p;
  }

  /** `vscode-remote://` URI of a path on this machine, as the workbench `payload` wants it. */
  remoteUri(path: string): string {
    return `vscode-remote://127.0.0.1:${this.port}${path}`;
  }

  static async start(options: CodeServerOptions = {}): Promise<CodeServer> {
    if (!existsSync(codeServerEntry)) {
      throw new Error(`code-server is not installed at ${codeServerEntry}: run bash scripts/e2e-setup.sh`);
    }
    const timings: Record<string, number> = {};
    const root = mkdtempSync(join(tmpdir(), 'digest-e2e-'));
    const dirs = {
      userData: join(root, 'user-data'),
      extensions: join(root, 'extensions'),
      tmp: join(root, 'tmp'),
      config: join(root, 'xdg', 'config'),
      data: join(root, 'xdg', 'data'),
      cache: join(root, 'xdg', 'cache'),
    };
    for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
    mkdirSync(join(dirs.userData, 'User'), { recursive: true });
    writeFileSync(
      join(dirs.userData, 'User', 'settings.json'),
      JSON.stringify({ ...quietSettings, ...options.settings }, null, 2),
    );
    const configFile = join(root, 'config.yaml');
    writeFileSync(configFile, '');

    const env: NodeJS.ProcessEnv = {};
    for (const [k, v] of Object.entries(process.env)) {
      // A VS Code terminal's variables would make code-server act as a CLI of that VS Code.
      if (!k.startsWith('VSCODE_') && k !== 'ELECTRON_RUN_AS_NODE') env[k] = v;
    }
    Object.assign(env, {
      XDG_CONFIG_HOME: dirs.config,
      XDG_DATA_HOME: dirs.data,
      XDG_CACHE_HOME: dirs.cache,
      TMPDIR: dirs.tmp,
      ...options.env,
    });
    const common = ['--config', configFile, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];

    mkdirSync(resultsDir, { recursive: true });
    if (options.vsix) {
      const t0 = Date.now();
      const out = await runToEnd(process.execPath, [codeServerEntry, ...common, '--install-extension', options.vsix], env, 120_000);
      if (out.code !== 0 || !/successfully installed/i.test(out.text)) {
        throw new Error(`installing ${options.vsix} failed (exit ${out.code}):\n${out.text}`);
      }
      timings.installExtensionMs = Date.now() - t0;
    }

    const port = await freePort();
    const t0 = Date.now();
    const child = spawn(
      process.execPath,
      [
        codeServerEntry,
        ...common,
        '--bind-addr', `127.0.0.1:${port}`,
        '--auth', 'none',
        '--disable-telemetry',
        '--disable-update-check',
        '--disable-workspace-trust',
        '--ignore-last-opened',
      ],
      // detached: its own process group, so stop() can end the file watcher and the
      // extension host that code-server leaves behind when only its own pid dies.
      { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const label = options.label ?? 'code-server';
    const logFile = createWriteStream(join(resultsDir, `${label}.log`));
    const server = new CodeServer(root, port, child, logFile, label, timings);
    try {
      await waitFor('code-server to print "HTTP server listening"', () => {
        if (server.exited) throw new Error(`code-server exited ${JSON.stringify(server.exited)}:\n${server.output}`);
        return server.output.includes('HTTP server listening');
      }, { timeoutMs: 30_000 });
      await waitFor('GET /healthz', async () => (await fetch(`${server.url}/healthz`)).ok, { timeoutMs: 10_000 });
    } catch (err) {
      await server.stop();
      throw err;
    }
    timings.serverReadyMs = Date.now() - t0;
    return server;
  }

  /** Ends the whole process group, then removes the temp root. */
  async stop(): Promise<void> {
    const pgid = this.child.pid;
    if (pgid !== undefined && groupAlive(pgid)) {
      killGroup(pgid, 'SIGTERM');
      try {
        await waitFor('code-server process group to end', () => !groupAlive(pgid), { timeoutMs: 5_000 });
      } catch {
        killGroup(pgid, 'SIGKILL');
        await waitFor('code-server process group to die', () => !groupAlive(pgid), { timeoutMs: 5_000 });
      }
    }
    await new Promise<void>((r) => this.logFile.end(r));
    // VS Code's own logs (extension host, the language client's output channel) as artefacts.
    const logs = join(this.root, 'user-data', 'logs');
    const kept = join(resultsDir, `${this.label}-logs`);
    rmSync(kept, { recursive: true, force: true });
    if (existsSync(logs)) cpSync(logs, kept, { recursive: true });
    rmSync(this.root, { recursive: true, force: true });
  }
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

function killGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // already gone
  }
}

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.once('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => res(port));
    });
  });
}

function runToEnd(cmd: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<{ code: number | null; text: string }> {
  return new Promise((res, rej) => {
    const child = spawn(cmd, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    child.stdout.on('data', (c: Buffer) => (text += c.toString()));
    child.stderr.on('data', (c: Buffer) => (text += c.toString()));
    const timer = setTimeout(() => {
      if (child.pid) killGroup(child.pid, 'SIGKILL');
      rej(new Error(`${args.join(' ')} did not finish in ${timeoutMs} ms:\n${text}`));
    }, timeoutMs);
    child.on('error', rej);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (child.pid) killGroup(child.pid, 'SIGKILL'); // anything it left in its group
      res({ code, text });
    });
  });
}

// ---------------------------------------------------------------------------------------
// The workbench in Chromium

export interface OpenOptions {
  /** Folder opened as the workspace. */
  folder: string;
  /** Workbench `payload` pairs, e.g. [["extensionTestsPath", uri]]. */
  payload?: [string, string][];
  /** Called when the workbench calls window.codeAutomationExit (end of an in-host test run). */
  onAutomationExit?: (code: number) => void;
  viewport?: { width: number; height: number };
}

export class Workbench {
  readonly console: string[] = [];
  readonly timings: Record<string, number> = {};

  private constructor(
    readonly server: CodeServer,
    readonly context: BrowserContext,
    readonly page: Page,
  ) {}

  static async open(server: CodeServer, options: OpenOptions): Promise<Workbench> {
    const t0 = Date.now();
    const context = await chromium.launchPersistentContext(server.dir('chromium-profile'), {
      executablePath: chromiumPath,
      headless: true,
      viewport: options.viewport ?? { width: 1440, height: 900 },
      env: { ...process.env, TMPDIR: server.dir('tmp'), XDG_CONFIG_HOME: server.dir('xdg', 'config'), XDG_CACHE_HOME: server.dir('xdg', 'cache') },
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const page = context.pages()[0] ?? (await context.newPage());
    const wb = new Workbench(server, context, page);
    page.on('console', (m) => wb.console.push(`[${m.type()}] ${m.text()}`));
    page.on('pageerror', (e) => wb.console.push(`[pageerror] ${e.message}`));
    if (options.onAutomationExit) {
      const cb = options.onAutomationExit;
      await context.exposeFunction('codeAutomationExit', (code: number) => cb(code));
    }
    let url = `${server.url}/?folder=${encodeURIComponent(options.folder)}`;
    if (options.payload) url += `&payload=${encodeURIComponent(JSON.stringify(options.payload))}`;
    await page.goto(url);
    await page.locator('.part.activitybar').waitFor({ state: 'visible', timeout: 60_000 });
    wb.timings.workbenchReadyMs = Date.now() - t0;
    return wb;
  }

  async close(): Promise<void> {
    mkdirSync(resultsDir, { recursive: true });
    writeFileSync(join(resultsDir, 'browser-console.log'), this.console.join('\n') + '\n');
    await this.context.close();
  }

  async screenshot(name: string): Promise<string> {
    mkdirSync(resultsDir, { recursive: true });
    const path = join(resultsDir, `${name}.png`);
    await this.page.screenshot({ path });
    return path;
  }

  get keyboard() {
    return this.page.keyboard;
  }

  /** Visible quick-input widget (Ctrl+P, Ctrl+Shift+P, Ctrl+G, Ctrl+Shift+O all use it). */
  get quickInput(): Locator {
    return this.page.locator('.quick-input-widget');
  }

  async quickInputRows(): Promise<string[]> {
    return this.page.locator('.quick-input-widget .quick-input-list .monaco-list-row').evaluateAll((rows) =>
      rows.map((r) => (r.getAttribute('aria-label') ?? r.textContent ?? '').trim()),
    );
  }

  /** aria-label of the focused quick-input row: the one Enter picks. */
  async quickInputFocused(): Promise<string> {
    const row = this.page.locator('.quick-input-widget .quick-input-list .monaco-list-row.focused').first();
    return ((await row.getAttribute('aria-label').catch(() => null)) ?? '').trim();
  }

  /**
   * Opens the quick input with `keys`, types `text` and waits until a row matches `row`, or
   * with `focused`, until the focused row does (the list is filtered after the typing lands,
   * and until then Enter would pick a stale row).
   */
  async quickPick(keys: string, text: string, row: (label: string) => boolean, describe: string, focused = false): Promise<void> {
    await this.keyboard.press(keys);
    await this.quickInput.locator('input').waitFor({ state: 'visible' });
    await this.keyboard.type(text);
    await waitFor(describe, async () => {
      const rows = focused ? [await this.quickInputFocused()] : await this.quickInputRows();
      if (rows.some(row)) return true;
      throw new Error(`quick input rows: ${JSON.stringify(rows)}`);
    });
  }

  /** Opens a workspace file by name through Ctrl+P and waits until its tab is the active one. */
  async openFile(name: string): Promise<void> {
    await this.quickPick('Control+P', name, (l) => l.startsWith(name), `"${name}" focused in quick open`, true);
    await this.keyboard.press('Enter');
    await waitFor(`the ${name} tab to be active`, () => this.activeTabIs(name));
    await this.page.locator('.part.editor .monaco-editor.focused').waitFor({ state: 'visible' });
  }

  async activeTabIs(name: string): Promise<boolean> {
    const label = await this.page.locator('.part.editor .tab.active').first().getAttribute('aria-label').catch(() => null);
    return !!label && label.startsWith(name);
  }

  /** Runs a command by its title through the command palette. */
  async runCommand(title: string): Promise<void> {
    await this.quickPick('Control+Shift+P', title, (l) => l.startsWith(title), `command "${title}" focused`, true);
    await this.keyboard.press('Enter');
    await this.quickInput.waitFor({ state: 'hidden' });
  }

  /** Text of a status bar item, by its id (e.g. `status.editor.mode`). */
  async statusItem(id: string): Promise<string> {
    return ((await this.page.locator(`[id="${id}"]`).first().textContent().catch(() => '')) ?? '').trim();
  }

  /** Moves the cursor with Ctrl+G (1-based line and column) and waits for the status bar to agree. */
  async goTo(line: number, column: number): Promise<void> {
    await this.keyboard.press('Control+G');
    await this.quickInput.locator('input').waitFor({ state: 'visible' });
    await this.keyboard.type(`${line}:${column}`);
    await this.keyboard.press('Enter');
    await waitFor(`the cursor at Ln ${line}, Col ${column}`, async () =>
      (await this.statusItem('status.editor.selection')).startsWith(`Ln ${line}, Col ${column}`),
    );
  }

  /** Saves the active editor and waits until its tab is no longer dirty. */
  async save(): Promise<void> {
    await this.keyboard.press('Control+S');
    await waitFor('the active tab to be saved', async () => (await this.page.locator('.part.editor .tab.active.dirty').count()) === 0);
  }

  /**
   * Text of the Problems panel (opened with Ctrl+Shift+M if it is not showing). With `filter`,
   * types it into the panel's filter box first, since the list only renders visible rows.
   */
  async problemsText(filter = ''): Promise<string> {
    const panel = this.page.locator('.markers-panel');
    if (!(await panel.isVisible())) {
      await this.keyboard.press('Control+Shift+M');
      await panel.waitFor({ state: 'visible' });
    }
    const box = this.page.locator('.part.panel .viewpane-filter input, .part.panel .markers-panel-action-filter input').first();
    if ((await box.inputValue().catch(() => '')) !== filter) {
      await box.fill(filter);
    }
    return (await panel.innerText()).replace(/\u00a0/g, ' ');
  }

  /**
   * Moves the mouse over `needle` (the `nth` match) in the visible lines of the active editor,
   * `offset` characters into it, and returns the hover widget's text once it shows `expect`.
   */
  async hoverText(needle: string, expect: (text: string) => boolean, offset = 2): Promise<string> {
    // The editor's hover is an overflowing widget: it may live outside `.monaco-editor`.
    const hover = this.page.locator('.monaco-hover:not(.hidden)');
    let at = '';
    return waitFor(`a hover over "${needle}"`, async () => {
      // Found again on every round: the editor may still be scrolling to a revealed line.
      const point = await this.page.evaluate<{ x: number; y: number } | null>(`(${pointOfText})(${JSON.stringify(needle)}, ${offset})`);
      if (!point) throw new Error(`"${needle}" is not in the visible lines`);
      const key = `${Math.round(point.x)},${Math.round(point.y)}`;
      if (key !== at) {
        at = key;
        // Entering the word from elsewhere is what makes the editor schedule a hover.
        await this.page.mouse.move(point.x, point.y + 40);
        await this.page.mouse.move(point.x, point.y, { steps: 4 });
      }
      const texts = (await hover.allInnerTexts()).map((t) => t.replace(/\u00a0/g, ' '));
      const found = texts.find(expect);
      if (found) return found;
      throw new Error(`hover shows: ${JSON.stringify(texts)}`);
    }, { intervalMs: 250 });
  }

  /**
   * Picks `title` in the open code action menu (Ctrl+.) with the keyboard: a pointer block
   * laid over the menu while it opens takes mouse clicks.
   */
  async pickAction(title: string): Promise<void> {
    const rows = this.page.locator('.action-widget .monaco-list-row.action');
    await rows.filter({ hasText: title }).first().waitFor({ state: 'visible', timeout: 15_000 });
    const count = await rows.count();
    for (let i = 0; i <= count; i++) {
      const focused = await this.page.locator('.action-widget .monaco-list-row.action.focused').getAttribute('aria-label').catch(() => null);
      if (focused === title) {
        await this.keyboard.press('Enter');
        await this.page.locator('.action-widget').waitFor({ state: 'hidden' });
        return;
      }
      await this.keyboard.press('ArrowDown');
    }
    throw new Error(`"${title}" could not be focused in the code action menu`);
  }

  /** Clicks the activity bar item whose label starts with `title` and waits for its side bar. */
  async showContainer(title: string): Promise<void> {
    // The <li>, not its <a>: a progress badge drawn over the icon would take the click.
    const item = this.page.locator(`.part.activitybar li.action-item:has(a[aria-label^="${title}"])`).first();
    await item.waitFor({ state: 'visible' });
    const sidebarTitle = this.page.locator('.part.sidebar .composite.title');
    if (!((await sidebarTitle.innerText().catch(() => '')) ?? '').toUpperCase().includes(title.toUpperCase())) {
      await item.click();
    }
    await waitFor(`the "${title}" side bar`, async () =>
      ((await sidebarTitle.innerText().catch(() => '')) ?? '').toUpperCase().includes(title.toUpperCase()),
    );
  }

  /** Rows of the side bar's trees, each as its rendered text (label, description). */
  async treeRows(): Promise<string[]> {
    return this.page.locator('.part.sidebar .monaco-list-row').evaluateAll((rows) =>
      rows.map((r) => (r as unknown as { innerText: string }).innerText.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim()),
    );
  }

  treeRow(text: string): Locator {
    return this.page.locator('.part.sidebar .monaco-list-row', { hasText: text }).first();
  }
}

/**
 * In-page function (kept as text: the project's tsconfig has no DOM types): the centre of the
 * character `offset` into the first visible editor line holding `needle`, or null.
 */
export const pointOfText = `(needle, offset) => {
  const lines = document.querySelectorAll('.part.editor .monaco-editor .view-lines .view-line');
  for (const line of lines) {
    const text = (line.textContent || '').replace(/\\u00a0/g, ' ');
    const at = text.indexOf(needle);
    if (at < 0) continue;
    let rest = at + offset;
    const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const len = (n.textContent || '').length;
      if (rest < len) {
        const range = document.createRange();
        range.setStart(n, rest);
        range.setEnd(n, rest + 1);
        const r = range.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }
      rest -= len;
    }
  }
  return null;
}`;

/** Full lines of a file as the editor counts them (1-based helpers for Ctrl+G). */
export function findLine(text: string, needle: string, from = 0): { line: number; column: number } {
  const lines = text.split(/\r?\n/);
  for (let i = from; i < lines.length; i++) {
    const c = lines[i].indexOf(needle);
    if (c >= 0) return { line: i + 1, column: c + 1 };
  }
  throw new Error(`"${needle}" not found`);
}
