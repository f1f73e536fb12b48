/**
 * Start-up through the bundled server: every file of the workspace gets its diagnostics without
 * any file being opened, and also when a file is opened while the first build is under way
 * (whichever comes first, the files read at start-up or the editor's `didOpen`).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DidOpenTextDocumentNotification } from 'vscode-languageserver-protocol';
import { TestLspClient } from './lsp-client.js';

const ORGANIZATION = 'team Sales "Sales" {\n  role Rep\n}\n';
/** A workflow file with one finding of its own (`unresolved-reference`), so that its publication is told apart from an empty one. */
const workflow = (name: string) =>
    `workflow ${name} "Flow ${name}" {\n  owner Sales.Rep\n  step A "Do" {\n    owner Sales.Rep\n    duration 1h\n    next Nowhere\n  }\n  end Done "Done"\n}\n`;

function workspaceOf(files: number): { folder: string; uris: string[] } {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'workflow-start-up-'));
    fs.writeFileSync(path.join(folder, 'organization.workflow'), ORGANIZATION);
    const uris = [pathToFileURL(path.join(folder, 'organization.workflow')).toString()];
    for (let i = 0; i < files; i++) {
        const file = path.join(folder, `flow${i}.workflow`);
        fs.writeFileSync(file, workflow(`Flow${i}`));
        uris.push(pathToFileURL(file).toString());
    }
    return { folder, uris };
}

const hasUnresolved = (diagnostics: Array<{ code?: unknown }>) => diagnostics.some(d => d.code === 'unresolved-reference');

describe('start-up', function () {
    this.timeout(60_000);
    const folders: string[] = [];
    after(() => folders.forEach(folder => fs.rmSync(folder, { recursive: true, force: true })));

    it('publishes every file of the workspace with no file open', async () => {
        const { folder, uris } = workspaceOf(20);
        folders.push(folder);
        const client = new TestLspClient();
        try {
            await client.initialize(folder);
            assert.deepEqual(await client.diagnosticsFor(uris[0]), []);
            for (const uri of uris.slice(1)) assert.ok(hasUnresolved(await client.diagnosticsFor(uri, hasUnresolved)), uri);
        } finally {
            await client.dispose();
        }
    });

    it('publishes every file when one is opened at any moment of the first build', async () => {
        // The `didOpen` goes after a delay from none to past the build's start: before the files
        // are read, while the first build parses them, and after.
        for (const delay of [0, 5, 20, 60, 150]) {
            const { folder, uris } = workspaceOf(60);
            folders.push(folder);
            const client = new TestLspClient();
            try {
                await client.initialize(folder);
                await new Promise(resolve => setTimeout(resolve, delay));
                const opened = uris[30];
                await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
                    textDocument: { uri: opened, languageId: 'workflow', version: 1, text: fs.readFileSync(new URL(opened), 'utf8') },
                });
                for (const uri of uris.slice(1)) {
                    assert.ok(hasUnresolved(await client.diagnosticsFor(uri, hasUnresolved)), `${uri}, opened after ${delay} ms`);
                }
            } finally {
                await client.dispose();
            }
        }
    });
});
