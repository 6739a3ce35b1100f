/**
 * A real LSP client for protocol-level tests: starts the bundled `node dist/server.js --stdio`,
 * speaks JSON-RPC to it, answers the server's requests (configuration, registrations, progress)
 * and records every notification. Waits are on messages with deadlines, never on sleeps.
 */
import { after, before } from 'node:test';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type Diagnostic,
  type InitializeResult,
  type MessageConnection,
  type ProtocolConnection,
  type TextDocumentContentChangeEvent,
  WorkDoneProgress,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

export const ROOT = join(__dirname, '../..');
export const FIXTURES = join(ROOT, 'test/fixtures');
export const FIXTURE_NAMES = ['daily-papers-2023-12-04.md', 'daily-papers-2023-12-29.md', 'daily-papers-2024-01-11.md'];
const SERVER = join(ROOT, 'dist/server.js');
const DEADLINE_MS = 10_000;

export interface ClientKind {
  /** Pull diagnostics, dynamic registration, configuration, progress, documentChanges: like VS Code. */
  vscodeLike: boolean;
}

export interface Message {
  method: string;
  params: any;
}

export interface StartOptions extends ClientKind {
  /** Workspace folder paths. */
  folders?: string[];
  /** The `digest` section the client answers workspace/configuration with. */
  settings?: Record<string, unknown>;
  /** The `files.associations` section it answers with (none by default). */
  associations?: Record<string, string>;
}

function capabilities(vscodeLike: boolean): ClientCapabilities {
  if (!vscodeLike) {
    // What a minimal editor client sends: no pull, no dynamic registration, no configuration.
    return { textDocument: { synchronization: {}, publishDiagnostics: { relatedInformation: true } }, workspace: {} };
  }
  return {
    textDocument: {
      synchronization: { dynamicRegistration: true },
      diagnostic: { dynamicRegistration: true, relatedDocumentSupport: false },
      publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
      codeAction: { dynamicRegistration: true, isPreferredSupport: true, dataSupport: true },
      hover: { contentFormat: ['markdown', 'plaintext'] },
      documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    },
    workspace: {
      configuration: true,
      didChangeConfiguration: { dynamicRegistration: true },
      didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
      workspaceEdit: { documentChanges: true },
      diagnostics: { refreshSupport: true },
      workspaceFolders: true,
    },
    window: { workDoneProgress: true },
  };
}

/** A temp workspace folder holding copies of the fixtures. */
export function tempWorkspace(): { dir: string; uri: (name: string) => string; dispose(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'digest-lsp-'));
  for (const name of FIXTURE_NAMES) cpSync(join(FIXTURES, name), join(dir, name));
  return {
    dir,
    uri: (name) => pathToFileURL(join(dir, name)).href,
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export class LspClient {
  readonly messages: Message[] = [];
  /** Requests the server sent to the client (registrations, progress creation, configuration). */
  readonly serverRequests: Message[] = [];
  readonly docs = new Map<string, TextDocument>();
  settings: Record<string, unknown>;
  associations: Record<string, string> | null = null;
  initializeResult!: InitializeResult;
  stderr = '';
  private waiters: { test: (m: Message) => boolean; resolve: (m: Message) => void }[] = [];

  private constructor(
    readonly kind: ClientKind,
    readonly process: ChildProcess,
    readonly connection: ProtocolConnection,
    settings: Record<string, unknown>,
  ) {
    this.settings = settings;
  }

  static async start(options: StartOptions): Promise<LspClient> {
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new LspClient(options, child, connection, options.settings ?? {});
    client.associations = options.associations ?? null;
    child.stderr!.on('data', (d) => (client.stderr += String(d)));
    // The star handlers (every method) exist at run time; ProtocolConnection's type omits them.
    const raw = connection as unknown as MessageConnection;
    raw.onNotification((method: string, params: unknown) => client.record({ method, params }));
    raw.onRequest((method: string, params: unknown) => {
      client.serverRequests.push({ method, params });
      client.record({ method: `request:${method}`, params });
      if (method === 'window/workDoneProgress/create') {
        const token = (params as { token: string | number }).token;
        // jsonrpc routes $/progress to per-token handlers, not to the generic notification handler.
        connection.onProgress(WorkDoneProgress.type, token, (value) => client.record({ method: '$/progress', params: { token, value } }));
      }
      if (method === 'workspace/configuration') {
        const sections: Record<string, unknown> = { digest: client.settings, 'files.associations': client.associations };
        return (params as { items: { section?: string }[] }).items.map((i) => sections[i.section ?? ''] ?? null);
      }
      return null;
    });
    connection.listen();
    const folders = options.folders ?? [];
    client.initializeResult = await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folders[0] ? pathToFileURL(folders[0]).href : null,
      workspaceFolders: folders.map((f, i) => ({ uri: pathToFileURL(f).href, name: `folder${i}` })),
      capabilities: capabilities(options.vscodeLike),
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  private record(m: Message): void {
    this.messages.push(m);
    this.waiters = this.waiters.filter((w) => {
      if (!w.test(m)) return true;
      w.resolve(m);
      return false;
    });
  }

  /** A position in the message log: wait for messages after it. */
  mark(): number {
    return this.messages.length;
  }

  /** The first message (from `since`) with the method that passes the test; rejects after a deadline. */
  waitFor(method: string, test: (params: any) => boolean = () => true, since = 0, ms = DEADLINE_MS): Promise<any> {
    const match = (m: Message) => m.method === method && test(m.params);
    const seen = this.messages.slice(since).find(match);
    if (seen) return Promise.resolve(seen.params);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`timed out waiting for ${method}; stderr: ${this.stderr}`));
      }, ms);
      const waiter = {
        test: match,
        resolve: (m: Message) => {
          clearTimeout(timer);
          resolve(m.params);
        },
      };
      this.waiters.push(waiter);
    });
  }

  /** Resolves when the first workspace scan has finished (its progress ended or, without progress, the notification). */
  async indexed(): Promise<void> {
    await this.waitFor('digest/indexChanged', (p) => p.indexing === false);
  }

  async open(uri: string, text: string, languageId = 'digest-markdown'): Promise<TextDocument> {
    const doc = TextDocument.create(uri, languageId, 1, text);
    this.docs.set(uri, doc);
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return doc;
  }

  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<TextDocument> {
    const old = this.docs.get(uri)!;
    const doc = TextDocument.update(old, changes, old.version + 1);
    this.docs.set(uri, doc);
    await this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: doc.version },
      contentChanges: changes,
    });
    return doc;
  }

  async close(uri: string): Promise<void> {
    this.docs.delete(uri);
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /**
   * The diagnostics of the document's current version, the way this client gets them: pulled, or
   * the push that carries the current version (from `since` in the log).
   */
  async diagnostics(uri: string, since = 0): Promise<Diagnostic[]> {
    if (this.kind.vscodeLike) {
      const report = await this.request('textDocument/diagnostic', { textDocument: { uri } });
      return report.items;
    }
    const version = this.docs.get(uri)?.version;
    const params = await this.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === version, since);
    return params.diagnostics;
  }

  request(method: string, params: unknown): Promise<any> {
    return this.connection.sendRequest(method, params);
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  /** shutdown + exit; resolves with the exit code (0 when the server honoured shutdown). */
  async stop(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => {
      if (this.process.exitCode !== null) resolve(this.process.exitCode);
      else this.process.once('exit', (code) => resolve(code));
    });
    await this.request('shutdown', null);
    await this.notify('exit', null);
    const timer = setTimeout(() => this.process.kill(), DEADLINE_MS);
    const code = await exited;
    clearTimeout(timer);
    this.connection.dispose();
    return code;
  }
}

/**
 * For a describe block: a VS Code-like client over `ws` (a temp copy of the fixtures by default),
 * started and indexed before its tests, stopped (exit code 0) and the folder removed after.
 */
export function indexedWorkspace(
  ws: { dir: string; uri: (name: string) => string; dispose(): void } = tempWorkspace(),
  settings?: Record<string, unknown>,
  vscodeLike = true,
): { ws: typeof ws; client: () => LspClient } {
  let client: LspClient | undefined;
  before(async () => {
    client = await LspClient.start({ vscodeLike, folders: [ws.dir], settings });
    await client.indexed();
  });
  after(async () => {
    const code = await client?.stop();
    ws.dispose();
    if (code !== 0) throw new Error(`the server exited with ${code}`);
  });
  return {
    ws,
    client: () => {
      if (!client) throw new Error('the client starts in before()');
      return client;
    },
  };
}
