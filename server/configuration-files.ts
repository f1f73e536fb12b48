/**
 * Follows `.workflowrc.json` and `.workflowignore` when the client reports that one was saved,
 * created or deleted (`workflow/configurationFilesChanged`). Watched-file events reach the server
 * too where the client sends them; either way, the configuration of the folder is read again.
 */
import { URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Connection } from 'vscode-languageserver';
import type { WorkflowDocumentUpdateHandler } from '../language/src/workspace/workflow-document-update-handler.js';
import { ConfigurationFilesChangedNotification } from '../protocol/lsp-methods.js';

export function followConfigurationFiles(connection: Connection, shared: LangiumSharedServices): void {
    const handler = shared.lsp.DocumentUpdateHandler as WorkflowDocumentUpdateHandler;
    connection.onNotification(ConfigurationFilesChangedNotification.type, ({ uris }) => {
        handler.reloadConfiguration(uris.map(uri => URI.parse(uri)));
    });
}
