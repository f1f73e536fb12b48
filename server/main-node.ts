/**
 * The language server for Node: VS Code desktop starts it over IPC, other editors run
 * `workflow-language-server --stdio` (both through bin/workflow-language-server.cjs and the Node
 * bundle, bundles/node.ts). The transport is chosen from the command line by
 * `vscode-languageserver` (`--stdio`, `--node-ipc`, `--socket=N`). Local files are read from
 * disk; files of virtual workspaces through the VS Code client.
 */
import { NodeFileSystemProvider } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createWorkflowServices } from '../language/src/workflow-module.js';
import { ClientFileSystemProvider } from './client-file-system.js';
import { SchemeFileSystemProvider } from './scheme-file-system.js';
import { serveWorkflowLanguage } from './serve.js';

// The transports `createConnection` reads from the command line; without one it would throw.
const TRANSPORTS = /^--(stdio|node-ipc|socket|pipe)(=.+)?$/;

/** Starts the server over the transport named on the command line; exits with 2 when none is. */
export function startNodeLanguageServer(): void {
    if (!process.argv.slice(2).some(argument => TRANSPORTS.test(argument))) {
        process.stderr.write(
            'workflow-language-server: no transport given; run `workflow-language-server --stdio` (or --node-ipc, --socket=PORT, --pipe=NAME)\n',
        );
        process.exit(2);
    }
    const connection = createConnection(ProposedFeatures.all);
    const fileSystemProvider = () => new SchemeFileSystemProvider(new NodeFileSystemProvider(), new ClientFileSystemProvider(connection));
    const { shared } = createWorkflowServices({ connection, fileSystemProvider });
    serveWorkflowLanguage(connection, shared);
}
