/**
 * Concurrent request bursts against the bundled server: seeded bursts of hovers, completions,
 * symbols, definitions, formatting and semantic tokens, interleaved with edits, are all answered
 * (a cancelled or outdated request may be refused with an LSP error) and the server keeps running
 * and ends with the diagnostics of the final text.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
    CompletionRequest,
    DefinitionRequest,
    DidChangeTextDocumentNotification,
    DidOpenTextDocumentNotification,
    DocumentFormattingRequest,
    DocumentSymbolRequest,
    HoverRequest,
    ResponseError,
    SemanticTokensRequest,
} from 'vscode-languageserver-protocol';
import { TestLspClient } from '../protocol/lsp-client.js';
import { seededRandom } from '../helpers.js';

describe('request bursts', function () {
    this.timeout(120_000);
    let client: TestLspClient;
    const file = 'examples/purchase-to-pay.workflow';
    const uri = pathToFileURL(path.resolve(file)).toString();
    const text = fs.readFileSync(file, 'utf8');

    before(async () => {
        client = new TestLspClient();
        await client.initialize('examples');
        await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
            textDocument: { uri, languageId: 'workflow', version: 1, text },
        });
    });
    after(async () => client.dispose());

    it('answers every request of 10 seeded bursts of 100, interleaved with edits', async () => {
        let version = 1;
        let current = text;
        for (let burst = 1; burst <= 10; burst++) {
            const next = seededRandom(burst);
            const requests: Array<Promise<unknown>> = [];
            for (let i = 0; i < 100; i++) {
                const lines = current.split('\n');
                const line = Math.floor(next() * lines.length);
                const position = { line, character: Math.floor(next() * (lines[line].length + 1)) };
                const textDocument = { uri };
                switch (Math.floor(next() * 7)) {
                    case 0:
                        requests.push(client.connection.sendRequest(HoverRequest.type, { textDocument, position }));
                        break;
                    case 1:
                        requests.push(client.connection.sendRequest(CompletionRequest.type, { textDocument, position }));
                        break;
                    case 2:
                        requests.push(client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument }));
                        break;
                    case 3:
                        requests.push(client.connection.sendRequest(DefinitionRequest.type, { textDocument, position }));
                        break;
                    case 4:
                        requests.push(
                            client.connection.sendRequest(DocumentFormattingRequest.type, {
                                textDocument,
                                options: { tabSize: 2, insertSpaces: true },
                            }),
                        );
                        break;
                    case 5:
                        requests.push(client.connection.sendRequest(SemanticTokensRequest.type, { textDocument }));
                        break;
                    default: {
                        const at = Math.floor(next() * current.length);
                        current =
                            next() < 0.5 ? current.slice(0, at) + ' x' + current.slice(at) : current.slice(0, at) + current.slice(at + 2);
                        await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
                            textDocument: { uri, version: ++version },
                            contentChanges: [{ text: current }],
                        });
                    }
                }
            }
            const outcomes = await Promise.allSettled(requests);
            for (const outcome of outcomes) {
                if (outcome.status === 'rejected') {
                    assert.ok(outcome.reason instanceof ResponseError, `burst ${burst}: ${String(outcome.reason)}`);
                }
            }
            assert.ok(client.alive, `burst ${burst}: server still running; stderr: ${client.stderr.slice(0, 2000)}`);
        }
        // back to the original text: the diagnostics of a correct file
        await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
            textDocument: { uri, version: version + 1 },
            contentChanges: [{ text }],
        });
        assert.deepEqual(await client.diagnosticsFor(uri, list => list.length === 0, 30_000), []);
    });
});
