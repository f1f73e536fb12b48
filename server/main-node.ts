/**
 * The language server for Node: VS Code desktop starts it over IPC, other editors run
 * `workflow-language-server --stdio`. The transport is chosen from the command line by
 * `vscode-languageserver` (`--stdio`, `--node-ipc`, `--socket=N`).
 */
import { NodeFileSystem } from 'langium/node';
import { startLanguageServer } from 'langium/lsp';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createWorkflowServices } from '../language/src/workflow-module.js';

const connection = createConnection(ProposedFeatures.all);
const { shared } = createWorkflowServices({ connection, ...NodeFileSystem });
startLanguageServer(shared);
