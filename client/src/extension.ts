import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerCommands } from './commands';
import { registerAutoDetect } from './autoDetect';
import { DigestStatusBar } from './statusBar';
import { PapersTreeProvider } from './views/papersTree';
import { registerPapersView } from './views/papersView';

export interface DigestExtensionApi {
  /** The language client, once loaded (after `ready` it always is). */
  readonly client: LanguageClient | undefined;
  treeProvider: PapersTreeProvider;
  /** Resolves once the server answered `initialize` and the tree asked for its first data. */
  ready: Promise<void>;
}

/** Loaded on first use: a separate bundle next to this one (see esbuild.mjs). */
function languageClientModule(): typeof import('./languageClient') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./languageClient.js') as typeof import('./languageClient');
}

export function activate(context: vscode.ExtensionContext): DigestExtensionApi {
  const output = vscode.window.createOutputChannel('Daily Papers Digest');
  context.subscriptions.push(output);

  let client: LanguageClient | undefined;
  // Activation registers the views and commands and returns; the client code is loaded and the
  // server started right after, in the background.
  const started: Promise<LanguageClient> = new Promise<void>((resolve) => setImmediate(resolve)).then(async () => {
    client = languageClientModule().createClient(context, output);
    context.subscriptions.push(client);
    await client.start();
    return client;
  });

  const treeProvider = new PapersTreeProvider(context.workspaceState);
  context.subscriptions.push(treeProvider);
  registerPapersView(context, treeProvider);
  registerCommands(context, () => started, treeProvider, output);
  registerAutoDetect(context);
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (!e.affectsConfiguration('digest.autoDetect')) return;
      const c = await started.catch(() => undefined);
      if (!c) return;
      c.clientOptions.documentSelector = languageClientModule().documentSelector();
      await c.restart();
      await treeProvider.refresh();
    }),
  );
  context.subscriptions.push(new DigestStatusBar(treeProvider));

  const ready = started.then(
    (c) => treeProvider.attach(c),
    (err: unknown) => {
      output.appendLine(`The digest language server did not start: ${err instanceof Error ? err.message : String(err)}`);
      throw err;
    },
  );
  return {
    get client() {
      return client;
    },
    treeProvider,
    ready,
  };
}

export function deactivate(): void {
  // The client is disposed through context.subscriptions, which stops the server cleanly.
}
