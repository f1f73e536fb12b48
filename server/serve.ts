/**
 * What both servers (Node and the web worker) do once they have a connection and the services:
 * follow the workspace and its configuration, warm the parser up, then listen and serve the views.
 */
import { startLanguageServer } from 'langium/lsp';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Connection } from 'vscode-languageserver';
import { registerDiagramHandlers } from './diagram-handlers.js';
import { registerOrgMapHandlers } from './org-map-handlers.js';
import { followWorkspaceFolders } from './workspace-folders.js';
import { forgetClosedEditorDocuments } from './closed-documents.js';
import { followConfigurationFiles } from './configuration-files.js';
import { warmUpBuild, warmUpParser } from './warm-up.js';

export function serveWorkflowLanguage(connection: Connection, shared: LangiumSharedServices): void {
    followWorkspaceFolders(connection, shared);
    forgetClosedEditorDocuments(shared);
    followConfigurationFiles(connection, shared);
    warmUpParser(shared);
    // Messages wait in the transport meanwhile: the connection reads none before it listens.
    void warmUpBuild().finally(() => {
        startLanguageServer(shared);
        registerDiagramHandlers(connection, shared);
        registerOrgMapHandlers(connection, shared);
    });
}
