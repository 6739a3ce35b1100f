/**
 * The language server: the only file that touches the LSP connection. Each handler looks up the
 * document, takes the cached model of its version, calls a feature and returns; features live in
 * features/, the workspace index in workspace/.
 */
import {
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  LSPErrorCodes,
  MessageType,
  ProposedFeatures,
  ResponseError,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type Disposable,
  type DocumentDiagnosticReport,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { digestDocuments, type DigestDocument } from './documents';
import { DigestCache } from './model/cache';
import type { Digest } from './model/types';
import type { Finding, Severity } from './rules/types';
import { FindingsCache } from './findingsCache';
import { activeRules } from './lint';
import { changesIndex, defaultSettings, maxBytes, readSettings, type Settings } from './settings';
import {
  FIX_ALL_KIND,
  LANGUAGE_ID,
  FileSummaryRequest,
  IndexChangedNotification,
  PaperAtRequest,
  TreeDayRequest,
  TreeFilesRequest,
  LintWorkspaceRequest,
  TreeRequest,
  TreeUndatedRequest,
} from './protocol';
import { Cancelled } from './features/cancel';
import { codeActions } from './features/codeActions';
import { completion } from './features/completion';
import { DiagnosticsMemo, tooLargeDiagnostic } from './features/diagnostics';
import { documentLinks } from './features/documentLinks';
import { documentSymbols } from './features/documentSymbols';
import { foldingRanges } from './features/foldingRanges';
import { hover } from './features/hover';
import { papersByAuthor, references } from './features/references';
import { fileSummary, paperAt, treeDay, treeDays, treeFiles, treeUndated, type SeverityOf } from './features/tree';
import { workspaceSymbols } from './features/workspaceSymbols';
import { lintWorkspace } from './features/lintWorkspace';
import { readDigestFile } from './workspace/files';
import { fileURLToPath } from 'node:url';
import { WorkspaceIndex } from './workspace/index';
import { applyFileChange, scanWorkspace, type FileChange } from './workspace/scan';
import { warmReader } from './workspace/reader';
import { compileGlob } from './workspace/glob';
import { digestLanguage, type IsDigestLanguage } from './workspace/language';
import { Params } from './params';


const connection = createConnection(ProposedFeatures.all);
const models = new DigestCache();
/**
 * Documents follow the client's incremental edits as lines (DigestDocument); each edit is handed
 * to the model cache too, so a cached model is updated by re-parsing only the blocks the edit
 * touched, and no whole-document string is built on the way.
 */
const documents = new TextDocuments<DigestDocument>(
  digestDocuments({
    edited: (doc, from, edit) => models.follow(doc.uri, from, doc.lines, edit),
    replaced: (doc) => models.delete(doc.uri),
    versioned: (doc, from, to) => models.advance(doc.uri, from, to),
  }),
);
const findings = new FindingsCache();
const diagnostics = new DiagnosticsMemo();
const index = new WorkspaceIndex();

let settings: Settings = defaultSettings();
/** Files with the digest language under the current `files.associations`: digests whatever they hold. */
let isDigestLanguage: IsDigestLanguage = digestLanguage(settings.associations);
/** Bumped on every settings load: pull results carry it in their resultId. */
let settingsGeneration = 0;
let folders: string[] = [];
const client = {
  pull: false,
  refresh: false,
  configuration: false,
  dynamicWatch: false,
  relativePatterns: false,
  dynamicConfiguration: false,
  documentChanges: false,
  workspaceFolders: false,
};
/** Resolves once the first settings are read: diagnostics wait for it so they never flip. */
let settingsReady: Promise<void> = Promise.resolve();

const log = (message: string) => connection.console.log(message);

// ---- documents ------------------------------------------------------------------------------

function isChecked(doc: DigestDocument): boolean {
  return doc.languageId === LANGUAGE_ID || doc.looksLikeDigest();
}

function modelOf(doc: DigestDocument): Digest {
  return models.get(doc.uri, doc.revision, () => doc.getText());
}

/** The document's byte size when over `digest.maxFileSizeMB`, else undefined. */
function oversize(doc: DigestDocument): number | undefined {
  const limit = maxBytes(settings);
  // UTF-8 needs at most 3 bytes per UTF-16 unit: most files are settled without counting.
  if (doc.length * 3 <= limit) return undefined;
  const bytes = Buffer.byteLength(doc.getText(), 'utf8');
  return bytes > limit ? bytes : undefined;
}

/** The findings of the current version; none when the document is not validated. */
function findingsOf(doc: DigestDocument): Finding[] {
  if (!isChecked(doc) || oversize(doc) !== undefined) return [];
  return findings.get(doc.uri, doc.revision, modelOf(doc));
}

/** The checked document at a uri, with its model; undefined for documents not checked. */
function checked(uri: string): { doc: DigestDocument; digest: Digest } | undefined {
  const doc = documents.get(uri);
  return doc && isChecked(doc) ? { doc, digest: modelOf(doc) } : undefined;
}

function diagnosticsOf(doc: DigestDocument) {
  if (!isChecked(doc)) return [];
  const bytes = oversize(doc);
  if (bytes !== undefined) return [tooLargeDiagnostic(bytes, settings.maxFileSizeMB)];
  return diagnostics.of(doc.uri, findingsOf(doc));
}

/** Each active rule's severity under the current settings, for the tree's per-rule counts. */
let severities = severityMap(settings);
function severityMap(s: Settings): Map<string, Severity> {
  return new Map(activeRules({ severities: s.severities }).map((a) => [a.rule.id, a.severity]));
}
const severityOf: SeverityOf = (rule) => severities.get(rule);

// ---- diagnostics: pushed after a debounce, or pulled by clients that can -----------------------

const timers = new Map<string, NodeJS.Timeout>();
const lastChange = new Map<string, number>();

async function publish(uri: string): Promise<void> {
  await settingsReady;
  const doc = documents.get(uri);
  if (doc && !client.pull) connection.sendDiagnostics({ uri, version: doc.version, diagnostics: diagnosticsOf(doc) });
}

function scheduleValidation(uri: string): void {
  clearTimeout(timers.get(uri));
  lastChange.set(uri, Date.now());
  timers.set(
    uri,
    setTimeout(() => {
      timers.delete(uri);
      void publish(uri);
      indexChanged(uri);
    }, settings.debounceMs),
  );
}

function revalidateAll(): void {
  if (client.pull) {
    if (client.refresh) void connection.languages.diagnostics.refresh();
  } else {
    for (const doc of documents.all()) void publish(doc.uri);
  }
}

/** Waits out the debounce of a document that changed recently (pull mode), or until cancelled. */
function settle(uri: string, token: CancellationToken): Promise<void> {
  const wait = (lastChange.get(uri) ?? 0) + settings.debounceMs - Date.now();
  if (wait <= 0) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, wait);
    const sub = token.onCancellationRequested(done);
    function done() {
      clearTimeout(timer);
      sub.dispose();
      resolve();
    }
  });
}

function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
}

connection.languages.diagnostics.on(async (params, token): Promise<DocumentDiagnosticReport> => {
  await settingsReady;
  await settle(params.textDocument.uri, token);
  if (token.isCancellationRequested) throw cancelled();
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return { kind: 'full', items: [] };
  const resultId = `${doc.revision}:${settingsGeneration}`;
  if (params.previousResultId === resultId) return { kind: 'unchanged', resultId };
  return { kind: 'full', resultId, items: diagnosticsOf(doc) };
});

// ---- the workspace index ----------------------------------------------------------------------

let indexing = true;
let scanRun = 0;
let pendingNotify: NodeJS.Timeout | undefined;
const pendingUris = new Set<string>();
let watcher: Disposable | undefined;

/** Tells the client the tree may have changed; bursts (a scan, many events) send one notification. */
function indexChanged(uri?: string): void {
  if (uri) pendingUris.add(uri);
  if (pendingNotify) return;
  pendingNotify = setTimeout(() => {
    pendingNotify = undefined;
    const uris = [...pendingUris];
    pendingUris.clear();
    void connection.sendNotification(IndexChangedNotification.type, { uris, indexing });
  }, 20);
}

function trackOpen(doc: DigestDocument): void {
  index.setOpen(doc.uri, doc.revision, () => (isChecked(doc) ? { digest: modelOf(doc), findings: findingsOf(doc) } : undefined));
}

async function scan(): Promise<void> {
  const run = ++scanRun;
  indexing = true;
  const progress = await connection.window.createWorkDoneProgress();
  progress.begin('Indexing digests', 0, 'Looking for digest files', false);
  let reported = -1;
  try {
    await scanWorkspace(index, {
      folders,
      files: settings.files,
      digestLanguage: isDigestLanguage,
      maxBytes: maxBytes(settings),
      log,
      progress: (done, total) => {
        // One report per percent, not one per file.
        const percent = Math.floor((done * 100) / total);
        if (percent === reported) return;
        reported = percent;
        progress.report(percent, `${done}/${total} files`);
      },
      cancelled: () => run !== scanRun,
    });
  } catch (e) {
    log(`Indexing failed: ${String(e)}`);
  } finally {
    progress.done();
  }
  if (run !== scanRun) return;
  indexing = false;
  indexChanged();
}

async function watchFiles(): Promise<void> {
  if (!client.dynamicWatch) return;
  watcher?.dispose();
  // `digest.files` is relative to each folder. A plain string glob is matched against whole paths
  // by clients (VS Code among them), so without relative patterns it is widened with `**/`; the
  // events are filtered against the real glob on arrival anyway.
  const watchers = client.relativePatterns
    ? folders.map((baseUri) => ({ globPattern: { baseUri, pattern: settings.files } }))
    : [{ globPattern: settings.files.startsWith('**/') ? settings.files : `**/${settings.files}` }];
  watcher = await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
}

const CHANGE: Record<number, FileChange> = {
  [FileChangeType.Created]: 'created',
  [FileChangeType.Changed]: 'changed',
  [FileChangeType.Deleted]: 'deleted',
};

connection.onDidChangeWatchedFiles(async (params) => {
  await settingsReady;
  const options = { folders, files: settings.files, digestLanguage: isDigestLanguage, maxBytes: maxBytes(settings), log };
  for (const event of params.changes) {
    try {
      if (await applyFileChange(index, event.uri, CHANGE[event.type], options)) indexChanged(event.uri);
    } catch (e) {
      // One file that cannot be read must not cost the others (or the server) their update.
      log(`Could not update ${event.uri}: ${String(e)}`);
    }
  }
});

// ---- settings -------------------------------------------------------------------------------

/** Says once per value what in `digest.files` is not read as written (the glob still works). */
function reportGlob(files: string): void {
  const { problems } = compileGlob(files);
  if (problems.length === 0) return;
  const message = `digest.files "${files}": ${problems.join('; ')}.`;
  log(message);
  void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
}

/** The sections the server reads: its own, and which files open with the digest language. */
const SECTIONS = ['digest', 'files.associations'];

/** What a client pushed in didChangeConfiguration, for clients that cannot be asked. */
interface Pushed {
  digest?: unknown;
  files?: { associations?: unknown };
}

async function loadSettings(pushed?: Pushed): Promise<void> {
  let raw: unknown = pushed?.digest;
  let associations: unknown = pushed?.files?.associations;
  if (client.configuration) {
    try {
      [raw, associations] = await connection.workspace.getConfiguration(SECTIONS.map((section) => ({ section })));
    } catch (e) {
      log(`Could not read settings: ${String(e)}`);
    }
  }
  const before = settings.files;
  settings = readSettings(raw, associations);
  isDigestLanguage = digestLanguage(settings.associations);
  settingsGeneration++;
  if (settings.files !== before) reportGlob(settings.files);
  findings.setOptions({ severities: settings.severities });
  severities = severityMap(settings);
  index.invalidateOpen();
}

connection.onDidChangeConfiguration(async (change) => {
  const before = settings;
  // Clients without workspace/configuration may push the sections in the notification itself.
  settingsReady = loadSettings((change.settings as Pushed | null) ?? undefined);
  await settingsReady;
  revalidateAll();
  if (changesIndex(before, settings)) {
    void watchFiles();
    void scan();
  } else {
    indexChanged();
  }
});

// ---- lifecycle ------------------------------------------------------------------------------

connection.onInitialize((params): InitializeResult => {
  const caps = params.capabilities;
  client.pull = caps.textDocument?.diagnostic !== undefined;
  client.refresh = caps.workspace?.diagnostics?.refreshSupport === true;
  client.configuration = caps.workspace?.configuration === true;
  client.dynamicWatch = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  client.relativePatterns = caps.workspace?.didChangeWatchedFiles?.relativePatternSupport === true;
  client.dynamicConfiguration = caps.workspace?.didChangeConfiguration?.dynamicRegistration === true;
  client.documentChanges = caps.workspace?.workspaceEdit?.documentChanges === true;
  client.workspaceFolders = caps.workspace?.workspaceFolders === true;
  folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  // The scan comes after the handshake and a listing of the files: its reader thread boots meanwhile.
  if (folders.some((f) => f.startsWith('file:'))) warmReader();
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      diagnosticProvider: client.pull ? { interFileDependencies: false, workspaceDiagnostics: false } : undefined,
      codeActionProvider: { codeActionKinds: ['quickfix', FIX_ALL_KIND] },
      documentSymbolProvider: true,
      hoverProvider: true,
      foldingRangeProvider: true,
      documentLinkProvider: { resolveProvider: false },
      workspaceSymbolProvider: true,
      referencesProvider: true,
      completionProvider: { resolveProvider: false },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'digest-language-server' },
  };
});

connection.onInitialized(() => {
  if (client.workspaceFolders) {
    // Folders added to or removed from a multi-root workspace: index (and watch) the new set.
    connection.workspace.onDidChangeWorkspaceFolders(async ({ added, removed }) => {
      const gone = new Set(removed.map((f) => f.uri));
      folders = folders.filter((f) => !gone.has(f)).concat(added.map((f) => f.uri).filter((u) => !folders.includes(u)));
      await settingsReady;
      void watchFiles();
      void scan();
    });
  }
  if (client.dynamicConfiguration) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: SECTIONS });
  }
  settingsReady = loadSettings();
  void settingsReady.then(() => {
    void watchFiles();
    void scan();
  });
});

connection.onShutdown(() => {
  scanRun++; // stops a scan in progress at its next file
  for (const t of timers.values()) clearTimeout(t);
  timers.clear();
  clearTimeout(pendingNotify);
});

/** TextDocuments fires onDidChangeContent right after onDidOpen: that one is not an edit. */
let opening: string | undefined;

documents.onDidOpen(({ document }) => {
  opening = document.uri;
  trackOpen(document);
  void publish(document.uri);
  indexChanged(document.uri);
});

documents.onDidChangeContent(({ document }) => {
  if (opening === document.uri) {
    opening = undefined;
    return;
  }
  trackOpen(document);
  scheduleValidation(document.uri);
});

documents.onDidClose(({ document }) => {
  clearTimeout(timers.get(document.uri));
  timers.delete(document.uri);
  lastChange.delete(document.uri);
  models.delete(document.uri);
  findings.delete(document.uri);
  diagnostics.delete(document.uri);
  index.closeOpen(document.uri);
  if (!client.pull) connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  indexChanged(document.uri);
});

// ---- requests -------------------------------------------------------------------------------

/** Runs a feature that checks the token; a Cancelled becomes the LSP error. */
function guard<T>(run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof Cancelled) throw cancelled();
    throw e;
  }
}

/**
 * For workspace-wide requests: lets the connection read what is queued first, so a request the
 * client already cancelled (a workspace-symbol query superseded by the next keystroke) does no work.
 */
async function guardLong<T>(token: CancellationToken, run: () => T | Promise<T>): Promise<T> {
  await new Promise((resolve) => setImmediate(resolve));
  if (token.isCancellationRequested) throw cancelled();
  try {
    return await run();
  } catch (e) {
    if (e instanceof Cancelled) throw cancelled();
    throw e;
  }
}

connection.onCodeAction((params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc || !isChecked(doc)) return [];
  return codeActions(
    { uri: doc.uri, version: doc.version, findings: findingsOf(doc) },
    params.context,
    { documentChanges: client.documentChanges },
  );
});

connection.onDocumentSymbol((params) => {
  const hit = checked(params.textDocument.uri);
  return hit ? documentSymbols(hit.digest) : [];
});

connection.onFoldingRanges((params) => {
  const hit = checked(params.textDocument.uri);
  return hit ? foldingRanges(hit.digest) : [];
});

connection.onDocumentLinks((params) => {
  const hit = checked(params.textDocument.uri);
  return hit ? documentLinks(hit.digest) : [];
});

connection.onHover((params) => {
  const hit = checked(params.textDocument.uri);
  if (!hit) return null;
  return hover(hit.digest, params.position, {
    findings: findingsOf(hit.doc),
    papersByAuthor: (key) => papersByAuthor(index.summaries(), key),
  });
});

connection.onReferences((params, token) => {
  const hit = checked(params.textDocument.uri);
  return hit ? guardLong(token, () => references(hit.digest, params.position, index.summaries(), token)) : null;
});

connection.onCompletion((params, token) => {
  const hit = checked(params.textDocument.uri);
  return hit ? guard(() => completion(hit.digest, params.position, index.summaries(), token)) : null;
});

connection.onWorkspaceSymbol((params, token) => {
  // The query is required; a client that leaves it out asks for everything, as with ''.
  const query = new Params('workspace/symbol', params).optionalString('query') ?? '';
  return guardLong(token, () => workspaceSymbols(index.summaries(), query, token));
});

connection.onRequest(TreeRequest.type, (params, token) => {
  const filter = new Params(TreeRequest.method, params).optionalString('filter');
  return guardLong(token, () => treeDays(index.summaries(), severityOf, indexing, filter, token));
});

connection.onRequest(TreeDayRequest.type, (params, token) => {
  const read = new Params(TreeDayRequest.method, params);
  const date = read.string('date');
  const filter = read.optionalString('filter');
  return guardLong(token, () => treeDay(index.summaries(), severityOf, date, filter, token));
});

connection.onRequest(TreeUndatedRequest.type, (params) => {
  const read = new Params(TreeUndatedRequest.method, params);
  const uri = read.string('uri');
  const headingLine = read.optionalIndex('headingLine');
  return treeUndated(index.summary(uri), severityOf, headingLine, read.optionalString('filter'));
});

connection.onRequest(PaperAtRequest.type, (params) => {
  const read = new Params(PaperAtRequest.method, params);
  return paperAt(index.summary(read.string('uri')), severityOf, read.index('line'));
});

connection.onRequest(FileSummaryRequest.type, (params) =>
  fileSummary(index.summary(new Params(FileSummaryRequest.method, params).string('uri')), severityOf),
);

connection.onRequest(TreeFilesRequest.type, () => treeFiles(index.summaries()));

connection.onRequest(LintWorkspaceRequest.type, async (_params, token) => {
  await settingsReady;
  const readOptions = maxBytes(settings);
  return guardLong(token, () =>
    lintWorkspace(
      {
        uris: treeFiles(index.summaries()).uris,
        isOpen: (uri) => documents.get(uri) !== undefined,
        read: (uri) => {
          if (!uri.startsWith('file:')) return Promise.resolve(undefined);
          const path = fileURLToPath(uri);
          return readDigestFile(path, readOptions, log, isDigestLanguage(path));
        },
        options: { severities: settings.severities },
      },
      token,
    ),
  );
});

documents.listen(connection);
connection.listen();
