/**
 * The one Node bundle of the package (`dist/node.cjs`), for both Node roles of the extension:
 * desktop VS Code loads it as the extension (`main` in package.json), and
 * `bin/workflow-language-server.cjs` runs it as the language server, both for other editors
 * (`--stdio`) and for the extension, which starts that script as its server process (`--node-ipc`).
 * The two roles share the JSON-RPC and LSP protocol code, so one file carries it once. Each role
 * loads its own part only when started (esbuild turns these dynamic imports into lazy module
 * initialisers): the server process never loads `vscode`, the extension host no server code.
 */
import type * as vscode from 'vscode';
import type { WorkflowExtensionApi } from '../client/extension-common.js';

export async function activate(context: vscode.ExtensionContext): Promise<WorkflowExtensionApi> {
    const extension = await import('../client/extension-node.js');
    return extension.activate(context);
}

export function deactivate(): void {
    // The client is stopped through the context's subscriptions.
}

/** Starts the language server on the transport named on the command line (`--stdio`, `--node-ipc`, …). */
export async function startLanguageServer(): Promise<void> {
    const server = await import('../server/main-node.js');
    server.startNodeLanguageServer();
}
