/**
 * A real LSP client for tests: starts the bundled `workflow-language-server --stdio` as a child
 * process and talks JSON-RPC to it, collecting the diagnostics it publishes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { MessageConnection } from 'vscode-languageserver-protocol/node';
import {
    createMessageConnection,
    InitializedNotification,
    InitializeRequest,
    PublishDiagnosticsNotification,
    StreamMessageReader,
    StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import type { Diagnostic } from 'vscode-languageserver-protocol';

export const SERVER_BIN = path.resolve('bin/workflow-language-server.cjs');

export class TestLspClient {
    readonly connection: MessageConnection;
    private readonly child: ChildProcess;
    private readonly diagnostics = new Map<string, Diagnostic[]>();
    /** Every publication of each document, in order. */
    readonly publications = new Map<string, Diagnostic[][]>();
    private readonly waiters: Array<() => void> = [];
    stderr = '';

    constructor() {
        this.child = spawn(process.execPath, [SERVER_BIN, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
        this.child.stderr!.on('data', chunk => {
            this.stderr += String(chunk);
        });
        this.connection = createMessageConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
        this.connection.onNotification(PublishDiagnosticsNotification.type, params => {
            this.diagnostics.set(params.uri, params.diagnostics);
            this.publications.set(params.uri, [...(this.publications.get(params.uri) ?? []), params.diagnostics]);
            this.waiters.splice(0).forEach(wake => wake());
        });
        this.connection.listen();
    }

    async initialize(folder: string): Promise<void> {
        const uri = pathToFileURL(path.resolve(folder)).toString();
        await this.connection.sendRequest(InitializeRequest.type, {
            processId: process.pid,
            rootUri: uri,
            capabilities: {},
            workspaceFolders: [{ uri, name: path.basename(folder) }],
        });
        await this.connection.sendNotification(InitializedNotification.type, {});
    }

    /** Resolves with the diagnostics of a document once `accept` holds for them (or rejects after a timeout). */
    async diagnosticsFor(
        uri: string,
        accept: (diagnostics: Diagnostic[]) => boolean = () => true,
        timeoutMs = 10_000,
    ): Promise<Diagnostic[]> {
        const deadline = Date.now() + timeoutMs;
        for (;;) {
            const current = this.diagnostics.get(uri);
            if (current && accept(current)) {
                return current;
            }
            if (Date.now() > deadline) {
                throw new Error(`no matching diagnostics for ${uri}; last: ${JSON.stringify(current)}`);
            }
            await new Promise<void>(resolve => {
                this.waiters.push(resolve);
                setTimeout(resolve, 200);
            });
        }
    }

    get alive(): boolean {
        return this.child.exitCode === null && !this.child.killed;
    }

    async dispose(): Promise<void> {
        try {
            await Promise.race([this.connection.sendRequest('shutdown'), new Promise(resolve => setTimeout(resolve, 2000))]);
            this.connection.sendNotification('exit');
        } catch {
            // the server may already be gone
        }
        this.connection.dispose();
        this.child.kill();
    }
}
