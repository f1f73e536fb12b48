/**
 * A document that exists only in the editor (`untitled:`) leaves the workspace when it is closed:
 * its declarations stop resolving elsewhere, and it is not checked again. Langium keeps closed
 * documents, which suits files (they are still on disk) but not these: once closed, nothing
 * maps them to the language any more, and checking one again threw and ended the server.
 */
import { URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';

export function forgetClosedEditorDocuments(shared: LangiumSharedServices): void {
    const { TextDocuments, WorkspaceManager, WorkspaceLock, DocumentBuilder, LangiumDocuments } = shared.workspace;
    const registry = shared.ServiceRegistry;
    TextDocuments.onDidClose(({ document }) => {
        const uri = URI.parse(document.uri);
        if (uri.scheme !== 'untitled' && registry.hasServices(uri)) return;
        void WorkspaceManager.ready
            .then(() =>
                WorkspaceLock.write(token =>
                    LangiumDocuments.hasDocument(uri) ? DocumentBuilder.update([], [uri], token) : Promise.resolve(),
                ),
            )
            .catch((error: unknown) => console.error(`Could not remove ${document.uri} from the workspace.`, error));
    });
}
