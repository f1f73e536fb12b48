/**
 * The language server as a web worker, for VS Code for the Web. Files are read through the
 * client (`ClientFileSystemProvider`), since a worker has no file system.
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { createWorkflowServices } from '../language/src/workflow-module.js';
import { ClientFileSystemProvider } from './client-file-system.js';
import { serveWorkflowLanguage } from './serve.js';

declare const self: DedicatedWorkerGlobalScope;

const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self));
const { shared } = createWorkflowServices({ connection, fileSystemProvider: () => new ClientFileSystemProvider(connection) });
serveWorkflowLanguage(connection, shared);
