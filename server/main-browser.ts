/**
 * The language server as a web worker, for VS Code for the Web. Files are read through the
 * client (`ClientFileSystemProvider`), since a worker has no file system.
 */
import { startLanguageServer } from 'langium/lsp';
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { createWorkflowServices } from '../language/src/workflow-module.js';
import { registerDiagramHandlers } from './diagram-handlers.js';
import { registerOrgMapHandlers } from './org-map-handlers.js';
import { ClientFileSystemProvider } from './client-file-system.js';
import { followWorkspaceFolders } from './workspace-folders.js';
import { forgetClosedEditorDocuments } from './closed-documents.js';
import { followConfigurationFiles } from './configuration-files.js';
import { warmUpBuild, warmUpParser } from './warm-up.js';

declare const self: DedicatedWorkerGlobalScope;

const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self));
const { shared } = createWorkflowServices({ connection, fileSystemProvider: () => new ClientFileSystemProvider(connection) });
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
