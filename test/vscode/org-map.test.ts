/**
 * The Organization Map inside VS Code: the command opens it, the server's map is drawn, an edit to
 * a workflow redraws it, and clicking a hand-off in the edge's list selects its transition in the
 * editor. A screenshot of the workbench goes to test-artifacts/.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { WorkflowExtensionApi } from '../../client/extension-common.js';
import { discardChanges, EXTENSION_ID, openEditor, positionOf, until, workspaceFile } from './helpers.js';

async function api(): Promise<WorkflowExtensionApi> {
    const extension = vscode.extensions.getExtension<WorkflowExtensionApi>(EXTENSION_ID)!;
    return extension.isActive ? extension.exports : extension.activate();
}

describe('Organization Map in VS Code', () => {
    /** The example as it was before the test edited it. */
    let original: string | undefined;
    after(async () => {
        await discardChanges();
        // Revealing a hand-off opens the example in a second editor, and closing the editors may
        // save the edit (the test workbench answers the dialog itself): put the example back as it was.
        const document = await vscode.workspace.openTextDocument(workspaceFile('purchase-to-pay.workflow'));
        if (original !== undefined && document.getText() !== original) {
            const edit = new vscode.WorkspaceEdit();
            edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), original);
            await vscode.workspace.applyEdit(edit);
            await document.save();
        }
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    it('draws the workspace’s teams, follows an edit, and reveals a clicked hand-off', async () => {
        const { orgMap } = await api();
        const editor = await openEditor(workspaceFile('purchase-to-pay.workflow'));
        original = editor.document.getText();
        const first = orgMap.nextRender(60_000);
        await vscode.commands.executeCommand('workflowArchitect.openOrgMap');
        const drawn = await first;
        // The examples' seven teams; problems/ holds more teams of its own, so at least seven.
        assert.ok(drawn.teams >= 7, JSON.stringify(drawn));
        const pairs = orgMap.result!.map.handoffs;
        const warehouse = pairs.find(pair => pair.from === 'Warehouse' && pair.to === 'Finance');
        assert.strictEqual(warehouse?.count, 1);
        console.log('screenshot: workbench-org-map');
        await new Promise(resolve => setTimeout(resolve, 1500));

        // Receive hands off to Pay via SAP: pointing it at Invoice (Finance as well) keeps the pair; at a
        // Warehouse step of its own it would vanish. Here the hand-off goes to Clarify (Procurement) instead.
        const at = positionOf(editor.document, 'next Pay via SAP', 'next '.length);
        const redrawn = orgMap.nextRender(60_000);
        await editor.edit(edit => edit.replace(new vscode.Range(at, at.translate(0, 'Pay'.length)), 'Clarify'));
        await redrawn;
        await until(
            async () => orgMap.result!.map.handoffs,
            handoffs => !handoffs.some(pair => pair.from === 'Warehouse' && pair.to === 'Finance'),
        );
        const moved = orgMap.result!.map.handoffs.find(pair => pair.from === 'Warehouse' && pair.to === 'Procurement');
        assert.strictEqual(moved?.count, 1);

        // A click on the edge lists its hand-offs; a click on the first (the only one) reveals its transition.
        // Repeated until the editor shows it: the webview may still be drawing the edited map.
        const selected = await until(
            async () => {
                orgMap.post({ type: 'click', target: `handoff:${moved!.from}>${moved!.to}` });
                await new Promise(resolve => setTimeout(resolve, 300));
                orgMap.post({ type: 'click', target: 'details-0' });
                await new Promise(resolve => setTimeout(resolve, 500));
                const shown = vscode.window.visibleTextEditors.find(candidate => candidate.document === editor.document);
                return shown ? editor.document.getText(shown.selection) : '';
            },
            text => text === 'Clarify via SAP',
        );
        assert.strictEqual(selected, 'Clarify via SAP');
    });
});
