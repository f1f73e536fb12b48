/**
 * `workflow/graphChanged` for every view that follows the text. A language client keeps one
 * handler per notification method (a second `onNotification` replaces the first), so the
 * notification is registered once per client here and fanned out to each listener.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { GraphChangedNotification } from '../protocol/lsp-methods.js';

const emitters = new WeakMap<BaseLanguageClient, vscode.EventEmitter<{ uri: string }>>();

export function onGraphChanged(client: BaseLanguageClient, listener: (params: { uri: string }) => void): vscode.Disposable {
    let emitter = emitters.get(client);
    if (!emitter) {
        const created = new vscode.EventEmitter<{ uri: string }>();
        client.onNotification(GraphChangedNotification.type, params => created.fire(params));
        emitters.set(client, created);
        emitter = created;
    }
    return emitter.event(listener);
}
