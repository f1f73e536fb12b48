/**
 * A live server agrees with a fresh start: after edits, after closing unsaved documents and
 * whatever the order of `didOpen` and the workspace's loading, the bundled server publishes what
 * a server started on the final files publishes, and answers requests sent during start-up.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
    DidChangeTextDocumentNotification,
    DidCloseTextDocumentNotification,
    DidOpenTextDocumentNotification,
    DocumentSymbolRequest,
    HoverRequest,
    WorkspaceSymbolRequest,
} from 'vscode-languageserver-protocol';
import type { Diagnostic, DocumentSymbol, SymbolInformation } from 'vscode-languageserver-protocol';
import { TestLspClient } from './lsp-client.js';

const summary = (diagnostics: Diagnostic[]) =>
    diagnostics.map(d => `${d.range.start.line}:${d.range.start.character} ${d.code} ${d.message}`).sort();

describe('live server equals a fresh start', function () {
    this.timeout(60_000);
    let dir: string;
    const clients: TestLspClient[] = [];
    const uri = (name: string) => pathToFileURL(path.join(dir, name)).toString();
    const start = async () => {
        const client = new TestLspClient();
        clients.push(client);
        await client.initialize(dir);
        return client;
    };
    const open = (client: TestLspClient, name: string, text: string) =>
        client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
            textDocument: { uri: name.includes(':') ? name : uri(name), languageId: 'workflow', version: 1, text },
        });

    beforeEach(() => {
        dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'wa-live-')));
    });
    afterEach(async () => {
        await Promise.all(clients.splice(0).map(client => client.dispose()));
        fs.rmSync(dir, { recursive: true, force: true });
    });

    it('cites the new line of a namesake after lines are inserted above it', async () => {
        fs.writeFileSync(path.join(dir, 'other.workflow'), 'team Legal { }\n');
        fs.writeFileSync(path.join(dir, 'open.workflow'), 'team Legal { }\n');
        const client = await start();
        await open(client, 'open.workflow', 'team Legal { }\n');
        await client.diagnosticsFor(uri('other.workflow'), list => list.some(d => String(d.message).includes('open.workflow:1)')));
        await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
            textDocument: { uri: uri('open.workflow'), version: 2 },
            contentChanges: [{ text: '// one\n// two\nteam Legal { }\n' }],
        });
        const after = await client.diagnosticsFor(uri('other.workflow'), list =>
            list.some(d => String(d.message).includes('open.workflow:3)')),
        );
        assert.ok(
            after.every(d => !String(d.message).includes('open.workflow:1)')),
            JSON.stringify(after),
        );
    });

    it('links namesakes alike whether didOpen comes before or after the workspace has loaded', async () => {
        const files: Record<string, string> = {
            'b-teams.workflow': 'team Legal { role Counsel }\n',
            'a-teams.workflow': 'team Legal { role Clerk }\n',
            'flow.workflow': 'workflow W {\n  owner Legal.Clerk\n  step A { owner Legal.Counsel; next Done }\n  end Done\n}\n',
        };
        for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
        const early = await start();
        await open(early, 'b-teams.workflow', files['b-teams.workflow']);
        const late = await start();
        await late.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'Legal' }); // answered once the workspace is indexed
        await open(late, 'b-teams.workflow', files['b-teams.workflow']);
        for (const name of Object.keys(files)) {
            const [a, b] = await Promise.all([
                early.diagnosticsFor(uri(name), list => list.length > 0),
                late.diagnosticsFor(uri(name), list => list.length > 0),
            ]);
            // let late updates arrive, then compare what each server shows last
            await new Promise(resolve => setTimeout(resolve, 300));
            assert.deepEqual(summary(await early.diagnosticsFor(uri(name))), summary(await late.diagnosticsFor(uri(name))), name);
            assert.ok(a && b);
        }
        // the file whose URI sorts first wins: Legal.Clerk resolves, Legal.Counsel does not
        const flow = summary(await early.diagnosticsFor(uri('flow.workflow')));
        assert.ok(
            flow.some(line => line.includes('unresolved-reference') && line.includes('Counsel')),
            flow.join('\n'),
        );
    });

    it('forgets an unsaved document when it is closed', async () => {
        fs.writeFileSync(path.join(dir, 'org.workflow'), 'team Legal { }\n');
        const client = await start();
        await open(client, 'org.workflow', 'team Legal { }\n');
        await client.diagnosticsFor(uri('org.workflow'), list => list.length > 0);
        const unsaved = ['untitled:Untitled-1', uri('never-saved.workflow')];
        for (const name of unsaved) {
            await open(client, name, 'team Legal { }\n');
            await client.diagnosticsFor(uri('org.workflow'), list => list.some(d => d.code === 'duplicate-name'));
            await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: name } });
            const after = await client.diagnosticsFor(uri('org.workflow'), list => !list.some(d => d.code === 'duplicate-name'));
            assert.deepEqual(
                after.map(d => d.code),
                ['unused'],
            );
            const symbols = (await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'Legal' })) as SymbolInformation[];
            assert.deepEqual(
                symbols.map(symbol => symbol.location.uri),
                [uri('org.workflow')],
                name,
            );
        }
    });

    it('answers requests sent right after didOpen, while the workspace is still loading', async () => {
        fs.writeFileSync(path.join(dir, 'org.workflow'), 'team Legal { role Clerk }\n');
        const client = new TestLspClient();
        clients.push(client);
        const initialized = client.initialize(dir);
        const outside = 'file:///nowhere/outside.workflow';
        const text = 'workflow W {\n  owner Legal.Clerk\n  step A { owner Legal.Clerk; next Done }\n  end Done\n}\n';
        await initialized;
        await open(client, outside, text);
        await open(client, 'org.workflow', 'team Legal { role Clerk }\n');
        const [symbols, hover, orgSymbols] = await Promise.all([
            client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: outside } }),
            client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: outside }, position: { line: 1, character: 9 } }),
            client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: uri('org.workflow') } }),
        ]);
        assert.deepEqual(
            (symbols as DocumentSymbol[]).map(symbol => symbol.name),
            ['W'],
        );
        assert.ok(hover, 'a hover for Legal');
        assert.deepEqual(
            (orgSymbols as DocumentSymbol[]).map(symbol => symbol.name),
            ['Legal'],
        );
    });
});
