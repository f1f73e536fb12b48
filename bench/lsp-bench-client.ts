/**
 * An LSP client for the server benchmark: starts a language server as a child process on stdio,
 * as an editor does, and times what an editor waits for — a document's `publishDiagnostics`
 * after a `didOpen` or `didChange`, and request round trips.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { MessageConnection } from 'vscode-languageserver-protocol/node';
import {
    createMessageConnection,
    DidChangeTextDocumentNotification,
    DidOpenTextDocumentNotification,
    InitializedNotification,
    InitializeRequest,
    PublishDiagnosticsNotification,
    StreamMessageReader,
    StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import type { PublishDiagnosticsParams, Position } from 'vscode-languageserver-protocol';

export class BenchLspClient {
    readonly connection: MessageConnection;
    private readonly child: ChildProcess;
    /** How many times each document's diagnostics were published. */
    private readonly published = new Map<string, number>();
    private readonly waiters: Array<(params: PublishDiagnosticsParams) => void> = [];
    private readonly versions = new Map<string, number>();

    /** `command` runs with node: the bundled server, or a baseline script with its node options. */
    constructor(command: string[]) {
        this.child = spawn(process.execPath, command, { stdio: ['pipe', 'pipe', 'inherit'] });
        this.connection = createMessageConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
        this.connection.onNotification(PublishDiagnosticsNotification.type, (params: PublishDiagnosticsParams) => {
            this.published.set(params.uri, (this.published.get(params.uri) ?? 0) + 1);
            this.waiters.splice(0).forEach(wake => wake(params));
        });
        this.connection.listen();
    }

    async initialize(folder: string): Promise<void> {
        const uri = pathToFileURL(folder).toString();
        await this.connection.sendRequest(InitializeRequest.type, {
            processId: process.pid,
            rootUri: uri,
            capabilities: { textDocument: { completion: { completionItem: { snippetSupport: true } } } },
            workspaceFolders: [{ uri, name: 'bench' }],
        });
        await this.connection.sendNotification(InitializedNotification.type, {});
    }

    /** Milliseconds from sending `didOpen` to the document's next diagnostics. */
    open(uri: string, text: string): Promise<number> {
        this.versions.set(uri, 1);
        return this.timeToDiagnostics(uri, () =>
            this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
                textDocument: { uri, languageId: 'workflow', version: 1, text },
            }),
        );
    }

    /** Milliseconds from sending an incremental `didChange` (the range replaced by `insert`) to the document's next diagnostics. */
    change(uri: string, start: Position, end: Position, insert: string): Promise<number> {
        const version = (this.versions.get(uri) ?? 1) + 1;
        this.versions.set(uri, version);
        return this.timeToDiagnostics(uri, () =>
            this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
                textDocument: { uri, version },
                contentChanges: [{ range: { start, end }, text: insert }],
            }),
        );
    }

    private async timeToDiagnostics(uri: string, send: () => Promise<void>): Promise<number> {
        const before = this.published.get(uri) ?? 0;
        const arrived = new Promise<void>(resolve => {
            const wait = () =>
                this.waiters.push(params => (params.uri === uri && (this.published.get(uri) ?? 0) > before ? resolve() : wait()));
            wait();
        });
        const start = performance.now();
        await send();
        await arrived;
        return performance.now() - start;
    }

    /** Resolves once diagnostics of every one of the documents have been published. */
    async allPublished(uris: string[]): Promise<void> {
        while (!uris.every(uri => this.published.has(uri))) {
            await new Promise<void>(resolve => this.waiters.push(() => resolve()));
        }
    }

    /** Resident memory of the server process, in bytes (Linux). */
    rss(): number {
        const status = fs.readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
        return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
    }

    async dispose(): Promise<void> {
        try {
            await Promise.race([this.connection.sendRequest('shutdown'), new Promise(resolve => setTimeout(resolve, 2000))]);
            await this.connection.sendNotification('exit');
        } catch {
            // the server may already be gone
        }
        this.connection.dispose();
        this.child.kill();
    }
}
