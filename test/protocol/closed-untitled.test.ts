/**
 * A document that exists only in the editor (`untitled:`) is never read from a file system: when
 * the editor reverts and closes one (VS Code sends the emptied text, then `didClose`) and a
 * settings change makes the server check everything again right after, the server does not ask
 * the client for that document's text (a client may answer with another buffer that took the same
 * `Untitled-N` name), publishes nothing for it once closed, and checks a new document of the same
 * name from the text it was opened with.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
    DidChangeConfigurationNotification,
    DidChangeTextDocumentNotification,
    DidCloseTextDocumentNotification,
    DidOpenTextDocumentNotification,
    DiagnosticSeverity,
} from 'vscode-languageserver-protocol';
import { TestLspClient } from './lsp-client.js';

const ORG = 'team Finance { role Clerk }\nteam Procurement { role Buyer }\n';
const HANDOFF =
    'workflow Handoff {\n  owner Finance\n  step A { owner Finance.Clerk; next B }\n  step B { owner Procurement.Buyer; next Done }\n  end Done\n}\n';
/** What another editor buffer under the same name holds: not a workflow at all. */
const OTHER_BUFFER = '# Ownership matrix\n\n| Workflow | Step |\n';
const UNTITLED = 'untitled:Untitled-1';
const flow = (index: number) =>
    `workflow Flow${index} {\n  owner Finance\n  step A { owner Finance.Clerk; next B via Mail${index} }\n  step B { owner Procurement.Buyer; next Done }\n  end Done\n}\nsystem Mail${index} { owner Finance }\n`;

describe('language server and closed untitled documents', function () {
    this.timeout(30_000);
    let folder: string;
    let client: TestLspClient;
    /** Every URI the server asked the client to read. */
    let reads: string[];
    const settings = (severity: string | undefined) =>
        client.connection.sendNotification(DidChangeConfigurationNotification.type, {
            settings: { workflowArchitect: { severity: severity ? { handoffWithoutChannel: severity } : {} } },
        });

    beforeEach(async () => {
        folder = fs.mkdtempSync(path.join(os.tmpdir(), 'wa-lsp-untitled-'));
        fs.writeFileSync(path.join(folder, 'org.workflow'), ORG);
        // Enough files that a build is still running when the next messages arrive.
        for (let index = 0; index < 40; index++) fs.writeFileSync(path.join(folder, `flow-${index}.workflow`), flow(index));
        client = new TestLspClient();
        reads = [];
        // Answered like a client whose file system knows some other buffer under that name.
        client.connection.onRequest('workflow/fs/readFile', ({ uri }: { uri: string }) => {
            reads.push(uri);
            return uri.startsWith('untitled:') ? OTHER_BUFFER : fs.readFileSync(new URL(uri), 'utf8');
        });
        await client.initialize(folder);
        await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
            textDocument: {
                uri: pathToFileURL(path.join(folder, 'org.workflow')).toString(),
                languageId: 'workflow',
                version: 1,
                text: ORG,
            },
        });
    });
    afterEach(async () => {
        await client.dispose();
        fs.rmSync(folder, { recursive: true, force: true });
    });

    /** Opens the untitled document and waits for its hand-off warning. */
    async function openUntitled(): Promise<void> {
        await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
            textDocument: { uri: UNTITLED, languageId: 'workflow', version: 1, text: HANDOFF },
        });
        const list = await client.diagnosticsFor(UNTITLED, found => found.some(d => d.code === 'handoff-without-channel'));
        assert.equal(list.find(d => d.code === 'handoff-without-channel')!.severity, DiagnosticSeverity.Warning);
    }

    /** What VS Code sends for "revert and close" of an untitled editor: the emptied text, then the close. */
    function revertAndClose(): Array<Promise<void>> {
        return [
            client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
                textDocument: { uri: UNTITLED, version: 2 },
                contentChanges: [{ text: '' }],
            }),
            client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: UNTITLED } }),
        ];
    }

    /** Waits until the server has finished everything sent so far: a request queued behind the writes answers. */
    async function settled(): Promise<void> {
        for (let round = 0; round < 3; round++) {
            await client.connection.sendRequest('workspace/symbol', { query: 'Handoff' });
        }
    }

    it('is not read from the client when a settings change follows its close at once', async () => {
        await openUntitled();
        // Sent together, as an editor does: the server gets them while it is still building.
        await Promise.all([...revertAndClose(), settings('error')]);
        await settled();
        assert.deepEqual(
            reads.filter(uri => uri.startsWith('untitled:')),
            [],
        );
        // What the editor shows for the closed document: nothing.
        assert.deepEqual(await client.diagnosticsFor(UNTITLED), []);
        assert.equal(client.alive, true);
    });

    it('is checked afresh when a new document takes the same name, also across a settings change', async () => {
        await openUntitled();
        // The next untitled editor gets the freed name, and the settings change right after.
        await Promise.all([
            ...revertAndClose(),
            client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
                textDocument: { uri: UNTITLED, languageId: 'workflow', version: 1, text: HANDOFF },
            }),
            settings('error'),
        ]);
        const list = await client.diagnosticsFor(UNTITLED, found =>
            found.some(d => d.code === 'handoff-without-channel' && d.severity === DiagnosticSeverity.Error),
        );
        await settled();
        assert.deepEqual(
            reads.filter(uri => uri.startsWith('untitled:')),
            [],
        );
        assert.ok(!list.some(d => d.code === 'syntax-error'), JSON.stringify(list));
        const last = await client.diagnosticsFor(UNTITLED);
        assert.ok(
            last.some(d => d.code === 'handoff-without-channel' && d.severity === DiagnosticSeverity.Error),
            JSON.stringify(last),
        );
    });
});
