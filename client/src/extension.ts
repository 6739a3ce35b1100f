import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type DocumentSelector,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { registerCommands } from './commands';
import { registerAutoDetect } from './autoDetect';
import { DigestStatusBar } from './statusBar';
import { PapersTreeProvider } from './views/papersTree';
import { registerPapersView } from './views/papersView';

export const LANGUAGE_ID = 'digest-markdown';

export interface DigestExtensionApi {
  client: LanguageClient;
  treeProvider: PapersTreeProvider;
  /** Resolves once the server answered `initialize` and the tree asked for its first data. */
  ready: Promise<void>;
}

/**
 * With auto-detection on, every digest reaches the server as `digest-markdown`: Markdown and
 * plain-text documents are left out, because a document switched to the digest language right
 * after opening would otherwise be synced twice, and a pull for the first copy (cancelled by the
 * switch) keeps the client from ever pulling the second. With it off, Markdown and plain-text files
 * are sent too and the server checks those whose text is a digest.
 */
function documentSelector(): DocumentSelector {
  const autoDetect = vscode.workspace.getConfiguration('digest').get<boolean>('autoDetect', true);
  return autoDetect
    ? [{ language: LANGUAGE_ID }]
    : [{ language: LANGUAGE_ID }, { language: 'markdown' }, { language: 'plaintext' }];
}

function createClient(context: vscode.ExtensionContext, output: vscode.OutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: documentSelector(),
    synchronize: { configurationSection: 'digest' },
    outputChannel: output,
    middleware: {
      // Markdown's own outline and folding already cover markdown files; ours would double them.
      provideDocumentSymbols: (document, token, next) =>
        document.languageId === LANGUAGE_ID ? next(document, token) : [],
      provideFoldingRanges: (document, context, token, next) =>
        document.languageId === LANGUAGE_ID ? next(document, context, token) : [],
    },
  };
  return new LanguageClient('digest', 'Daily Papers Digest', serverOptions, clientOptions);
}

export function activate(context: vscode.ExtensionContext): DigestExtensionApi {
  const output = vscode.window.createOutputChannel('Daily Papers Digest');
  context.subscriptions.push(output);
  const client = createClient(context, output);
  context.subscriptions.push(client);

  const treeProvider = new PapersTreeProvider(client, context.workspaceState);
  context.subscriptions.push(treeProvider);
  registerPapersView(context, treeProvider);
  registerCommands(context, client, treeProvider, output);
  registerAutoDetect(context);
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (!e.affectsConfiguration('digest.autoDetect')) return;
      await ready.catch(() => undefined);
      client.clientOptions.documentSelector = documentSelector();
      await client.restart();
      await treeProvider.refresh();
    }),
  );
  context.subscriptions.push(new DigestStatusBar(treeProvider));

  // Not awaited: activation returns at once and the server starts in the background.
  const ready = client.start().then(
    () => treeProvider.attach(),
    (err: unknown) => {
      output.appendLine(`The digest language server did not start: ${err instanceof Error ? err.message : String(err)}`);
      throw err;
    },
  );
  return { client, treeProvider, ready };
}

export function deactivate(): void {
  // The client is disposed through context.subscriptions, which stops the server cleanly.
}
