/**
 * `workflow/orgMap` from the bundled server over stdio: the map of the whole workspace the client
 * opened, and a team's code lens and hover with its impact.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CodeLensRequest, DidOpenTextDocumentNotification, HoverRequest } from 'vscode-languageserver-protocol';
import type { MarkupContent } from 'vscode-languageserver-protocol';
import type { OrgMapResult } from '../../protocol/lsp-methods.js';
import { OrgMapRequest } from '../../protocol/lsp-methods.js';
import { TestLspClient } from './lsp-client.js';

describe('workflow/orgMap over stdio', function () {
    this.timeout(30_000);
    let client: TestLspClient;
    const orgUri = pathToFileURL(path.resolve('examples/organization.workflow')).toString();
    const orgText = fs.readFileSync('examples/organization.workflow', 'utf8');

    before(async () => {
        client = new TestLspClient();
        await client.initialize('examples');
        await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
            textDocument: { uri: orgUri, languageId: 'workflow', version: 1, text: orgText },
        });
    });
    after(async () => client.dispose());

    it('answers with the teams, pairs and systems of the workspace, and where each workflow is', async () => {
        const { map, workflows } = (await client.connection.sendRequest(OrgMapRequest.method, {})) as OrgMapResult;
        // The server loads examples/ and examples/problems/ (the editor reads every file): the examples' pairs are there.
        const busiest = map.handoffs.find(pair => pair.from === 'Procurement' && pair.to === 'Finance');
        assert.equal(busiest?.count, 3);
        assert.ok(map.teams.some(team => team.name === 'Legal'));
        const purchase = workflows.find(workflow => workflow.name === 'PurchaseToPay');
        assert.equal(purchase?.location?.uri, pathToFileURL(path.resolve('examples/purchase-to-pay.workflow')).toString());
    });

    it('puts the figures of each team in a code lens and in its hover', async () => {
        const lenses = (await client.connection.sendRequest(CodeLensRequest.method, { textDocument: { uri: orgUri } })) as Array<{
            range: { start: { line: number } };
            command?: { title: string };
        }>;
        const financeLine = orgText.split('\n').findIndex(line => line.startsWith('team Finance'));
        const finance = lenses.filter(lens => lens.range.start.line === financeLine).map(lens => lens.command?.title);
        assert.deepEqual(finance, [
            'owns 7 steps in 3 workflows · 5 hand-offs in, 4 out',
            'key people: Finance.alice for Finance.Controller · 1 escalation to it',
            'Organization map',
        ]);
        const hover = (await client.connection.sendRequest(HoverRequest.method, {
            textDocument: { uri: orgUri },
            position: { line: financeLine, character: 'team F'.length },
        })) as { contents: MarkupContent };
        assert.ok(hover.contents.value.includes('owns 7 steps in 3 workflows · 5 hand-offs in, 4 out'), hover.contents.value);
    });
});
