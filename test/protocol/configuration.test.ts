/**
 * The standalone language server reads the workspace folder's `.workflowrc.json` and
 * `.workflowignore` itself: severities apply, ignored files are not loaded, a mistake in the
 * configuration is published on that file, and a watched-file change is followed without a restart.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
    DidChangeWatchedFilesNotification,
    DidOpenTextDocumentNotification,
    DiagnosticSeverity,
    FileChangeType,
} from 'vscode-languageserver-protocol';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { TestLspClient } from './lsp-client.js';

const FLOW =
    'team T { role R }\nteam U { role R }\nworkflow W {\n  owner T\n  step A { owner T.R; next B }\n  step B { owner U.R; next Done }\n  end Done\n}\n';

describe('language server and .workflowrc.json', function () {
    this.timeout(30_000);
    let folder: string;
    let client: TestLspClient;
    const uri = (name: string) => pathToFileURL(path.join(folder, name)).toString();
    const handoff = (list: Diagnostic[]) => list.find(d => d.code === 'handoff-without-channel');

    before(async () => {
        folder = fs.mkdtempSync(path.join(os.tmpdir(), 'wa-lsp-rc-'));
        fs.writeFileSync(path.join(folder, 'flow.workflow'), FLOW);
        fs.mkdirSync(path.join(folder, 'drafts'));
        fs.writeFileSync(path.join(folder, 'drafts', 'draft.workflow'), 'team T { role R }\nworkflow X { owner Nobody }\n');
        fs.writeFileSync(path.join(folder, '.workflowrc.json'), '{ "rules": { "handoff-without-channel": "error" } }');
        fs.writeFileSync(path.join(folder, '.workflowignore'), 'drafts/\n');
        client = new TestLspClient();
        await client.initialize(folder);
        await client.connection.sendNotification(DidOpenTextDocumentNotification.type, {
            textDocument: { uri: uri('flow.workflow'), languageId: 'workflow', version: 1, text: FLOW },
        });
    });
    after(async () => {
        await client.dispose();
        fs.rmSync(folder, { recursive: true, force: true });
    });

    it('applies the severities of the configuration, and does not load ignored files', async () => {
        const list = await client.diagnosticsFor(uri('flow.workflow'), found => handoff(found) !== undefined);
        assert.equal(handoff(list)!.severity, DiagnosticSeverity.Error);
        // The ignored draft would make T a duplicate name.
        assert.deepEqual(
            list.filter(d => d.code === 'duplicate-name'),
            [],
        );
    });

    it('follows a change of the configuration, and publishes its mistakes on it', async () => {
        fs.writeFileSync(
            path.join(folder, '.workflowrc.json'),
            '{\n  "rules": { "handoff-without-channel": "info", "unused": "loud" }\n}\n',
        );
        await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
            changes: [{ uri: uri('.workflowrc.json'), type: FileChangeType.Changed }],
        });
        const list = await client.diagnosticsFor(
            uri('flow.workflow'),
            found => handoff(found)?.severity === DiagnosticSeverity.Information,
        );
        assert.ok(handoff(list));
        const problems = await client.diagnosticsFor(uri('.workflowrc.json'), found => found.length > 0);
        assert.deepEqual(
            problems.map(d => [d.range.start.line, d.severity, d.message]),
            [[1, DiagnosticSeverity.Error, `Unknown severity "loud" for 'unused': use "off", "hint", "info", "warning", "error".`]],
        );

        fs.rmSync(path.join(folder, '.workflowignore'));
        fs.writeFileSync(path.join(folder, '.workflowrc.json'), '{}');
        await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
            changes: [
                { uri: uri('.workflowrc.json'), type: FileChangeType.Changed },
                { uri: uri('.workflowignore'), type: FileChangeType.Deleted },
            ],
        });
        await client.diagnosticsFor(uri('.workflowrc.json'), found => found.length === 0);
        const after = await client.diagnosticsFor(uri('flow.workflow'), found => found.some(d => d.code === 'duplicate-name'));
        assert.equal(handoff(after)!.severity, DiagnosticSeverity.Warning);
        assert.ok(client.alive, client.stderr);
    });
});
