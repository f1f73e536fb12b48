/**
 * The desktop extension (loaded through bundles/node.ts, `main`): the language server runs as a
 * Node child process over IPC, started from the same script other editors run.
 */
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { serveFileSystem } from './client-file-system.js';
import { activateWith, clientOptions, type WorkflowExtensionApi } from './extension-common.js';

export async function activate(context: vscode.ExtensionContext): Promise<WorkflowExtensionApi> {
    const module = context.asAbsolutePath('bin/workflow-language-server.cjs');
    const serverOptions: ServerOptions = {
        run: { module, transport: TransportKind.ipc },
        // `Attach to Language Server` in .vscode/launch.json connects to this port.
        debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
    };
    const client = new LanguageClient('workflowArchitect', 'Workflow Architect', serverOptions, clientOptions());
    // Files of virtual workspaces reach the server through `workspace.fs`.
    return activateWith(context, client, serveFileSystem);
}
