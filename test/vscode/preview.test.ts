/**
 * The flow-graph preview inside VS Code: opens beside the editor, draws the workflow, follows
 * typing, keeps the last good diagram on a syntax error, and a click on a node selects it in the
 * editor. Screenshots in the light and dark themes go to test-artifacts/.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { WorkflowExtensionApi } from '../../client/extension-common.js';
import type { PreviewApi } from '../../client/preview/preview-manager.js';
import type { RenderedInfo } from '../../client/preview/preview-panel.js';
import { discardChanges, EXTENSION_ID, openEditor, positionOf, revert, until, workspaceFile } from './helpers.js';

const EXAMPLE_NODES = [
    'Request',
    'Approve',
    'FinanceReview',
    'CreateOrder',
    'Receive',
    'Invoice',
    'Match',
    'Clarify',
    'Pay',
    'Archive',
    'Paid',
    'Rejected',
];

async function api(): Promise<WorkflowExtensionApi> {
    const extension = vscode.extensions.getExtension<WorkflowExtensionApi>(EXTENSION_ID)!;
    return extension.isActive ? extension.exports : extension.activate();
}

/** The first render from now on that `accept` takes. */
function renderWhere(preview: PreviewApi, accept: (info: RenderedInfo) => boolean, timeoutMs = 30_000): Promise<RenderedInfo> {
    const panel = preview.current;
    if (!panel) return Promise.reject(new Error('no preview is open'));
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
            subscription.dispose();
            reject(new Error('the preview never rendered what was expected'));
        }, timeoutMs);
        const subscription = panel.onDidRender(info => {
            if (!accept(info)) return;
            clearTimeout(timer);
            subscription.dispose();
            resolve(info);
        });
    });
}

/** Asks the test runner for a screenshot of the workbench, and gives it time to take it. */
async function screenshot(name: string): Promise<void> {
    console.log(`screenshot: ${name}`);
    await new Promise(resolve => setTimeout(resolve, 1500));
}

describe('Workflow preview in VS Code', () => {
    after(async () => {
        await vscode.workspace.getConfiguration('workbench').update('colorTheme', undefined, vscode.ConfigurationTarget.Global);
        await discardChanges();
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    it('opens beside the editor and draws every node of the workflow', async () => {
        const { preview } = await api();
        const editor = await openEditor(workspaceFile('purchase-to-pay.workflow'));
        const rendered = preview.current?.lastRendered ? Promise.resolve(preview.current.lastRendered) : undefined;
        await vscode.commands.executeCommand('workflowArchitect.openPreviewToSide');
        const info = await (rendered ?? preview.nextRender());
        assert.deepStrictEqual([...info.nodeIds].sort(), [...EXAMPLE_NODES].sort());
        assert.deepStrictEqual(info.laneIds, ['Requesters', 'Procurement', 'Finance', 'Warehouse']);
        assert.strictEqual(info.workflow, 'PurchaseToPay');
        assert.strictEqual(preview.current?.panel.viewColumn, vscode.ViewColumn.Two);
        assert.strictEqual(editor.viewColumn, vscode.ViewColumn.One);
        await screenshot('workbench-preview-light');
    });

    it("selects a node's declaration in the editor when the node is clicked", async () => {
        const { preview } = await api();
        const editor = vscode.window.visibleTextEditors.find(candidate =>
            candidate.document.uri.path.endsWith('purchase-to-pay.workflow'),
        )!;
        preview.current!.post({ type: 'click', nodeId: 'FinanceReview' });
        const expected = positionOf(editor.document, 'step FinanceReview', 'step '.length);
        await until(
            async () => editor.selection.start.line,
            line => line === expected.line,
            10_000,
        );
        assert.strictEqual(editor.document.getText(editor.selection), 'FinanceReview');
    });

    it('exports the diagram it shows as SVG and PNG', async () => {
        const { preview } = await api();
        const svg = await preview.current!.exportAs('svg');
        assert.match(svg, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<svg /);
        for (const node of EXAMPLE_NODES) assert.ok(svg.includes(`data-id="${node}"`), node);
        const png = await preview.current!.exportAs('png');
        assert.strictEqual(atob(png.slice(0, 8)).slice(1, 4), 'PNG');
    });

    it('exports with the preview hidden behind another tab in its group, and writes the file', async () => {
        const { preview } = await api();
        const panel = preview.current!.panel;
        const flow = vscode.window.visibleTextEditors.find(candidate => candidate.document.uri.path.endsWith('purchase-to-pay.workflow'))!;
        const hideBehind = async () => {
            const other = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language: 'plaintext' }), {
                viewColumn: panel.viewColumn,
                preview: false,
            });
            await until(
                async () => panel.visible,
                visible => !visible,
                10_000,
            );
            assert.strictEqual(panel.visible, false, 'the preview tab is hidden');
            return other.document.uri;
        };
        const targets = [workspaceFile('exported-while-hidden.svg'), workspaceFile('exported-while-hidden.png')];
        const scratch: vscode.Uri[] = [];
        try {
            scratch.push(await hideBehind());
            const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('workflowArchitect.exportSvg', {
                target: targets[0],
            });
            assert.strictEqual(written?.toString(), targets[0].toString());
            const svg = new TextDecoder().decode(await vscode.workspace.fs.readFile(targets[0]));
            assert.match(svg, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<svg /);
            for (const node of EXAMPLE_NODES) assert.ok(svg.includes(`data-id="${node}"`), node);
            assert.strictEqual(panel.visible, true, 'the preview was brought back');

            scratch.push(await hideBehind());
            await vscode.commands.executeCommand('workflowArchitect.exportPng', { target: targets[1] });
            const png = await vscode.workspace.fs.readFile(targets[1]);
            assert.strictEqual(new TextDecoder().decode(png.subarray(1, 4)), 'PNG');
        } finally {
            for (const target of targets) await Promise.resolve(vscode.workspace.fs.delete(target)).catch(() => undefined);
            const tabs = vscode.window.tabGroups.all
                .flatMap(group => group.tabs)
                .filter(
                    tab =>
                        tab.input instanceof vscode.TabInputText &&
                        scratch.some(uri => uri.toString() === (tab.input as vscode.TabInputText).uri.toString()),
                );
            await vscode.window.tabGroups.close(tabs);
            // The next tests open the workflow in the active group, which must be the editor's, not the preview's.
            await vscode.window.showTextDocument(flow.document, flow.viewColumn);
        }
    });

    it('follows typing, and keeps the last good diagram while the text does not parse', async () => {
        const { preview } = await api();
        const editor = await openEditor(workspaceFile('purchase-to-pay.workflow'));
        try {
            const end = positionOf(editor.document, '  end Paid');
            // Renders for earlier states of the text may still arrive first (the server checks each change).
            const added = renderWhere(preview, info => info.nodeIds.includes('Audit'));
            await editor.edit(edit => edit.insert(end, '  step Audit { owner Finance.Controller; next Paid }\n'));
            const grown = await added;
            assert.strictEqual(grown.stale, false);

            const broken = renderWhere(preview, info => info.stale);
            await editor.edit(edit => edit.insert(positionOf(editor.document, '  step Audit'), '  step { '));
            const stale = await broken;
            assert.ok(stale.nodeIds.includes('Audit'), 'still the last good diagram');
        } finally {
            await revert(editor.document);
        }
    });

    it('follows the dark theme', async () => {
        const { preview } = await api();
        await vscode.workspace.getConfiguration('workbench').update('colorTheme', 'Default Dark Modern', vscode.ConfigurationTarget.Global);
        // The workbench applies a theme after the setting is written; on a loaded machine that takes a while.
        await until(
            async () => vscode.window.activeColorTheme.kind,
            kind => kind === vscode.ColorThemeKind.Dark,
            10_000,
        );
        assert.strictEqual(vscode.window.activeColorTheme.kind, vscode.ColorThemeKind.Dark);
        assert.ok(preview.current, 'the preview is still open');
        await screenshot('workbench-preview-dark');
    });

    it('says a preview must be open to export when there is none, and writes nothing', async () => {
        const { preview } = await api();
        await discardChanges();
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        await until(
            async () => preview.current,
            current => current === undefined,
            10_000,
        );
        const target = workspaceFile('exported-without-preview.svg');
        const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('workflowArchitect.exportSvg', { target });
        assert.strictEqual(written, undefined);
        await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(target)), 'no file was written');
    });
});
