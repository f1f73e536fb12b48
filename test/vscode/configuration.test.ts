/**
 * The workspace configuration in a real VS Code: the examples' `.workflowrc.json` keeps
 * `problems/` out of the workspace, its JSON Schema offers codes and severities, and a change to
 * it is followed without a restart.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { codeOf, discardChanges, labelsOf, openEditor, positionOf, until, waitForDiagnostics, workspaceFile } from './helpers.js';

const RC = () => workspaceFile('.workflowrc.json');

async function readText(uri: vscode.Uri): Promise<string> {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

async function writeText(uri: vscode.Uri, text: string): Promise<void> {
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

describe('Workflow Architect configuration', () => {
    // Earlier suites may leave an example edited in an open editor.
    before(discardChanges);
    afterEach(discardChanges);

    it('opens the examples with zero problems, without the ignored problem files', async () => {
        const flow = await openEditor(workspaceFile('purchase-to-pay.workflow'));
        await waitForDiagnostics(flow.document.uri, list => list.length === 0);
        const folder = vscode.workspace.workspaceFolders![0].uri.toString();
        const inWorkspace = vscode.languages
            .getDiagnostics()
            .filter(([uri, list]) => uri.toString().startsWith(folder) && list.length > 0)
            .map(([uri, list]) => `${uri.path}: ${list.map(codeOf).join(', ')}`);
        assert.deepStrictEqual(inWorkspace, []);
        const matrix = await vscode.commands.executeCommand<vscode.TextDocument>('workflowArchitect.showOwnershipMatrix');
        assert.match(matrix.getText(), /\| PurchaseToPay \|/);
        assert.doesNotMatch(matrix.getText(), /TicketFlow|Endless/);
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });

    it("offers only the examples' own teams after owner, also while an ignored file is open", async () => {
        // An ignored file opened in the editor is still checked, alone.
        const ignored = await openEditor(workspaceFile('problems', 'flow.workflow'));
        await waitForDiagnostics(ignored.document.uri, list => list.some(d => codeOf(d) === 'dead-end'));

        const document = (await openEditor(workspaceFile('purchase-to-pay.workflow'))).document;
        const position = positionOf(document, 'owner Requesters.Employee', 'owner '.length);
        const list = await until(
            () => vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position),
            result => labelsOf(result).includes('Procurement'),
        );
        const owners = labelsOf(list);
        assert.ok(owners.includes('Procurement') && owners.includes('Finance'), owners.join(', '));
        for (const foreign of ['Billing', 'Dormant', 'Sales', 'Support']) {
            assert.ok(!owners.includes(foreign), `${foreign} is a team of the ignored problem files: ${owners.join(', ')}`);
        }
        await vscode.window.showTextDocument(ignored.document);
        await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    });

    it('offers the codes and the severities of the JSON Schema while editing .workflowrc.json', async () => {
        const editor = await openEditor(RC());
        const document = editor.document;
        assert.ok(['json', 'jsonc'].includes(document.languageId), document.languageId);
        const whole = new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length));
        assert.ok(await editor.edit(edit => edit.replace(whole, '{\n  "rules": {\n    \n  }\n}\n')));
        const complete = (position: vscode.Position, expected: string) =>
            until(
                () => vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position),
                result => labelsOf(result).some(label => label.includes(expected)),
            );
        const codes = labelsOf(await complete(new vscode.Position(2, 4), 'handoff-without-channel'));
        assert.ok(
            codes.some(label => label.includes('handoff-without-channel')),
            codes.join(', '),
        );
        assert.ok(
            codes.some(label => label.includes('require-sla')),
            codes.join(', '),
        );

        assert.ok(await editor.edit(edit => edit.insert(new vscode.Position(2, 4), '"handoff-without-channel": ')));
        const severities = labelsOf(await complete(new vscode.Position(2, 4 + '"handoff-without-channel": '.length), 'warning'));
        assert.ok(
            severities.some(label => label.includes('warning')) && severities.some(label => label.includes('off')),
            severities.join(', '),
        );
    });

    it('follows a change of .workflowrc.json: the same finding changes its severity without a restart', async () => {
        const original = await readText(RC());
        const flowUri = workspaceFile('configuration-check.workflow');
        await writeText(
            flowUri,
            'workflow ConfigurationCheck {\n  owner Finance\n  step A { owner Finance.Clerk; next B }\n  step B { owner Procurement.Buyer; next Done }\n  end Done\n}\n',
        );
        try {
            const document = (await openEditor(flowUri)).document;
            const severityOfHandoff = (list: vscode.Diagnostic[]) => list.find(d => codeOf(d) === 'handoff-without-channel')?.severity;
            await waitForDiagnostics(document.uri, list => severityOfHandoff(list) === vscode.DiagnosticSeverity.Warning);

            await writeText(RC(), '{\n  "ignore": ["problems/**"],\n  "rules": { "handoff-without-channel": "error" }\n}\n');
            await waitForDiagnostics(document.uri, list => severityOfHandoff(list) === vscode.DiagnosticSeverity.Error);

            await writeText(RC(), '{\n  "ignore": ["problems/**"],\n  "rules": { "handoff-without-channel": "off" }\n}\n');
            await waitForDiagnostics(document.uri, list => severityOfHandoff(list) === undefined);

            // A bad configuration is reported on the file itself, at the offending value.
            await writeText(RC(), '{\n  "ignore": ["problems/**"],\n  "rules": { "handoff-without-channel": "loud" }\n}\n');
            const problems = await waitForDiagnostics(RC(), list => list.some(d => /Unknown severity "loud"/.test(d.message)));
            const problem = problems.find(d => /Unknown severity/.test(d.message))!;
            assert.strictEqual(problem.range.start.line, 2);
        } finally {
            await writeText(RC(), original);
            await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
            await vscode.workspace.fs.delete(flowUri);
        }
        await waitForDiagnostics(RC(), list => !list.some(d => /Unknown severity/.test(d.message)));
    });
});
