/**
 * Editing one file keeps the diagnostics of the other files true: workspace-wide checks
 * (`unused`, `duplicate-name`) follow edits elsewhere, and after a series of edits the live
 * workspace reports what a freshly loaded one reports.
 */
import * as assert from 'node:assert/strict';
import { URI } from 'langium';
import { setTextDocument } from 'langium/test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TestWorkspace } from '../helpers.js';
import { diagnostics, loadWorkspace } from '../helpers.js';

async function edit(workspace: TestWorkspace, name: string, text: string, version: number): Promise<void> {
    const uri = workspace.files[name].uri;
    setTextDocument(workspace.services, TextDocument.create(uri, 'workflow', version, text));
    await workspace.services.shared.workspace.DocumentBuilder.update([URI.parse(uri)], []);
}

function summary(workspace: TestWorkspace, name: string): string[] {
    const document = workspace.services.shared.workspace.LangiumDocuments.getDocument(URI.parse(workspace.files[name].uri))!;
    return (document.diagnostics ?? []).map(d => `${d.range.start.line}:${d.range.start.character} ${d.code} ${d.message}`).sort();
}

const ORG = 'team T { role R; role Spare }\nsystem S { owner T.R }\n';

describe('workspace updates', () => {
    it('drops the unused hint in a file when another file starts to use the declaration', async () => {
        const workspace = await loadWorkspace({
            'org.workflow': ORG,
            'flow.workflow': 'workflow W { owner T.R; step A { owner T; uses S; next Done }; end Done }',
        });
        assert.deepEqual(
            diagnostics(workspace.files['org.workflow'], 'unused').map(d => d.message),
            ["Role 'Spare' is never used in the workspace."],
        );

        await edit(workspace, 'flow.workflow', 'workflow W { owner T.Spare; step A { owner T; uses S; next Done }; end Done }', 2);
        assert.deepEqual(
            summary(workspace, 'org.workflow').filter(line => line.includes('unused')),
            [],
        );
    });

    it('reports a duplicate name in a file when another file declares the same name', async () => {
        const workspace = await loadWorkspace({
            'org.workflow': ORG,
            'flow.workflow': 'workflow W { owner T.R; step A { owner T; uses S; next Done }; end Done }',
        });
        await edit(
            workspace,
            'flow.workflow',
            'system T { owner T }\nworkflow W { owner T.R; step A { owner T; uses S; next Done }; end Done }',
            2,
        );
        assert.ok(
            summary(workspace, 'org.workflow').some(line => line.startsWith('0:5 duplicate-name')),
            summary(workspace, 'org.workflow').join('\n'),
        );
    });

    it('ends a series of edits with the diagnostics a fresh workspace computes', async () => {
        const texts = [
            'workflow W { owner T.R; step A { owner T; uses S; next B }; step B { owner U.X; next Done }; end Done }',
            'workflow W { owner T.R; step A { owner T; uses S; next B }; step B { owner T.Spare; next Done }; end Done }',
            'workflow W { owner T.R; step A { owner T; uses S; next B via S }; step B { owner T.Spare; duration 2d; next }',
            'workflow W { owner T.R; sla 1d; step A { owner T; uses S; next B via S }; step B { owner T.Spare; duration 2d; next Done }; end Done }',
        ];
        const live = await loadWorkspace({ 'org.workflow': ORG, 'flow.workflow': texts[0] }, { allowSyntaxErrors: true });
        for (const [index, text] of texts.slice(1).entries()) {
            await edit(live, 'flow.workflow', text, index + 2);
        }
        const fresh = await loadWorkspace({ 'org.workflow': ORG, 'flow.workflow': texts[texts.length - 1] });
        for (const name of ['org.workflow', 'flow.workflow']) {
            assert.deepEqual(summary(live, name), summary(fresh, name), name);
        }
        assert.ok(
            summary(fresh, 'flow.workflow').some(line => line.includes('sla-exceeded')),
            'the final text has a finding to compare',
        );
    });
});

describe('severity settings', () => {
    const TEXT = `team A { role R; person p as R }
team B { role R }
system S { owner A.R }
workflow W { owner A.R; step X { owner A.p; uses S; next Y }; step Y { owner B.R; next Done }; end Done }`;

    it('changes the severity of hand-offs and individual owners, or turns them off, and revalidates', async () => {
        const workspace = await loadWorkspace({ 'main.workflow': TEXT });
        const severities = () => summary(workspace, 'main.workflow');
        assert.ok(severities().some(line => line.includes('handoff-without-channel')));
        const file = workspace.files['main.workflow'];
        const severityOf = (code: string) =>
            workspace.services.shared.workspace.LangiumDocuments.getDocument(URI.parse(file.uri))!
                .diagnostics!.filter(d => d.code === code)
                .map(d => d.severity);
        assert.deepEqual(severityOf('handoff-without-channel'), [2]);

        workspace.services.shared.workspace.ConfigurationProvider.updateConfiguration({
            settings: { workflowArchitect: { severity: { handoffWithoutChannel: 'error', individualOwner: 'off' } } },
        });
        // A read waits for the revalidation that the change queued (a write would cancel it).
        await workspace.services.shared.workspace.WorkspaceLock.read(async () => undefined);
        assert.deepEqual(severityOf('handoff-without-channel'), [1]);
        assert.deepEqual(severityOf('individual-owner'), []);
    });
});
