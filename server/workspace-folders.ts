/**
 * Follows the workspace folders that the editor adds and removes while the server runs
 * (`workspace/didChangeWorkspaceFolders`); Langium loads the folders given at start only. The
 * files of an added folder join the workspace; those of a removed folder leave it, except the
 * ones still open in an editor; every document that refers to them is checked again.
 */
import { URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Connection, WorkspaceFoldersChangeEvent } from 'vscode-languageserver';
import type { WorkflowWorkspaceManager } from '../language/src/workspace/workflow-workspace-manager.js';

export function followWorkspaceFolders(connection: Connection, shared: LangiumSharedServices): void {
    let supported = false;
    shared.lsp.LanguageServer.onInitialize(params => {
        supported = Boolean(params.capabilities.workspace?.workspaceFolders);
    });
    shared.lsp.LanguageServer.onInitialized(() => {
        // Subscribing registers the notification with the client.
        if (supported) connection.workspace.onDidChangeWorkspaceFolders(event => void applyFolderChange(shared, event));
    });
}

export async function applyFolderChange(shared: LangiumSharedServices, event: WorkspaceFoldersChangeEvent): Promise<void> {
    const { LangiumDocuments, TextDocuments, WorkspaceManager, WorkspaceLock, DocumentBuilder } = shared.workspace;
    await WorkspaceManager.ready;
    const added = event.added.map(folder => URI.parse(folder.uri));
    const removedFolders = event.removed.map(folder => `${URI.parse(folder.uri).toString().replace(/\/$/, '')}/`);
    const removed = LangiumDocuments.all
        .map(document => document.uri)
        .filter(uri => removedFolders.some(folder => uri.toString().startsWith(folder)) && !TextDocuments?.get(uri.toString()))
        .toArray();
    if (added.length === 0 && removed.length === 0) return;
    // The configuration of an added folder decides which of its files join.
    const manager = WorkspaceManager as WorkflowWorkspaceManager;
    await Promise.all(added.map(folder => manager.loadConfiguration(folder)));
    event.removed.forEach(folder => manager.removeConfiguration(URI.parse(folder.uri)));
    // `update` reads an added folder's files (it takes a folder for all the files within) and rebuilds what depends on them.
    await WorkspaceLock.write(token => DocumentBuilder.update(added, removed, token)).catch((error: unknown) => {
        console.error('Could not follow the change of workspace folders.', error);
    });
}
