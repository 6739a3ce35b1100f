import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type DocumentSelector,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { LANGUAGE_ID } from '../../server/src/protocol';
import { SERVER_EXEC_ARGV } from '../../server/src/runtime';

/**
 * The language client, in a bundle of its own (dist/languageClient.js): vscode-languageclient is
 * most of the extension's code, and loading it after activation keeps activation short.
 */


/**
 * With auto-detection on, every digest reaches the server as `digest-markdown`: Markdown and
 * plain-text documents are left out, because a document switched to the digest language right
 * after opening would otherwise be synced twice, and a pull for the first copy (cancelled by the
 * switch) keeps the client from ever pulling the second. With it off, Markdown and plain-text files
 * are sent too and the server checks those whose text is a digest.
 */
export function documentSelector(): DocumentSelector {
  const autoDetect = vscode.workspace.getConfiguration('digest', null).get<boolean>('autoDetect', true);
  return autoDetect
    ? [{ language: LANGUAGE_ID }]
    : [{ language: LANGUAGE_ID }, { language: 'markdown' }, { language: 'plaintext' }];
}

export function createClient(context: vscode.ExtensionContext, output: vscode.OutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV] } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV, '--nolazy', '--inspect=6019'] } },
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
