/**
 * The bundled language server over stdio, driven by a real LSP client: it loads the workspace,
 * publishes diagnostics with their codes, answers completion and definition across files, and
 * survives malformed requests.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
    CodeActionRequest,
    CodeLensRequest,
    CompletionRequest,
    DefinitionRequest,
    DidChangeTextDocumentNotification,
    DidOpenTextDocumentNotification,
    DocumentFormattingRequest,
    DocumentSymbolRequest,
    HoverRequest,
    ReferencesRequest,
    RenameRequest,
    SemanticTokensRequest,
} from 'vscode-languageserver-protocol';
import type {
    CodeAction,
    CompletionItem,
    CompletionList,
    DocumentSymbol,
    Location,
    LocationLink,
    MarkupContent,
} from 'vscode-languageserver-protocol';
import { TestLspClient } from './lsp-client.js';

const fileUri = (file: string) => pathToFileURL(path.resolve(file)).toString();

describe('language server over stdio', function () {
    this.timeout(30_000);
    let client: TestLspClient;
    const flowUri = fileUri('examples/purchase-to-pay.workflow');
    const flowText = fs.readFileSync('examples/purchase-to-pay.workflow', 'utf8');

    before(async () => {
        client = new TestLspClient();
        await client.initialize('examples');
        await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
            textDocument: { uri: flowUri, languageId: 'workflow', version: 1, text: flowText },
        });
    });
    after(async () => client.dispose());

    it('publishes no findings for a correct file whose names live in other files', async () => {
        assert.deepEqual(await client.diagnosticsFor(flowUri), []);
    });

    it('publishes coded diagnostics after an edit, and clears them after the fix', async () => {
        const broken = flowText.replace('next Approve via ServiceNow', 'next Approve via Fax');
        await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
            textDocument: { uri: flowUri, version: 2 },
            contentChanges: [{ text: broken }],
        });
        const found = await client.diagnosticsFor(flowUri, list => list.length > 0);
        assert.deepEqual(
            found.map(d => d.code),
            ['unresolved-reference'],
        );
        assert.equal(
            found[0].range.start.line,
            flowText.split('\n').findIndex(line => line.includes('next Approve via')),
        );

        await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
            textDocument: { uri: flowUri, version: 3 },
            contentChanges: [{ text: flowText }],
        });
        assert.deepEqual(await client.diagnosticsFor(flowUri, list => list.length === 0), []);
    });

    it('completes owners with teams and roles declared in another file', async () => {
        const line = flowText.split('\n').findIndex(text => text.includes('owner Requesters.Employee'));
        const character = flowText.split('\n')[line].indexOf('Requesters');
        const result = (await client.connection.sendRequest(CompletionRequest.type, {
            textDocument: { uri: flowUri },
            position: { line, character },
        })) as CompletionList | CompletionItem[];
        const labels = (Array.isArray(result) ? result : result.items).map(item => item.label);
        assert.ok(labels.includes('Finance.Controller') && labels.includes('Procurement'), labels.join(', '));
        assert.ok(!labels.includes('SAP'));
    });

    it('jumps to a team declared in another file', async () => {
        const line = flowText.split('\n').findIndex(text => text.includes('owner Finance.Controller'));
        const character = flowText.split('\n')[line].indexOf('Finance') + 2;
        const result = (await client.connection.sendRequest(DefinitionRequest.type, {
            textDocument: { uri: flowUri },
            position: { line, character },
        })) as Array<Location | LocationLink>;
        const target = result[0] as LocationLink;
        assert.equal(target.targetUri, fileUri('examples/organization.workflow'));
        const orgLines = fs.readFileSync('examples/organization.workflow', 'utf8').split('\n');
        assert.match(orgLines[target.targetSelectionRange.start.line], /^team Finance/);
    });

    it('answers hover, references, rename, formatting, code actions, symbols and code lenses', async () => {
        const lines = flowText.split('\n');
        const at = (needle: string, shift = 0) => {
            const line = lines.findIndex(text => text.includes(needle));
            return { line, character: lines[line].indexOf(needle) + shift };
        };
        const textDocument = { uri: flowUri };

        const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument, position: at('Finance.Controller', 9) });
        assert.match((hover?.contents as MarkupContent).value, /\*\*role\*\* `Finance\.Controller`/);

        const references = await client.connection.sendRequest(ReferencesRequest.type, {
            textDocument,
            position: at('uses SAP', 6),
            context: { includeDeclaration: true },
        });
        assert.ok(
            (references ?? []).some(ref => ref.uri === fileUri('examples/systems.workflow')),
            'the declaration in another file',
        );
        assert.ok((references ?? []).filter(ref => ref.uri === flowUri).length >= 5);

        const rename = await client.connection.sendRequest(RenameRequest.type, {
            textDocument,
            position: at('step Pay', 6),
            newName: 'Settle',
        });
        assert.equal(rename?.changes?.[flowUri]?.length, 3, 'the declaration and its two uses');
        await assert.rejects(
            client.connection.sendRequest(RenameRequest.type, { textDocument, position: at('step Pay', 6), newName: 'Receive' }),
            /already has a node named 'Receive'/,
        );

        const formatting = await client.connection.sendRequest(DocumentFormattingRequest.type, {
            textDocument,
            options: { tabSize: 2, insertSpaces: true },
        });
        assert.deepEqual(formatting, [], 'the example is already in canonical layout');

        const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument })) as DocumentSymbol[];
        assert.equal(symbols[0].name, 'PurchaseToPay');
        assert.ok(symbols[0].children!.some(child => child.name === 'Clarify'));

        const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument });
        assert.match(lenses?.[0].command?.title ?? '', /steps · \d+ teams · \d+ hand-offs · critical path .+ \/ SLA 10d/);

        const tokens = await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument });
        assert.ok((tokens?.data.length ?? 0) > 100, 'semantic tokens for the whole file');
    });

    it('offers a quick fix for a diagnostic it published', async () => {
        const broken = flowText.replace('next Approve via ServiceNow', 'next Approve');
        await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
            textDocument: { uri: flowUri, version: 10 },
            contentChanges: [{ text: broken }],
        });
        const [handoff] = await client.diagnosticsFor(flowUri, list => list.some(d => d.code === 'handoff-without-channel'));
        const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
            textDocument: { uri: flowUri },
            range: handoff.range,
            context: { diagnostics: [handoff] },
        })) as CodeAction[];
        assert.ok(
            actions.some(action => action.title === 'Hand off via ServiceNow'),
            actions.map(a => a.title).join(', '),
        );
        await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
            textDocument: { uri: flowUri, version: 11 },
            contentChanges: [{ text: flowText }],
        });
        await client.diagnosticsFor(flowUri, list => list.length === 0);
    });

    it('answers malformed requests with errors or empty results, and keeps running', async () => {
        const farAway = { line: 10_000, character: 5 };
        const outcomes = await Promise.allSettled([
            client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: flowUri }, position: farAway }),
            client.connection.sendRequest(DefinitionRequest.type, {
                textDocument: { uri: 'file:///nowhere/missing.workflow' },
                position: { line: 0, character: 0 },
            }),
            client.connection.sendRequest('textDocument/hover', { textDocument: { uri: flowUri } }),
            client.connection.sendRequest('workflow/noSuchMethod', {}),
        ]);
        assert.equal(outcomes.length, 4);
        assert.equal(outcomes[3].status, 'rejected', 'unknown methods are refused');
        assert.ok(client.alive, `server still running; stderr: ${client.stderr}`);
        const labels = await client.connection.sendRequest(CompletionRequest.type, {
            textDocument: { uri: flowUri },
            position: { line: 3, character: 8 },
        });
        assert.ok(labels, 'still answers after the malformed requests');
    });
});
