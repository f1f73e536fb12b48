/**
 * The bundled language server on hostile documents: giant tokens and the like leave it running
 * and answering.
 */
import * as assert from 'node:assert/strict';
import { DidOpenTextDocumentNotification, DocumentSymbolRequest } from 'vscode-languageserver-protocol';
import type { DocumentSymbol } from 'vscode-languageserver-protocol';
import { TestLspClient } from './lsp-client.js';

describe('language server on hostile input', function () {
    this.timeout(60_000);
    let client: TestLspClient;

    before(async () => {
        client = new TestLspClient();
        await client.initialize('examples');
    });
    after(async () => client.dispose());

    const open = (uri: string, text: string) =>
        client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
            textDocument: { uri, languageId: 'workflow', version: 1, text },
        });

    it('survives a title of millions of characters and an unterminated string as long', async () => {
        const title = 'file:///hostile/title.workflow';
        const unterminated = 'file:///hostile/unterminated.workflow';
        await open(title, `team T "${'x'.repeat(4_300_000)}" { role R }\n`);
        await open(unterminated, `team U "${'x'.repeat(6_000_000)}\n`);
        const diagnostics = await client.diagnosticsFor(unterminated, list => list.length > 0, 30_000);
        assert.ok(diagnostics.some(d => d.code === 'syntax-error'));
        const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, {
            textDocument: { uri: title },
        })) as DocumentSymbol[];
        assert.deepEqual(
            symbols.map(symbol => symbol.name),
            ['T'],
        );
        assert.ok(client.alive, `server still running; stderr: ${client.stderr.slice(0, 2000)}`);
    });
});
