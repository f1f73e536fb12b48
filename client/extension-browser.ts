/**
 * Web entry (`browser`): the language server runs in a web worker and reads the workspace's files
 * through this client (`workspace.fs`), since a worker has no file system.
 */
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { serveFileSystem } from './client-file-system.js';
import { activateWith, clientOptions, type WorkflowExtensionApi } from './extension-common.js';

export async function activate(context: vscode.ExtensionContext): Promise<WorkflowExtensionApi> {
    const serverMain = vscode.Uri.joinPath(context.extensionUri, 'dist/server/main-browser.js');
    const worker = new Worker(serverMain.toString(true));
    const client = new LanguageClient('workflowArchitect', 'Workflow Architect', worker, clientOptions());
    return activateWith(context, client, serveFileSystem);
}

export function deactivate(): void {
    // The client is stopped through the context's subscriptions.
}
