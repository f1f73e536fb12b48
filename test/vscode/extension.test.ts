/**
 * Workflow Architect inside a real VS Code (for the Web here, desktop where it can be
 * downloaded), with the bundled examples as the workspace. Only the `vscode` API is used.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import {
    codeOf,
    EXTENSION_ID,
    labelsOf,
    openEditor,
    openUntitled,
    positionOf,
    until,
    waitForDiagnostics,
    workspaceFile,
} from './helpers.js';

describe('Workflow Architect in VS Code', () => {
    const flowUri = () => workspaceFile('purchase-to-pay.workflow');

    it('activates on a .workflow file, which gets the workflow language', async () => {
        const editor = await openEditor(flowUri());
        assert.strictEqual(editor.document.languageId, 'workflow');
        const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
        assert.ok(extension, `${EXTENSION_ID} is installed`);
        await until(
            async () => extension.isActive,
            active => active,
        );
        assert.strictEqual(extension.isActive, true);
    });

    it('publishes coded diagnostics for a broken edit and clears them when it is fixed', async () => {
        const editor = await openEditor(flowUri());
        const document = editor.document;
        await waitForDiagnostics(document.uri, list => list.length === 0);
        const channel = positionOf(document, 'next Approve via ServiceNow', 'next Approve via '.length);
        const range = new vscode.Range(channel, channel.translate(0, 'ServiceNow'.length));
        assert.ok(await editor.edit(edit => edit.replace(range, 'Fax')));
        const broken = await waitForDiagnostics(document.uri, list => list.length > 0);
        assert.deepStrictEqual(broken.map(codeOf), ['unresolved-reference']);
        assert.strictEqual(broken[0].range.start.line, channel.line);
        assert.strictEqual(broken[0].severity, vscode.DiagnosticSeverity.Error);

        const fixed = new vscode.Range(channel, channel.translate(0, 'Fax'.length));
        assert.ok(await editor.edit(edit => edit.replace(fixed, 'ServiceNow')));
        assert.deepStrictEqual(await waitForDiagnostics(document.uri, list => list.length === 0), []);
        // The example stays as it is on disk.
        await vscode.commands.executeCommand('workbench.action.files.revert');
    });

    it('offers teams and roles after owner, systems after uses, and same-workflow nodes after next', async () => {
        const document = (await openEditor(flowUri())).document;
        const complete = (position: vscode.Position, expected: string) =>
            until(
                () => vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position),
                list => labelsOf(list).includes(expected),
            );

        const owners = labelsOf(await complete(positionOf(document, 'owner Requesters.Employee', 'owner '.length), 'Finance.Controller'));
        assert.ok(owners.includes('Procurement') && owners.includes('Finance.Controller'), owners.join(', '));
        assert.ok(!owners.includes('SAP'), 'systems are not owners');

        const systems = labelsOf(await complete(positionOf(document, 'uses ServiceNow', 'uses '.length), 'SAP'));
        assert.ok(systems.includes('SAP') && systems.includes('Slack'), systems.join(', '));
        assert.ok(!systems.includes('Finance'), 'teams are not systems');

        const nodes = labelsOf(await complete(positionOf(document, 'next Approve', 'next '.length), 'CreateOrder'));
        assert.ok(nodes.includes('CreateOrder') && nodes.includes('Paid'), nodes.join(', '));
        assert.ok(!nodes.includes('Classify'), 'nodes of another workflow are not offered');
    });

    it('goes to a definition in another file', async () => {
        const document = (await openEditor(flowUri())).document;
        const position = positionOf(document, 'owner Finance.Controller', 'owner Fin'.length);
        const locations = await until(
            () =>
                vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>(
                    'vscode.executeDefinitionProvider',
                    document.uri,
                    position,
                ),
            list => (list?.length ?? 0) > 0,
        );
        assert.strictEqual(locations.length, 1);
        const target = locations[0];
        const uri = 'targetUri' in target ? target.targetUri : target.uri;
        assert.ok(uri.path.endsWith('/organization.workflow'), uri.toString());
        const range = 'targetUri' in target ? (target.targetSelectionRange ?? target.targetRange) : target.range;
        const organization = await vscode.workspace.openTextDocument(uri);
        assert.strictEqual(organization.getText(range), 'Finance');
    });

    it('checks an untitled document with names from the workspace', async () => {
        const document = await openUntitled(
            'workflow',
            'workflow Scratch {\n  owner Finance.Controller\n  step Check { owner Finance.alice; next Done }\n  end Done\n}\n',
        );
        await vscode.window.showTextDocument(document);
        const diagnostics = await waitForDiagnostics(document.uri, list => list.length > 0);
        assert.deepStrictEqual(diagnostics.map(codeOf), ['individual-owner']);
    });

    it('forgets an untitled document when it is closed, and keeps checking the others', async () => {
        const declaring = await openUntitled('workflow', 'team Sandbox {\n  role Lead\n}\n');
        await vscode.window.showTextDocument(declaring);
        const using = await openUntitled(
            'workflow',
            'workflow UsesSandbox {\n  owner Sandbox.Lead\n  step Do { owner Sandbox.Lead; next Done }\n  end Done\n}\n',
        );
        await vscode.window.showTextDocument(using);
        await waitForDiagnostics(using.uri, list => list.length === 0);

        await vscode.window.showTextDocument(declaring);
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
        const unresolved = await waitForDiagnostics(using.uri, list => list.some(d => codeOf(d) === 'unresolved-reference'));
        assert.ok(
            unresolved.every(d => d.message.includes('Sandbox')),
            unresolved.map(d => d.message).join('; '),
        );

        // The server is still there: an edit is checked.
        const editor = await vscode.window.showTextDocument(using);
        assert.ok(await editor.edit(edit => edit.insert(new vscode.Position(0, 0), 'team Sandbox { role Lead }\n')));
        await waitForDiagnostics(using.uri, list => list.length === 0);
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });
});

describe('Workflow Architect commands', () => {
    it('shows the ownership matrix of the workspace as a Markdown table', async () => {
        const document = await vscode.commands.executeCommand<vscode.TextDocument>('workflowArchitect.showOwnershipMatrix');
        const text = document.getText();
        assert.strictEqual(document.languageId, 'markdown');
        assert.match(text, /^# Ownership matrix\n\n\| Workflow \| Step \| Kind \| Owner \| Team \|/);
        assert.match(text, /\| PurchaseToPay \| Receive \| step \| Warehouse\.Clerk \| Warehouse \| SAP \|/);
        assert.match(text, /\| Onboarding \| LegalCheck \| decision \|/);
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });
});

describe('Workflow Architect settings', () => {
    afterEach(async () => {
        await vscode.workspace
            .getConfiguration('workflowArchitect')
            .update('severity.handoffWithoutChannel', undefined, vscode.ConfigurationTarget.Global);
    });

    it('applies a severity override for hand-offs without channel while the document is open', async () => {
        const document = await openUntitled(
            'workflow',
            'workflow Handoff {\n  owner Finance\n  step A { owner Finance.Clerk; next B }\n  step B { owner Procurement.Buyer; next Done }\n  end Done\n}\n',
        );
        await vscode.window.showTextDocument(document);
        const before = await waitForDiagnostics(document.uri, list => list.some(d => codeOf(d) === 'handoff-without-channel'));
        assert.strictEqual(before.find(d => codeOf(d) === 'handoff-without-channel')!.severity, vscode.DiagnosticSeverity.Warning);

        await vscode.workspace
            .getConfiguration('workflowArchitect')
            .update('severity.handoffWithoutChannel', 'error', vscode.ConfigurationTarget.Global);
        const after = await waitForDiagnostics(document.uri, list =>
            list.some(d => codeOf(d) === 'handoff-without-channel' && d.severity === vscode.DiagnosticSeverity.Error),
        );
        assert.ok(after.length > 0);
    });
});
