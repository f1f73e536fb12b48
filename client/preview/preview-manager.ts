/**
 * The preview's commands and life cycle, like VS Code's Markdown preview: one preview that
 * follows the active workflow editor and its cursor, restored after a window reload, with
 * export commands for what it shows.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { onGraphChanged } from '../graph-changed.js';
import type { PreviewState, RenderedInfo } from './preview-panel.js';
import { PREVIEW_VIEW_TYPE, PreviewPanel } from './preview-panel.js';
import { saveExport } from '../save-export.js';

export const COMMANDS = {
    openPreview: 'workflowArchitect.openPreview',
    openPreviewToSide: 'workflowArchitect.openPreviewToSide',
    exportSvg: 'workflowArchitect.exportSvg',
    exportPng: 'workflowArchitect.exportPng',
} as const;

/** What the integration tests use to drive and observe the preview. */
export interface PreviewApi {
    readonly current: PreviewPanel | undefined;
    /** Resolves with the next report of a rendered diagram of the open preview. */
    nextRender(timeoutMs?: number): Promise<RenderedInfo>;
}

export class PreviewManager implements vscode.Disposable, PreviewApi {
    private panel: PreviewPanel | undefined;
    private readonly disposables: vscode.Disposable[] = [];

    constructor(
        private readonly context: vscode.ExtensionContext,
        private readonly client: BaseLanguageClient,
    ) {
        this.disposables.push(
            vscode.commands.registerCommand(COMMANDS.openPreview, (uri?: unknown, workflow?: unknown) => this.open(false, uri, workflow)),
            vscode.commands.registerCommand(COMMANDS.openPreviewToSide, (uri?: unknown, workflow?: unknown) =>
                this.open(true, uri, workflow),
            ),
            vscode.commands.registerCommand(COMMANDS.exportSvg, (options?: unknown) => this.export('svg', options)),
            vscode.commands.registerCommand(COMMANDS.exportPng, (options?: unknown) => this.export('png', options)),
            vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
                deserializeWebviewPanel: async (panel, state: unknown) => {
                    const uri = isPreviewState(state) ? state.uri : vscode.window.activeTextEditor?.document.uri.toString();
                    if (!uri) {
                        panel.dispose();
                        return;
                    }
                    this.adopt(panel, { uri, workflow: isPreviewState(state) ? state.workflow : undefined });
                },
            }),
            vscode.window.onDidChangeActiveTextEditor(editor => {
                if (editor && isWorkflow(editor.document)) this.panel?.show(editor.document.uri.toString());
            }),
            vscode.window.onDidChangeTextEditorSelection(event => this.followCursor(event.textEditor)),
            vscode.workspace.onDidChangeConfiguration(event => {
                if (event.affectsConfiguration('workflowArchitect.preview')) void this.panel?.refresh();
            }),
            onGraphChanged(this.client, ({ uri }) => {
                if (uri === this.panel?.uri) this.panel.scheduleRefresh();
            }),
        );
    }

    get current(): PreviewPanel | undefined {
        return this.panel;
    }

    nextRender(timeoutMs = 30_000): Promise<RenderedInfo> {
        return new Promise((resolve, reject) => {
            const panel = this.panel;
            if (!panel) {
                reject(new Error('no preview is open'));
                return;
            }
            const timer = setTimeout(() => {
                subscription.dispose();
                reject(new Error('the preview did not render in time'));
            }, timeoutMs);
            const subscription = panel.onDidRender(info => {
                clearTimeout(timer);
                subscription.dispose();
                resolve(info);
            });
        });
    }

    /** Opens (or moves) the preview for a document: the given one, else the active editor's. */
    async open(toSide: boolean, uriArgument?: unknown, workflowArgument?: unknown): Promise<void> {
        const uri =
            typeof uriArgument === 'string'
                ? uriArgument
                : uriArgument instanceof vscode.Uri
                  ? uriArgument.toString()
                  : vscode.window.activeTextEditor && isWorkflow(vscode.window.activeTextEditor.document)
                    ? vscode.window.activeTextEditor.document.uri.toString()
                    : undefined;
        if (!uri) {
            void vscode.window.showInformationMessage('Open a .workflow file to preview it.');
            return;
        }
        const workflow = typeof workflowArgument === 'string' ? workflowArgument : undefined;
        const column = toSide ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
        if (this.panel) {
            this.panel.panel.reveal(column, toSide);
            this.panel.show(uri, workflow);
            return;
        }
        const panel = vscode.window.createWebviewPanel(
            PREVIEW_VIEW_TYPE,
            'Workflow Preview',
            { viewColumn: column, preserveFocus: toSide },
            {
                enableScripts: true,
                retainContextWhenHidden: false,
                localResourceRoots: [vscode.Uri.joinPath(this.context.extensionUri, 'dist', 'webview')],
            },
        );
        this.adopt(panel, { uri, workflow });
    }

    private adopt(panel: vscode.WebviewPanel, state: PreviewState): void {
        this.panel?.dispose();
        const preview = new PreviewPanel(panel, this.context.extensionUri, this.client, state);
        preview.onDidDispose(() => {
            if (this.panel === preview) this.panel = undefined;
        });
        this.panel = preview;
    }

    private followCursor(editor: vscode.TextEditor): void {
        const panel = this.panel;
        if (!panel || editor.document.uri.toString() !== panel.uri) return;
        const position = editor.selection.active;
        const workflow = panel.workflowAt(position);
        if (workflow && workflow !== panel.workflow) {
            panel.show(panel.uri, workflow);
        }
        panel.highlightAt(position);
    }

    /**
     * Exports what the preview shows. The preview may be hidden behind another tab, where it has no
     * live webview: it is brought back without taking the focus and asked once it has drawn.
     * `{ target }` writes there without asking (for scripts and tests); resolves with where it wrote.
     */
    private async export(format: 'svg' | 'png', options?: unknown): Promise<vscode.Uri | undefined> {
        if (!this.panel && vscode.window.activeTextEditor && isWorkflow(vscode.window.activeTextEditor.document)) await this.open(true);
        const panel = this.panel;
        if (!panel) {
            void vscode.window.showInformationMessage(
                'There is no workflow preview to export: open a .workflow file and run "Workflow: Open Preview" first.',
            );
            return undefined;
        }
        let data: string;
        try {
            await panel.whenDrawn();
            data = await panel.exportAs(format);
        } catch (error) {
            void vscode.window.showErrorMessage(
                `The diagram could not be exported: ${error instanceof Error ? error.message : String(error)}`,
            );
            return undefined;
        }
        const source = vscode.Uri.parse(panel.uri);
        const target = await saveExport(data, format, options, {
            defaultUri: vscode.Uri.joinPath(source, '..', `${panel.workflow ?? 'workflow'}.${format}`),
            title: `Export ${panel.workflow ?? 'diagram'} as ${format.toUpperCase()}`,
        });
        if (!target) return undefined;
        void vscode.window.showInformationMessage(`Exported ${vscode.workspace.asRelativePath(target)}.`);
        return target;
    }

    dispose(): void {
        this.panel?.dispose();
        this.disposables.forEach(disposable => disposable.dispose());
    }
}

function isWorkflow(document: vscode.TextDocument): boolean {
    return document.languageId === 'workflow';
}

function isPreviewState(state: unknown): state is PreviewState {
    return typeof state === 'object' && state !== null && typeof (state as PreviewState).uri === 'string';
}
