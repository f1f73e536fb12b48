/**
 * The impact in the editor: two lines appended to the hover of a team, role, person or system, and
 * a code lens above each team with its figures from the organization map.
 */
import * as assert from 'node:assert/strict';
import type { MarkedFile, TestWorkspace } from '../helpers.js';
import { loadWorkspace } from '../helpers.js';

const ORG = `team <|>Finance { role <|>Controller; role Clerk; person <|>alice "Alice" as Controller }
team Buying { role Buyer }
system <|>Ledger { owner Finance.Controller }`;

// Review (Finance.Controller, held by alice alone) → Order (Buying) via Ledger; Order → Pay (Finance.Clerk) without
// channel; Pay → Done is no hand-off. Review escalates to alice.
const FLOW = `workflow P {
  owner Buying.Buyer
  step Review { owner Finance.Controller; escalate after 1d to Finance.alice; next Order via Ledger }
  step Order { owner Buying.Buyer; uses Ledger; next Pay }
  step Pay { owner Finance.Clerk; uses Ledger; next Done }
  end Done
}`;

async function hoverAt(workspace: TestWorkspace, file: MarkedFile, cursor: number): Promise<string> {
    const hover = await workspace.services.lsp.HoverProvider!.getHoverContent(file.document, {
        textDocument: { uri: file.uri },
        position: file.cursors[cursor],
    });
    return (hover?.contents as { value: string }).value;
}

describe('impact in hovers and code lenses', () => {
    let workspace: TestWorkspace;
    before(async () => {
        workspace = await loadWorkspace({ 'org.workflow': ORG, 'flow.workflow': FLOW });
    });

    it('appends a team’s figures and key people to its hover', async () => {
        const text = await hoverAt(workspace, workspace.files['org.workflow'], 0);
        // Finance owns Review and Pay; Order → Pay comes in, Review → Order goes out.
        assert.ok(
            text.endsWith(
                'owns 2 steps in 1 workflow · 1 hand-off in, 1 out  \nkey people: Finance.alice for Finance.Controller · 1 escalation to it',
            ),
            text,
        );
    });

    it('names a person as key person for the role only they hold', async () => {
        const text = await hoverAt(workspace, workspace.files['org.workflow'], 2);
        assert.ok(
            text.endsWith('owns 1 step in 1 workflow · 0 hand-offs in, 1 out  \nkey person for Finance.Controller · 1 escalation to it'),
            text,
        );
        const role = await hoverAt(workspace, workspace.files['org.workflow'], 1);
        assert.ok(role.endsWith('key person: held only by Finance.alice'), role);
    });

    it('tells what a system carries and what would be left without it', async () => {
        const text = await hoverAt(workspace, workspace.files['org.workflow'], 3);
        // Order and Pay use only Ledger; Review → Order runs through it.
        assert.ok(
            text.endsWith(
                'used by 2 steps in 1 workflow · 1 hand-off through it  \nwithout it: 2 steps with no system, 1 hand-off with no channel',
            ),
            text,
        );
    });

    it('puts the figures above each team, with a lens that opens the map', async () => {
        const file = workspace.files['org.workflow'];
        const lenses = await workspace.services.lsp.CodeLensProvider!.provideCodeLens(file.document, { textDocument: { uri: file.uri } });
        assert.deepEqual(
            lenses?.map(lens => [lens.range.start.line, lens.command?.title, lens.command?.command]),
            [
                [0, 'owns 2 steps in 1 workflow · 1 hand-off in, 1 out', ''],
                [0, 'key people: Finance.alice for Finance.Controller · 1 escalation to it', ''],
                [0, 'Organization map', 'workflowArchitect.openOrgMap'],
                [1, 'owns 1 step in 1 workflow · 1 hand-off in, 1 out', ''],
                [1, 'Organization map', 'workflowArchitect.openOrgMap'],
            ],
        );
    });
});
