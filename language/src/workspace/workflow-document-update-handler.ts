/**
 * What happens when the editor closes a document. Langium keeps a closed document as it was last
 * typed, so an unsaved buffer (`untitled:`, or a `file:` that was never written) would go on
 * declaring its names: other files kept their `duplicate-name` errors and `workspace/symbol`
 * listed it. A closed document is read again from disk when it is part of the workspace, and
 * removed otherwise (also when the configuration ignores it), so the workspace equals what a
 * fresh start would load.
 */
import type { FileSystemProvider } from 'langium';
import { URI, UriUtils } from 'langium';
import type { DocumentUpdateHandler, LangiumSharedServices } from 'langium/lsp';
import { DefaultDocumentUpdateHandler } from 'langium/lsp';
import type { DidChangeWatchedFilesParams } from 'vscode-languageserver';
import type { WorkflowRcStore } from './workflow-rc-store.js';
import { workflowRcOf } from './workflow-rc-store.js';
import type { WorkflowWorkspaceManager } from './workflow-workspace-manager.js';

type CloseEvent = Parameters<NonNullable<DocumentUpdateHandler['didCloseDocument']>>[0];

export class WorkflowDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    private readonly fileSystem: FileSystemProvider;
    private readonly workspace: WorkflowWorkspaceManager;
    private readonly rc: WorkflowRcStore;

    constructor(services: LangiumSharedServices) {
        super(services);
        this.fileSystem = services.workspace.FileSystemProvider;
        this.workspace = services.workspace.WorkspaceManager as WorkflowWorkspaceManager;
        this.rc = workflowRcOf(services);
    }

    /** A change of `.workflowrc.json` or `.workflowignore` at a root reloads the configuration; other files go the usual way. */
    override didChangeWatchedFiles(params: DidChangeWatchedFilesParams): void {
        const isConfig = (uri: string) => this.workspace.isConfigurationFile(URI.parse(uri));
        const configuration = params.changes.filter(change => isConfig(change.uri));
        const others = params.changes.filter(change => !isConfig(change.uri));
        if (others.length > 0 || configuration.length === 0) super.didChangeWatchedFiles({ changes: others });
        if (configuration.length > 0) this.reloadConfiguration(configuration.map(change => URI.parse(change.uri)));
    }

    /** Reads the configuration of the roots of these files again (also asked for by the client when one is saved). */
    reloadConfiguration(files: URI[]): void {
        // Cancelled by a newer update: the configuration is stored by then, and that update checks the documents left unchecked.
        this.workspace.reloadConfigurations(files).catch(() => undefined);
    }

    didCloseDocument(event: CloseEvent): void {
        const uri = URI.parse(event.document.uri);
        void this.workspace.ready.then(async () => {
            if (await this.isWorkspaceFile(uri)) {
                this.fireDocumentUpdate([uri], []);
            } else {
                this.fireDocumentUpdate([], [uri]);
            }
        });
    }

    /** Whether a fresh start would load the file: on disk, below a workspace folder, not left out. */
    private async isWorkspaceFile(uri: URI): Promise<boolean> {
        const folder = (this.workspace.workspaceFolders ?? []).map(f => URI.parse(f.uri)).find(f => UriUtils.contains(f, uri));
        if (!folder || this.rc.isIgnored(uri)) {
            return false;
        }
        const segments = uri.path.slice(folder.path.replace(/\/$/, '').length + 1).split('/');
        if (
            segments.some(segment => segment.startsWith('.')) ||
            segments.slice(0, -1).some(segment => segment === 'node_modules' || segment === 'out')
        ) {
            return false;
        }
        try {
            return await this.fileSystem.exists(uri);
        } catch {
            return false;
        }
    }
}
