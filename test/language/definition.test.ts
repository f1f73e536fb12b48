/**
 * Go-to-definition on every kind of reference, across files, and on both parts of `Team.Role`.
 */
import * as assert from 'node:assert/strict';
import type { TestWorkspace } from '../helpers.js';
import { loadWorkspace } from '../helpers.js';

const ORG_FILE = `team <|Sales|> { role <|Rep|>; person <|bob|> as <|>Rep }
team <|Billing|> { role <|Clerk|> }
system <|CRM|> { owner <|>Sales.<|>Rep }`;

const FLOW_FILE = `workflow <|Main|> {
  owner Sales.<|>bob
  step A { owner <|>Billing.<|>Clerk; uses <|>CRM; next <|>B via <|>CRM }
  decision <|B|> { owner Sales; escalate after 1d to Sales.<|>bob; when "x" -> <|>Done; otherwise -> A }
  step C { owner Sales; calls <|>Main; next Done }
  end <|Done|>
}`;

async function definitionAt(workspace: TestWorkspace, fileName: string, cursor: number) {
    const file = workspace.files[fileName];
    const links = await workspace.services.lsp.DefinitionProvider!.getDefinition(file.document, {
        textDocument: { uri: file.uri },
        position: file.cursors[cursor],
    });
    assert.equal(links?.length, 1, `one definition at cursor ${cursor} of ${fileName}`);
    return links![0];
}

describe('go to definition', () => {
    let workspace: TestWorkspace;
    before(async () => {
        workspace = await loadWorkspace({ 'org.workflow': ORG_FILE, 'flow.workflow': FLOW_FILE });
    });

    const org = () => workspace.files['org.workflow'];
    const flow = () => workspace.files['flow.workflow'];

    // Each case: the file and cursor of the reference, then the file and range of the declaration.
    const cases: Array<[string, string, number, 'org' | 'flow', number]> = [
        ['a role in `person … as`', 'org.workflow', 0, 'org', 1],
        ['the team part of an owner in the same file', 'org.workflow', 1, 'org', 0],
        ['the role part of an owner in the same file', 'org.workflow', 2, 'org', 1],
        ['the person part of a workflow owner, across files', 'flow.workflow', 0, 'org', 2],
        ['the team part of a step owner, across files', 'flow.workflow', 1, 'org', 3],
        ['the role part of a step owner, across files', 'flow.workflow', 2, 'org', 4],
        ['a system after uses, across files', 'flow.workflow', 3, 'org', 5],
        ['a node after next', 'flow.workflow', 4, 'flow', 1],
        ['a system after via, across files', 'flow.workflow', 5, 'org', 5],
        ['an escalation target person, across files', 'flow.workflow', 6, 'org', 2],
        ['a node after ->', 'flow.workflow', 7, 'flow', 2],
        ['a workflow after calls', 'flow.workflow', 8, 'flow', 0],
    ];

    for (const [what, fileName, cursor, targetFile, targetRange] of cases) {
        it(`jumps from ${what}`, async () => {
            const link = await definitionAt(workspace, fileName, cursor);
            const target = targetFile === 'org' ? org() : flow();
            assert.equal(link.targetUri, target.uri);
            assert.deepEqual(link.targetSelectionRange, target.ranges[targetRange]);
        });
    }

    it('marks the team and the role of an owner as separate links', async () => {
        const teamLink = await definitionAt(workspace, 'flow.workflow', 1);
        const roleLink = await definitionAt(workspace, 'flow.workflow', 2);
        assert.notDeepEqual(teamLink.originSelectionRange, roleLink.originSelectionRange);
    });
});
