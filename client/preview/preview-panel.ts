/**
 * One preview webview: shows a workflow of a document, follows that document's graph, reveals
 * a clicked node in the editor, and exports what it shows.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import type { Direction } from '../../protocol/diagram-layout.js';
import type { GraphResult } from '../../protocol/lsp-methods.js';
import { GraphRequest } from '../../protocol/lsp-methods.js';
import type { FromWebview, ToWebview } from '../../protocol/webview-messages.js';
import { isFromWebview, modelMessages, plainNotice } from '../../protocol/webview-messages.js';
import { previewHtml } from './preview-html.js';

export const PREVIEW_VIEW_TYPE = 'workflowArchitect.preview';

/** What the webview last reported having drawn. */
export type RenderedInfo = Extract<FromWebview, { type: 'rendered' }>;

export interface PreviewState {
    readonly uri: string;
    readonly workflow?: string;
}

export class PreviewPanel implements vscode.Disposable {
    private readonly disposables: vscode.Disposable[] = [];
    private readonly renderedEmitter = new vscode.EventEmitter<RenderedInfo>();
    private readonly disposeEmitter = new vscode.EventEmitter<void>();
    private readonly refreshedEmitter = new vscode.EventEmitter<GraphResult>();
    private readonly exports = new Map<number, { resolve: (data: string) => void; reject: (error: Error) => void }>();
    private ready = false;
    private nextExport = 0;
    private refreshTimer: ReturnType<typeof setTimeout> | undefined;
    private disposed = false;
    private result: GraphResult | undefined;
    /** Numbers the models posted, so the webview drops the pieces of one a newer one replaced. */
    private modelVersion = 0;
    private highlighted: string | undefined;
    lastRendered: RenderedInfo | undefined;

    readonly onDidRender = this.renderedEmitter.event;
    readonly onDidDispose = this.disposeEmitter.event;

    constructor(
        readonly panel: vscode.WebviewPanel,
        extensionUri: vscode.Uri,
        private readonly client: BaseLanguageClient,
        private state: PreviewState,
    ) {
        panel.webview.options = {
            enableScripts: true,
            localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview')],
        };
        panel.webview.html = previewHtml({
            cspSource: panel.webview.cspSource,
            asset: name => panel.webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', name)).toString(),
            documentUri: state.uri,
        });
        this.updateTitle();
        this.disposables.push(
            panel.webview.onDidReceiveMessage(message => this.receive(message)),
            panel.onDidChangeViewState(() => {
                // A hidden webview is torn down (its context is not retained) and says `ready` again when shown.
                if (!panel.visible) this.hidden();
            }),
            panel.onDidDispose(() => this.dispose()),
        );
    }

    get uri(): string {
        return this.state.uri;
    }

    get workflow(): string | undefined {
        return this.result?.graph?.workflow ?? this.state.workflow;
    }

    get graphResult(): GraphResult | undefined {
        return this.result;
    }

    /** Shows another document (or another workflow of the same one). */
    show(uri: string, workflow?: string): void {
        if (uri === this.state.uri && (workflow === undefined || workflow === this.workflow)) return;
        this.state = { uri, workflow };
        if (uri !== this.result?.graph?.uri) this.result = undefined;
        this.updateTitle();
        void this.refresh();
    }

    /** Fetches the graph again soon: called when the server reports the document changed. */
    scheduleRefresh(delayMs = 60): void {
        clearTimeout(this.refreshTimer);
        this.refreshTimer = setTimeout(() => void this.refresh(), delayMs);
    }

    async refresh(): Promise<void> {
        if (!this.ready) return;
        const requested = this.state;
        const result = await this.client.sendRequest(GraphRequest.type, { uri: requested.uri, workflow: requested.workflow });
        // Closed while the server answered: the webview is gone.
        if (this.disposed || requested !== this.state) return;
        this.result = result;
        this.refreshedEmitter.fire(result);
        // A large model goes in pieces, a message (and a task on the webview's UI thread) each.
        const messages = modelMessages(
            {
                type: 'model',
                uri: requested.uri,
                graph: result.graph,
                workflows: result.workflows.map(({ name, title }) => ({ name, title })),
                syntaxErrors: result.syntaxErrors,
                direction: direction(),
                fileName: fileName(this.state.uri),
                simulation: result.simulation,
            },
            ++this.modelVersion,
        );
        for (const message of messages) this.post(message);
        this.updateTitle();
    }

    /** Highlights the node under the editor's cursor. */
    highlightAt(position: vscode.Position): void {
        const graph = this.result?.graph;
        if (!graph) return;
        const node = graph.nodes.find(candidate => contains(candidate.range, position));
        if (node?.id !== this.highlighted) {
            this.highlighted = node?.id;
            this.post({ type: 'highlight', nodeId: node?.id });
        }
    }

    /** The workflow of this document whose declaration holds the position, if any. */
    workflowAt(position: vscode.Position): string | undefined {
        return this.result?.workflows.find(workflow => contains(workflow.range, position))?.name;
    }

    post(message: ToWebview): void {
        if (this.disposed) return;
        void this.panel.webview.postMessage(message);
    }

    /**
     * Resolves once the webview has drawn a diagram, which an export needs. A hidden preview has
     * no live webview, so it is brought back first, in its own column and without taking the focus.
     */
    whenDrawn(timeoutMs = 30_000): Promise<RenderedInfo> {
        if (!this.panel.visible) this.panel.reveal(undefined, true);
        if (this.lastRendered) return Promise.resolve(this.lastRendered);
        return new Promise((resolve, reject) => {
            const finish = (outcome: () => void) => {
                clearTimeout(timer);
                subscriptions.forEach(subscription => subscription.dispose());
                outcome();
            };
            const timer = setTimeout(() => finish(() => reject(new Error('The preview did not draw the diagram in time.'))), timeoutMs);
            const subscriptions = [
                this.onDidRender(info => finish(() => resolve(info))),
                this.refreshedEmitter.event(result => {
                    if (!result.graph) finish(() => reject(new Error(`${fileName(this.state.uri)} has no workflow to draw.`)));
                }),
            ];
        });
    }

    /** Asks the webview for the diagram as shown, as SVG text or base64 PNG. */
    exportAs(format: 'svg' | 'png'): Promise<string> {
        const requestId = ++this.nextExport;
        return new Promise((resolve, reject) => {
            const timer = setTimeout(() => settle(() => reject(new Error('The preview did not answer the export request.'))), 30_000);
            const settle = (outcome: () => void) => {
                clearTimeout(timer);
                this.exports.delete(requestId);
                outcome();
            };
            this.exports.set(requestId, {
                resolve: data => settle(() => resolve(data)),
                reject: error => settle(() => reject(error)),
            });
            this.post({ type: 'export', requestId, format });
        });
    }

    /** The webview is gone until shown again: nothing is posted to it, and what it has not answered fails now. */
    private hidden(): void {
        this.ready = false;
        this.lastRendered = undefined;
        for (const pending of [...this.exports.values()]) pending.reject(new Error('The preview was hidden before it answered.'));
    }

    private receive(message: unknown): void {
        if (!isFromWebview(message)) return; // malformed or unknown: ignored
        switch (message.type) {
            case 'ready':
                this.ready = true;
                void this.refresh();
                break;
            case 'reveal':
                void this.reveal(message.nodeId);
                break;
            case 'selectWorkflow':
                if (this.result?.workflows.some(workflow => workflow.name === message.workflow)) {
                    this.state = { uri: this.state.uri, workflow: message.workflow };
                    void this.refresh();
                }
                break;
            case 'openOrgMap':
                void vscode.commands.executeCommand('workflowArchitect.openOrgMap');
                break;
            case 'rendered':
                this.lastRendered = message;
                this.renderedEmitter.fire(message);
                break;
            case 'exported':
                this.exports.get(message.requestId)?.resolve(message.data);
                break;
            case 'error': {
                const pending = message.requestId === undefined ? undefined : this.exports.get(message.requestId);
                if (pending)
                    pending.reject(new Error(plainNotice(message.message))); // the export command reports it
                else void vscode.window.showErrorMessage(`Workflow preview: ${plainNotice(message.message)}`);
                break;
            }
        }
    }

    /** Selects the clicked node's name in an editor of the document, opening one beside the preview if needed. */
    private async reveal(nodeId: string): Promise<void> {
        const node = this.result?.graph?.nodes.find(candidate => candidate.id === nodeId);
        if (!node) return;
        const uri = vscode.Uri.parse(this.state.uri);
        const range = new vscode.Range(
            node.nameRange.start.line,
            node.nameRange.start.character,
            node.nameRange.end.line,
            node.nameRange.end.character,
        );
        const visible = vscode.window.visibleTextEditors.find(editor => editor.document.uri.toString() === this.state.uri);
        const editor =
            visible ??
            (await vscode.window.showTextDocument(uri, {
                viewColumn: this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Beside : vscode.ViewColumn.One,
            }));
        editor.selection = new vscode.Selection(range.start, range.end);
        editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }

    private updateTitle(): void {
        const workflow = this.workflow;
        this.panel.title = workflow ? `Preview ${workflow}` : `Preview ${fileName(this.state.uri)}`;
    }

    dispose(): void {
        this.disposed = true;
        clearTimeout(this.refreshTimer);
        for (const pending of [...this.exports.values()]) pending.reject(new Error('The preview was closed before it answered.'));
        this.disposeEmitter.fire();
        this.disposables.forEach(disposable => disposable.dispose());
        this.renderedEmitter.dispose();
        this.refreshedEmitter.dispose();
        this.disposeEmitter.dispose();
    }
}

function direction(): Direction {
    return vscode.workspace.getConfiguration('workflowArchitect').get('preview.direction') === 'down' ? 'DOWN' : 'RIGHT';
}

function fileName(uri: string): string {
    return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}

function contains(
    range: { start: { line: number; character: number }; end: { line: number; character: number } },
    position: vscode.Position,
): boolean {
    const afterStart =
        position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character);
    const beforeEnd = position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
    return afterStart && beforeEnd;
}
