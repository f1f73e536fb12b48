/**
 * What happens when the editor closes a document. Langium keeps a closed document as it was last
 * typed, so an unsaved buffer (`untitled:`, or a `file:` that was never written) would go on
 * declaring its names: other files kept their `duplicate-name` errors and `workspace/symbol`
 * listed it. A closed document is read again from disk when it is part of the workspace, and
 * removed otherwise, so the workspace equals what a fresh start would load.
 */
import type { FileSystemProvider, WorkspaceManager } from 'langium';
import { URI, UriUtils } from 'langium';
import type { DocumentUpdateHandler, LangiumSharedServices } from 'langium/lsp';
import { DefaultDocumentUpdateHandler } from 'langium/lsp';

type CloseEvent = Parameters<NonNullable<DocumentUpdateHandler['didCloseDocument']>>[0];

export class WorkflowDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    private readonly fileSystem: FileSystemProvider;
    private readonly workspace: WorkspaceManager;

    constructor(services: LangiumSharedServices) {
        super(services);
        this.fileSystem = services.workspace.FileSystemProvider;
        this.workspace = services.workspace.WorkspaceManager;
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
        if (!folder) {
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
