import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { NotificationType, RequestType } from 'vscode-jsonrpc/lib/common/messages';

/*
 * Custom messages go by method name. The message types of server/src/protocol.ts are bundled with
 * the activation code (dist/extension.js), the client library in dist/languageClient.js; each
 * bundle has its own copy of vscode-jsonrpc, which tells parameter structures apart by object
 * identity, so a type object from one bundle would lose its params in the other.
 */

export function request<P, R>(client: LanguageClient, type: RequestType<P, R, void>, params: P, token?: vscode.CancellationToken): Promise<R> {
  // An explicit `undefined` token would be sent as a second positional parameter.
  return token ? client.sendRequest<R>(type.method, params, token) : client.sendRequest<R>(type.method, params);
}

export function onNotification<P>(client: LanguageClient, type: NotificationType<P>, handler: (params: P) => void): vscode.Disposable {
  return client.onNotification(type.method, handler);
}
