// Simulation inside VS Code: the workflow's code lens carries the simulated P80 and the share
// over the SLA, and the problems file shows `sla-at-risk` through the real client.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { codeOf, openEditor, until, waitForDiagnostics, workspaceFile } from './helpers.js';

/** Asks the test runner for a screenshot of the workbench, and gives it time to take it. */
async function screenshot(name: string): Promise<void> {
    console.log(`screenshot: ${name}`);
    await new Promise(resolve => setTimeout(resolve, 1500));
}

describe('Simulation in VS Code', () => {
    after(async () => {
        await vscode.workspace.getConfiguration('workbench').update('colorTheme', undefined, vscode.ConfigurationTarget.Global);
    });

    it('shows the simulated P80 against the SLA in the code lens of a workflow with estimates', async () => {
        const editor = await openEditor(workspaceFile('purchase-to-pay.workflow'));
        const lenses = await until(
            () => vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri, 10),
            found => (found ?? []).some(lens => /P80/.test(lens.command?.title ?? '')),
        );
        const title = lenses.map(lens => lens.command?.title ?? '').find(text => text.includes('P80'))!;
        assert.match(title, /critical path 3d 9h \/ SLA 10d · P80 \d+d( \d+h)?( \d+m)? \/ SLA 10d · (<0\.1|\d+(\.\d)?)% over$/);
        await vscode.commands.executeCommand('workbench.action.closeOtherEditors');
        await screenshot('simulation-codelens-light');
        await vscode.workspace.getConfiguration('workbench').update('colorTheme', 'Default Dark Modern', vscode.ConfigurationTarget.Global);
        await new Promise(resolve => setTimeout(resolve, 1000));
        await screenshot('simulation-codelens-dark');
        await vscode.workspace.getConfiguration('workbench').update('colorTheme', undefined, vscode.ConfigurationTarget.Global);
    });

    it('reports sla-at-risk on the sla clause of the problems file', async () => {
        const document = (await openEditor(workspaceFile('problems', 'estimates.workflow'))).document;
        const diagnostics = await waitForDiagnostics(document.uri, found => found.some(d => codeOf(d) === 'sla-at-risk'));
        const risk = diagnostics.find(d => codeOf(d) === 'sla-at-risk')!;
        assert.strictEqual(document.getText(risk.range), 'sla 5d');
        assert.match(risk.message, /^Simulation puts P80 at .*, over the SLA of 5d: \d+% of runs take longer/);
    });
});
