/**
 * Tells the language server when a `.workflowrc.json` or `.workflowignore` of the workspace was
 * saved, created or deleted, so that it reads the configuration again without a restart. A file
 * system watcher sees changes made outside the editor; saves are reported as well, since some
 * file systems (VS Code for the Web) report no watcher events for them.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { ConfigurationFilesChangedNotification } from '../protocol/lsp-methods.js';

const NAMES = ['.workflowrc.json', '.workflowignore'];

function isConfigurationFile(uri: vscode.Uri): boolean {
    return NAMES.some(name => uri.path.endsWith(`/${name}`));
}

export function followConfigurationFiles(client: BaseLanguageClient): vscode.Disposable[] {
    const report = (uris: readonly vscode.Uri[]) => {
        const changed = uris.filter(isConfigurationFile).map(uri => uri.toString());
        if (changed.length > 0) void client.sendNotification(ConfigurationFilesChangedNotification.type, { uris: changed });
    };
    const watcher = vscode.workspace.createFileSystemWatcher('**/{.workflowrc.json,.workflowignore}');
    return [
        watcher,
        watcher.onDidChange(uri => report([uri])),
        watcher.onDidCreate(uri => report([uri])),
        watcher.onDidDelete(uri => report([uri])),
        vscode.workspace.onDidSaveTextDocument(document => report([document.uri])),
        vscode.workspace.onDidCreateFiles(event => report(event.files)),
        vscode.workspace.onDidDeleteFiles(event => report(event.files)),
        vscode.workspace.onDidRenameFiles(event => report(event.files.flatMap(file => [file.oldUri, file.newUri]))),
    ];
}
