/**
 * The Organization Map view: one webview panel showing the map of the whole workspace, fetched
 * with `workflow/orgMap` and fetched again whenever the server reports a validated document (so
 * it follows edits in any file). A clicked hand-off, team or workflow is revealed in the editor;
 * the map exports to SVG and PNG like the preview.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import type { OrgMapResult } from '../../protocol/lsp-methods.js';
import { OrgMapRequest } from '../../protocol/lsp-methods.js';
import { onGraphChanged } from '../graph-changed.js';
import type { SourceLocation } from '../../protocol/org-map.js';
import type { FromOrgMap, ToOrgMap } from '../../protocol/org-map-messages.js';
import { isFromOrgMap, plainNotice } from '../../protocol/org-map-messages.js';
import { orgMapHtml } from './org-map-html.js';
import { saveExport } from '../save-export.js';

export const ORG_MAP_VIEW_TYPE = 'workflowArchitect.orgMap';

export const ORG_MAP_COMMANDS = {
    open: 'workflowArchitect.openOrgMap',
    exportSvg: 'workflowArchitect.exportOrgMapSvg',
    exportPng: 'workflowArchitect.exportOrgMapPng',
} as const;

export type OrgMapRendered = Extract<FromOrgMap, { type: 'rendered' }>;

/** What the integration tests use to drive and observe the view. */
export interface OrgMapApi {
    readonly result: OrgMapResult | undefined;
    readonly lastRendered: OrgMapRendered | undefined;
    nextRender(timeoutMs?: number): Promise<OrgMapRendered>;
    post(message: ToOrgMap): void;
}

export class OrgMapView implements vscode.Disposable, OrgMapApi {
    private panel: vscode.WebviewPanel | undefined;
    private panelDisposables: vscode.Disposable[] = [];
    private readonly disposables: vscode.Disposable[] = [];
    private readonly rendered = new vscode.EventEmitter<OrgMapRendered>();
    private readonly exports = new Map<number, (answer: { data?: string; error?: string }) => void>();
    private nextExport = 0;
    private ready = false;
    private refreshTimer: ReturnType<typeof setTimeout> | undefined;
    result: OrgMapResult | undefined;
    lastRendered: OrgMapRendered | undefined;

    constructor(
        private readonly context: vscode.ExtensionContext,
        private readonly client: BaseLanguageClient,
    ) {
        this.disposables.push(
            vscode.commands.registerCommand(ORG_MAP_COMMANDS.open, () => this.open()),
            vscode.commands.registerCommand(ORG_MAP_COMMANDS.exportSvg, (options?: unknown) => this.export('svg', options)),
            vscode.commands.registerCommand(ORG_MAP_COMMANDS.exportPng, (options?: unknown) => this.export('png', options)),
            onGraphChanged(this.client, () => this.scheduleRefresh()),
            this.rendered,
        );
    }

    /** Opens the map beside the editor, or shows it where it is. */
    open(): void {
        if (this.panel) {
            this.panel.reveal(undefined, false);
            return;
        }
        const root = vscode.Uri.joinPath(this.context.extensionUri, 'dist', 'webview');
        const panel = vscode.window.createWebviewPanel(
            ORG_MAP_VIEW_TYPE,
            'Organization Map',
            { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false },
            { enableScripts: true, retainContextWhenHidden: false, localResourceRoots: [root] },
        );
        panel.webview.html = orgMapHtml({
            cspSource: panel.webview.cspSource,
            asset: name => panel.webview.asWebviewUri(vscode.Uri.joinPath(root, name)).toString(),
        });
        this.panel = panel;
        this.panelDisposables = [
            panel.webview.onDidReceiveMessage(message => this.receive(message)),
            panel.onDidChangeViewState(() => {
                if (!panel.visible) this.ready = false; // torn down until shown again; it says `ready` then
            }),
            panel.onDidDispose(() => this.closed()),
        ];
    }

    nextRender(timeoutMs = 30_000): Promise<OrgMapRendered> {
        return new Promise((resolve, reject) => {
            const timer = setTimeout(() => {
                subscription.dispose();
                reject(new Error('the organization map did not render in time'));
            }, timeoutMs);
            const subscription = this.rendered.event(info => {
                clearTimeout(timer);
                subscription.dispose();
                resolve(info);
            });
        });
    }

    post(message: ToOrgMap): void {
        if (this.panel && this.ready) void this.panel.webview.postMessage(message);
    }

    private scheduleRefresh(delayMs = 150): void {
        if (!this.panel) return;
        clearTimeout(this.refreshTimer);
        this.refreshTimer = setTimeout(() => void this.refresh(), delayMs);
    }

    private async refresh(): Promise<void> {
        if (!this.panel || !this.ready) return;
        const result = await this.client.sendRequest(OrgMapRequest.type, {});
        if (!this.panel) return;
        this.result = result;
        this.post({ type: 'model', map: result.map });
    }

    private receive(message: unknown): void {
        if (!isFromOrgMap(message)) return;
        switch (message.type) {
            case 'ready':
                this.ready = true;
                void this.refresh();
                break;
            case 'rendered':
                this.lastRendered = message;
                this.rendered.fire(message);
                break;
            case 'revealHandoff':
                void reveal(this.result?.map.handoffs[message.pair]?.handoffs[message.index]?.location);
                break;
            case 'revealWorkflow':
                void reveal(this.result?.workflows.find(workflow => workflow.name === message.workflow)?.location);
                break;
            case 'revealTeam':
                void reveal(this.result?.map.teams.find(team => team.name === message.team)?.location);
                break;
            case 'exportRequested':
                void vscode.commands.executeCommand(message.format === 'svg' ? ORG_MAP_COMMANDS.exportSvg : ORG_MAP_COMMANDS.exportPng);
                break;
            case 'exported':
                this.exports.get(message.requestId)?.({ data: message.data });
                break;
            case 'error':
                if (message.requestId !== undefined && this.exports.has(message.requestId)) {
                    this.exports.get(message.requestId)!({ error: plainNotice(message.message) });
                } else {
                    void vscode.window.showErrorMessage(`Organization map: ${plainNotice(message.message)}`);
                }
                break;
        }
    }

    /** Asks the webview for the map as shown; `{ target }` writes there without asking (scripts and tests). */
    private async export(format: 'svg' | 'png', options?: unknown): Promise<vscode.Uri | undefined> {
        if (!this.panel) this.open();
        if (!this.lastRendered || !this.ready) await this.nextRender();
        const requestId = ++this.nextExport;
        const answer = await new Promise<{ data?: string; error?: string }>(resolve => {
            const timer = setTimeout(() => resolve({ error: 'The map did not answer the export request.' }), 30_000);
            this.exports.set(requestId, outcome => {
                clearTimeout(timer);
                this.exports.delete(requestId);
                resolve(outcome);
            });
            this.post({ type: 'export', requestId, format });
        });
        if (answer.data === undefined) {
            void vscode.window.showErrorMessage(`The organization map could not be exported: ${answer.error}`);
            return undefined;
        }
        const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
        const target = await saveExport(answer.data, format, options, {
            defaultUri: folder ? vscode.Uri.joinPath(folder, `organization-map.${format}`) : undefined,
            title: `Export the organization map as ${format.toUpperCase()}`,
        });
        return target;
    }

    private closed(): void {
        this.panel = undefined;
        this.ready = false;
        this.lastRendered = undefined;
        clearTimeout(this.refreshTimer);
        for (const settle of [...this.exports.values()]) settle({ error: 'The map was closed before it answered.' });
        this.panelDisposables.forEach(disposable => disposable.dispose());
        this.panelDisposables = [];
    }

    dispose(): void {
        this.panel?.dispose();
        this.disposables.forEach(disposable => disposable.dispose());
    }
}

/** Selects the location's text in an editor of its document, opening one if none shows it. */
async function reveal(location: SourceLocation | undefined): Promise<void> {
    if (!location) return;
    const { start, end } = location.range;
    const range = new vscode.Range(start.line, start.character, end.line, end.character);
    const visible = vscode.window.visibleTextEditors.find(editor => editor.document.uri.toString() === location.uri);
    const editor = visible ?? (await vscode.window.showTextDocument(vscode.Uri.parse(location.uri), { viewColumn: vscode.ViewColumn.One }));
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
