/**
 * Quick fixes keyed on diagnostic codes, applied to the text: the result must parse and the
 * diagnostic must be gone.
 */
import * as assert from 'node:assert/strict';
import type { CodeAction, TextEdit } from 'vscode-languageserver';
import { IssueCodes } from '../../language/src/validation/issue-codes.js';
import type { TestWorkspace } from '../helpers.js';
import { diagnostics, loadWorkspace } from '../helpers.js';

const ORG = `team Sales { role Rep; role Manager }
team Billing { role Clerk }
system CRM { owner Sales.Manager; access Sales, Billing }
system Ledger { owner Billing.Clerk; access Billing }
system Chat { owner Sales.Manager }
`;

/** The fixes of a code's own, without the suppressions every finding offers (tested in suppressions.test.ts). */
async function actionsFor(workspace: TestWorkspace, fileName: string, code: string): Promise<CodeAction[]> {
    return (await allActionsFor(workspace, fileName, code)).filter(action => !action.title.startsWith('Disable '));
}

async function allActionsFor(workspace: TestWorkspace, fileName: string, code: string): Promise<CodeAction[]> {
    const file = workspace.files[fileName];
    const found = diagnostics(file, code);
    assert.ok(found.length > 0, `the file has a ${code} diagnostic`);
    const actions = await workspace.services.lsp.CodeActionProvider!.getCodeActions(file.document, {
        textDocument: { uri: file.uri },
        range: found[0].range,
        context: { diagnostics: [found[0]] },
    });
    return (actions ?? []) as CodeAction[];
}

function apply(workspace: TestWorkspace, action: CodeAction): Record<string, string> {
    const result: Record<string, string> = {};
    for (const [name, file] of Object.entries(workspace.files)) {
        const doc = file.document.textDocument;
        const edits: TextEdit[] = action.edit?.changes?.[file.uri] ?? [];
        result[name] = [...edits]
            .sort((a, b) => doc.offsetAt(b.range.start) - doc.offsetAt(a.range.start))
            .reduce(
                (text, edit) => text.slice(0, doc.offsetAt(edit.range.start)) + edit.newText + text.slice(doc.offsetAt(edit.range.end)),
                doc.getText(),
            );
    }
    return result;
}

async function applyAndCheck(workspace: TestWorkspace, action: CodeAction, code: string): Promise<Record<string, string>> {
    const texts = apply(workspace, action);
    const after = await loadWorkspace(texts);
    for (const [name, file] of Object.entries(after.files)) {
        assert.deepEqual(
            diagnostics(file, code).map(d => d.message),
            [],
            `${name} after "${action.title}"`,
        );
    }
    return texts;
}

describe('quick fixes', () => {
    it('adds a missing owner, offering the workflow owner first, then the neighbours', async () => {
        const workspace = await loadWorkspace({
            'org.workflow': ORG,
            'flow.workflow': `workflow W {
  owner Sales.Manager
  step A { owner Sales.Rep; next B via CRM }
  step B {
    next C via CRM
  }
  step C { owner Billing.Clerk; next Done }
  end Done
}`,
        });
        const actions = await actionsFor(workspace, 'flow.workflow', IssueCodes.MissingOwner);
        assert.deepEqual(
            actions.map(a => a.title),
            ['Add owner Sales.Manager', 'Add owner Sales.Rep', 'Add owner Billing.Clerk'],
        );
        assert.equal(actions[0].isPreferred, true);
        const texts = await applyAndCheck(workspace, actions[1], IssueCodes.MissingOwner);
        assert.match(texts['flow.workflow'], / {2}step B \{\n {4}owner Sales\.Rep\n {4}next C via CRM\n {2}\}/);
    });

    it('adds an owner inside a one-line block', async () => {
        const workspace = await loadWorkspace({
            'org.workflow': ORG,
            'flow.workflow': 'workflow W { owner Sales; step A { next Done }; end Done }',
        });
        const actions = await actionsFor(workspace, 'flow.workflow', IssueCodes.MissingOwner);
        const texts = await applyAndCheck(workspace, actions[0], IssueCodes.MissingOwner);
        assert.match(texts['flow.workflow'], /step A \{ owner Sales; next Done \}/);
    });

    it('adds via a system both teams may use, explicit ones first', async () => {
        const workspace = await loadWorkspace({
            'org.workflow': ORG,
            'flow.workflow':
                'workflow W { owner Sales; step A { owner Sales.Rep; next B }; step B { owner Billing.Clerk; next Done }; end Done }',
        });
        const actions = await actionsFor(workspace, 'flow.workflow', IssueCodes.HandoffWithoutChannel);
        assert.deepEqual(
            actions.map(a => a.title),
            ['Hand off via CRM', 'Hand off via Chat'],
        );
        const texts = await applyAndCheck(workspace, actions[0], IssueCodes.HandoffWithoutChannel);
        assert.match(texts['flow.workflow'], /next B via CRM \}/);
    });

    it('adds an otherwise branch to each end of the workflow', async () => {
        const workspace = await loadWorkspace({
            'org.workflow': ORG,
            'flow.workflow': `workflow W {
  owner Sales
  decision D {
    owner Sales.Rep
    when "yes" -> Won
  }
  end Won
  end Lost
}`,
        });
        const actions = await actionsFor(workspace, 'flow.workflow', IssueCodes.MissingOtherwise);
        assert.deepEqual(
            actions.map(a => a.title),
            ['Add otherwise -> Won', 'Add otherwise -> Lost'],
        );
        const texts = await applyAndCheck(workspace, actions[1], IssueCodes.MissingOtherwise);
        assert.match(texts['flow.workflow'], / {4}when "yes" -> Won\n {4}otherwise -> Lost\n {2}\}/);
    });

    it('creates a missing role in its team, in the file that declares the team', async () => {
        const workspace = await loadWorkspace({
            'org.workflow': ORG,
            'flow.workflow': 'workflow W { owner Sales.Lead; step A { owner Sales.Rep; next Done }; end Done }',
        });
        const actions = await actionsFor(workspace, 'flow.workflow', IssueCodes.UnresolvedReference);
        assert.deepEqual(
            actions.map(a => a.title),
            ['Create role Lead in team Sales'],
        );
        const texts = await applyAndCheck(workspace, actions[0], IssueCodes.UnresolvedReference);
        assert.match(texts['org.workflow'], /team Sales \{ role Rep; role Manager; role Lead \}/);
    });

    it('creates a missing team and a missing system where teams and systems are declared', async () => {
        const workspace = await loadWorkspace({
            'org.workflow': ORG,
            'flow.workflow': 'workflow W { owner Sales; step A { owner Legal.Counsel; uses Vault; next Done }; end Done }',
        });
        const createTeam = await actionsFor(workspace, 'flow.workflow', IssueCodes.UnresolvedReference);
        assert.deepEqual(
            createTeam.map(a => a.title),
            ['Create team Legal'],
        );
        const texts = apply(workspace, createTeam[0]);
        assert.match(texts['org.workflow'], /\nteam Legal \{\n {2}role Counsel\n\}\n$/);

        const file = workspace.files['flow.workflow'];
        const vault = diagnostics(file, IssueCodes.UnresolvedReference).find(d => d.message.includes('Vault'))!;
        const actions = (await workspace.services.lsp.CodeActionProvider!.getCodeActions(file.document, {
            textDocument: { uri: file.uri },
            range: vault.range,
            context: { diagnostics: [vault] },
        })) as CodeAction[];
        assert.deepEqual(
            actions.map(a => a.title).filter(title => !title.startsWith('Disable ')),
            ['Create system Vault'],
        );
        assert.match(apply(workspace, actions[0])['org.workflow'], /\nsystem Vault \{\n {2}owner Sales\n\}\n$/);
    });

    it('removes an unused declaration with its line', async () => {
        const workspace = await loadWorkspace({
            'org.workflow': 'team Sales {\n  role Rep\n  role Spare\n}\nsystem CRM { owner Sales.Rep }\n',
            'flow.workflow': 'workflow W { owner Sales; step A { owner Sales.Rep; uses CRM; next Done }; end Done }',
        });
        const actions = await actionsFor(workspace, 'org.workflow', IssueCodes.Unused);
        assert.deepEqual(
            actions.map(a => a.title),
            ['Remove unused role Spare'],
        );
        const texts = await applyAndCheck(workspace, actions[0], IssueCodes.Unused);
        assert.equal(texts['org.workflow'], 'team Sales {\n  role Rep\n}\nsystem CRM { owner Sales.Rep }\n');
    });
});
