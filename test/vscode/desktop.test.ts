/**
 * What only the desktop path has: `file:` documents that other programs change on disk, the
 * language server as a process of its own that the client restarts when it dies, and workspace
 * folders added and removed while everything runs. Skipped in VS Code for the Web.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { WorkflowExtensionApi } from '../../client/extension-common.js';
import { desktopHost, type DesktopHost } from './desktop-host.js';
import {
    codeOf,
    discardChanges,
    EXTENSION_ID,
    openEditor,
    openUntitled,
    positionOf,
    until,
    waitForDiagnostics,
    workspaceFile,
} from './helpers.js';

/** `State.Running` of vscode-languageclient. */
const RUNNING = 2;
/** The script the client starts as its server process. */
const SERVER_SCRIPT = 'bin/workflow-language-server.cjs';

/** Replaces every `from` with `to` in a file, from another process. */
const REPLACE_SCRIPT = `const fs = require('fs'); const [file, from, to] = process.argv.slice(1);
fs.writeFileSync(file, fs.readFileSync(file, 'utf8').split(from).join(to));`;

async function api(): Promise<WorkflowExtensionApi> {
    const extension = vscode.extensions.getExtension<WorkflowExtensionApi>(EXTENSION_ID)!;
    return extension.isActive ? extension.exports : extension.activate();
}

const unresolvedOne = (name: string) => (d: vscode.Diagnostic) => codeOf(d) === 'unresolved-reference' && d.message.includes(`'${name}'`);
const unresolved = (name: string) => (list: vscode.Diagnostic[]) => list.some(unresolvedOne(name));

describe('Workflow Architect on the desktop (Node extension host, files on disk)', function () {
    let host: DesktopHost;

    before(function () {
        const provided = desktopHost();
        if (!provided || vscode.workspace.workspaceFolders?.[0]?.uri.scheme !== 'file') this.skip();
        host = provided;
    });

    beforeEach(async () => {
        await discardChanges();
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    after(async () => {
        await discardChanges();
    });

    // Files no other test edits: the outcome must not depend on the tests before.
    it('checks again when another program changes a closed file on disk', async () => {
        const retention = (await openEditor(workspaceFile('records-retention.workflow'))).document;
        await waitForDiagnostics(retention.uri, list => list.length === 0);
        const systems = workspaceFile('systems.workflow');
        assert.ok(
            !vscode.workspace.textDocuments.some(document => document.uri.toString() === systems.toString()),
            'systems.workflow is not open',
        );
        try {
            host.runOtherProcess(REPLACE_SCRIPT, [systems.fsPath, 'system Archive ', 'system RecordStore ']);
            // `uses Archive`, `via Archive` and `automated by Archive` no longer resolve: the server read the file again.
            const broken = await waitForDiagnostics(retention.uri, list => list.filter(unresolvedOne('Archive')).length === 3);
            const line = positionOf(retention, 'uses Archive').line;
            assert.ok(
                broken.some(d => d.range.start.line === line),
                broken.map(d => `${d.range.start.line}: ${d.message}`).join('; '),
            );
        } finally {
            host.runOtherProcess(REPLACE_SCRIPT, [systems.fsPath, 'system RecordStore ', 'system Archive ']);
        }
        assert.deepStrictEqual(await waitForDiagnostics(retention.uri, list => list.length === 0), []);
    });

    it('follows an open file that another program changes on disk', async () => {
        const onboarding = (await openEditor(workspaceFile('onboarding.workflow'))).document;
        await waitForDiagnostics(onboarding.uri, list => list.length === 0);
        try {
            host.runOtherProcess(REPLACE_SCRIPT, [onboarding.uri.fsPath, 'next LegalCheck via DocuSign', 'next LegalCheck via Fax']);
            await until(
                async () => onboarding.getText(),
                text => text.includes('via Fax'),
            );
            assert.ok(onboarding.getText().includes('via Fax'), 'the editor shows the text on disk');
            const broken = await waitForDiagnostics(onboarding.uri, unresolved('Fax'));
            assert.ok(
                broken.every(d => codeOf(d) === 'unresolved-reference'),
                broken.map(d => d.message).join('; '),
            );
        } finally {
            host.runOtherProcess(REPLACE_SCRIPT, [onboarding.uri.fsPath, 'next LegalCheck via Fax', 'next LegalCheck via DocuSign']);
        }
        assert.deepStrictEqual(await waitForDiagnostics(onboarding.uri, list => list.length === 0), []);
        assert.strictEqual(onboarding.isDirty, false);
    });

    it('restarts the language server when its process is killed, and checks documents again', async () => {
        const { client } = await api();
        const document = await openUntitled(
            'workflow',
            'workflow Restart {\n  owner Finance.Controller\n  step Check { owner Finance.alice; next Done }\n  end Done\n}\n',
        );
        const editor = await vscode.window.showTextDocument(document);
        await waitForDiagnostics(document.uri, list => list.some(d => codeOf(d) === 'individual-owner'));
        const before = host.childProcesses(SERVER_SCRIPT);
        assert.strictEqual(before.length, 1, `one server process, found ${JSON.stringify(before)}`);

        host.kill(before[0]);
        const after = await until(
            async () => host.childProcesses(SERVER_SCRIPT),
            pids => pids.length === 1 && pids[0] !== before[0] && client.state === RUNNING,
            60_000,
        );
        assert.strictEqual(after.length, 1, 'a new server process');
        assert.notStrictEqual(after[0], before[0]);
        assert.strictEqual(client.state, RUNNING, 'the client is running again');

        // The new server has the workspace and the open documents: an edit gets its diagnostics.
        await waitForDiagnostics(document.uri, list => list.some(d => codeOf(d) === 'individual-owner'), 60_000);
        const owner = document.positionAt(document.getText().indexOf('Finance.alice'));
        assert.ok(
            await editor.edit(edit => edit.replace(new vscode.Range(owner, owner.translate(0, 'Finance.alice'.length)), 'Finance.Nobody')),
        );
        const diagnostics = await waitForDiagnostics(document.uri, unresolved('Nobody'));
        assert.ok(!diagnostics.some(d => codeOf(d) === 'individual-owner'), diagnostics.map(d => d.message).join('; '));
    });

    it('loads the files of a workspace folder added while it runs, and drops them when the folder is removed', async () => {
        const folder = vscode.Uri.file(host.makeFolder());
        host.writeFile(vscode.Uri.joinPath(folder, 'audit.workflow').fsPath, 'team Audit "Internal audit" {\n  role Lead\n}\n');
        const document = await openUntitled(
            'workflow',
            'workflow Review {\n  owner Audit.Lead\n  step Sample { owner Audit.Lead; next Done }\n  end Done\n}\n',
        );
        await vscode.window.showTextDocument(document);
        const changed = () =>
            new Promise<void>(resolve => {
                const subscription = vscode.workspace.onDidChangeWorkspaceFolders(() => {
                    subscription.dispose();
                    resolve();
                });
            });
        try {
            await waitForDiagnostics(document.uri, unresolved('Audit'));
            const count = vscode.workspace.workspaceFolders?.length ?? 0;
            const added = changed();
            assert.ok(vscode.workspace.updateWorkspaceFolders(count, 0, { uri: folder, name: 'audit' }), 'the folder can be added');
            await added;
            assert.strictEqual(vscode.workspace.workspaceFolders?.[count]?.uri.toString(), folder.toString());
            assert.deepStrictEqual(await waitForDiagnostics(document.uri, list => list.length === 0), []);

            const removed = changed();
            assert.ok(vscode.workspace.updateWorkspaceFolders(count, 1), 'the folder can be removed');
            await removed;
            assert.strictEqual(vscode.workspace.workspaceFolders?.length, count);
            await waitForDiagnostics(document.uri, unresolved('Audit'));
        } finally {
            const index = vscode.workspace.workspaceFolders?.findIndex(candidate => candidate.uri.toString() === folder.toString()) ?? -1;
            if (index >= 0) vscode.workspace.updateWorkspaceFolders(index, 1);
            host.removeFolder(folder.fsPath);
        }
    });
});
