/**
 * What the extension does on activation, the same on the desktop and on the web: start the
 * language client (the platform entry creates it), and return the API the tests use.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import { MatrixRequest } from '../protocol/lsp-methods.js';
import { followConfigurationFiles } from './configuration-files.js';
import type { PreviewApi } from './preview/preview-manager.js';
import { PreviewManager } from './preview/preview-manager.js';
import type { OrgMapApi } from './org-map/org-map-panel.js';
import { OrgMapView } from './org-map/org-map-panel.js';

export const LANGUAGE_ID = 'workflow';

/** What `activate` returns: used by the integration tests. */
export interface WorkflowExtensionApi {
    readonly client: BaseLanguageClient;
    readonly preview: PreviewApi;
    readonly orgMap: OrgMapApi;
}

/**
 * The schemes of the documents the language server checks: files on disk, new editors not yet
 * saved, virtual workspaces (GitHub and Azure Repos through Remote Repositories), and the
 * workspace that `@vscode/test-web` mounts for VS Code for the Web. Others, such as `git:`
 * (a file as committed, in diff editors), are left out: their diagnostics would be duplicates.
 */
export const DOCUMENT_SCHEMES = ['file', 'untitled', 'vscode-vfs', 'vscode-test-web'] as const;

/** Client options shared by both platforms. */
export function clientOptions(): LanguageClientOptions {
    return {
        documentSelector: DOCUMENT_SCHEMES.map(scheme => ({ scheme, language: LANGUAGE_ID })),
        synchronize: {
            fileEvents: vscode.workspace.createFileSystemWatcher('**/*.workflow'),
            // Sends `workflowArchitect.*` changes (severity overrides) to the server.
            configurationSection: 'workflowArchitect',
        },
        outputChannelName: 'Workflow Architect',
    };
}

export const SHOW_MATRIX_COMMAND = 'workflowArchitect.showOwnershipMatrix';

/** Opens the workspace's ownership matrix as a Markdown document beside the editor. */
async function showOwnershipMatrix(client: BaseLanguageClient): Promise<vscode.TextDocument> {
    const table = await client.sendRequest(MatrixRequest.type, { format: 'md' });
    const document = await openUntitled('markdown', `# Ownership matrix\n\n${table}`);
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true });
    return document;
}

/**
 * A new untitled document with this text. VS Code names untitled documents `Untitled-N`, reusing
 * the numbers of closed ones, and fills a new one from the backup of an earlier document of that
 * name when one is left (its backups are written a moment after each edit, and one written just
 * as that document was closed can outlive it): the given text then replaces what was restored.
 */
export async function openUntitled(language: string, content: string): Promise<vscode.TextDocument> {
    const document = await vscode.workspace.openTextDocument({ language, content });
    if (document.getText() !== content) {
        const edit = new vscode.WorkspaceEdit();
        edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), content);
        await vscode.workspace.applyEdit(edit);
    }
    return document;
}

export async function activateWith(
    context: vscode.ExtensionContext,
    client: BaseLanguageClient,
    extra: (client: BaseLanguageClient) => vscode.Disposable[] = () => [],
): Promise<WorkflowExtensionApi> {
    context.subscriptions.push(...extra(client));
    const preview = new PreviewManager(context, client);
    const orgMap = new OrgMapView(context, client);
    context.subscriptions.push(
        preview,
        orgMap,
        vscode.commands.registerCommand(SHOW_MATRIX_COMMAND, () => showOwnershipMatrix(client)),
    );
    await client.start();
    context.subscriptions.push(...followConfigurationFiles(client));
    context.subscriptions.push({ dispose: () => void client.stop() });
    return { client, preview, orgMap };
}
