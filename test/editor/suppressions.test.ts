/**
 * Editing around suppressions: the quick fixes that silence a finding on its line or in the file
 * (indented like the line, or added to the comment already there), the removal of an unused
 * suppression, the `sla` fix of `require-sla`, and completion of codes inside a suppression comment.
 */
import * as assert from 'node:assert/strict';
import type { CodeAction, TextEdit } from 'vscode-languageserver';
import type { CompletionItem } from 'vscode-languageserver-types';
import { roundUpToUnit } from '../../language/src/lsp/workflow-code-actions.js';
import { IssueCodes } from '../../language/src/validation/issue-codes.js';
import type { MarkedFile, TestWorkspace, WorkspaceOptions } from '../helpers.js';
import { diagnostics, loadText, ORG } from '../helpers.js';

async function actions(workspace: TestWorkspace & { main: MarkedFile }, code: string): Promise<CodeAction[]> {
    const [found] = diagnostics(workspace.main, code);
    assert.ok(found, `the file has a ${code} diagnostic`);
    const list = await workspace.services.lsp.CodeActionProvider!.getCodeActions(workspace.main.document, {
        textDocument: { uri: workspace.main.uri },
        range: found.range,
        context: { diagnostics: [found] },
    });
    return (list ?? []) as CodeAction[];
}

function applied(workspace: TestWorkspace & { main: MarkedFile }, action: CodeAction): string {
    const doc = workspace.main.document.textDocument;
    const edits: TextEdit[] = action.edit?.changes?.[workspace.main.uri] ?? [];
    return [...edits]
        .sort((a, b) => doc.offsetAt(b.range.start) - doc.offsetAt(a.range.start))
        .reduce(
            (text, edit) => text.slice(0, doc.offsetAt(edit.range.start)) + edit.newText + text.slice(doc.offsetAt(edit.range.end)),
            doc.getText(),
        );
}

/** Applies the fix titled `title` and builds the result again: the code must be gone and nothing new reported. */
async function fixAndRecheck(text: string, code: string, title: string, options?: WorkspaceOptions): Promise<string> {
    const workspace = await loadText(text, options);
    const before = diagnostics(workspace.main).length;
    const action = (await actions(workspace, code)).find(candidate => candidate.title === title);
    assert.ok(action, `a fix titled "${title}"`);
    const after = applied(workspace, action);
    const again = await loadText(after, options);
    assert.deepEqual(diagnostics(again.main, code), [], after);
    assert.deepEqual(diagnostics(again.main, IssueCodes.UnusedSuppression), [], after);
    assert.equal(diagnostics(again.main).length, before - 1, after);
    return after;
}

const HANDOFF = `${ORG}
workflow W {
  owner Sales
  step A {
    owner Sales.Rep
    next B
  }
  step B { owner Billing.Clerk; next Done }
  end Done
}
`;

describe('suppression quick fixes', () => {
    it('silences a finding on its line, with a comment indented like the line', async () => {
        const after = await fixAndRecheck(HANDOFF, IssueCodes.HandoffWithoutChannel, 'Disable handoff-without-channel for this line');
        assert.match(after, /\n {4}owner Sales\.Rep\n {4}\/\/ workflow-disable-next-line handoff-without-channel\n {4}next B\n/);
    });

    it('adds the code to a suppression comment already above the line', async () => {
        const text = HANDOFF.replace('    next B', '    // workflow-disable-next-line unreachable\n    next B').replace(
            '  step B { owner Billing.Clerk; next Done }\n  end Done',
            '  step B { owner Billing.Clerk; next Done }\n  step Z { owner Sales.Rep; next Done }\n  end Done',
        );
        const workspace = await loadText(text);
        const action = (await actions(workspace, IssueCodes.HandoffWithoutChannel)).find(a => a.title.endsWith('for this line'))!;
        assert.match(applied(workspace, action), /\/\/ workflow-disable-next-line unreachable, handoff-without-channel\n {4}next B/);
    });

    it('silences a finding in the whole file', async () => {
        const after = await fixAndRecheck(HANDOFF, IssueCodes.HandoffWithoutChannel, 'Disable handoff-without-channel for the entire file');
        assert.ok(after.startsWith('// workflow-disable handoff-without-channel\n'), after);
    });

    it('offers no suppression for syntax-error', async () => {
        const workspace = await loadText('workflow {', { allowSyntaxErrors: true });
        assert.deepEqual(await actions(workspace, IssueCodes.SyntaxError), []);
    });

    it('removes an unused suppression: the whole comment line, or one code of several', async () => {
        const alone = await fixAndRecheck(
            HANDOFF.replace('  step A {', '  // workflow-disable-next-line dead-end\n  step A {'),
            IssueCodes.UnusedSuppression,
            'Remove unused suppression',
        );
        assert.doesNotMatch(alone, /workflow-disable/);
        const text = HANDOFF.replace('    next B', '    // workflow-disable-next-line dead-end, handoff-without-channel\n    next B');
        const several = await fixAndRecheck(text, IssueCodes.UnusedSuppression, 'Remove unused suppression');
        assert.match(several, /\/\/ workflow-disable-next-line handoff-without-channel\n {4}next B/);
    });
});

describe('require-sla quick fix', () => {
    const rc = '{ "rules": { "require-sla": "warning" } }';

    it('adds the critical path as sla, rounded up to a whole unit, after the owner', async () => {
        const text = `${ORG}
workflow W {
  owner Sales
  trigger "A customer asks"
  step A { owner Sales.Rep; duration 1d; next B via CRM }
  step B { owner Sales.Rep; duration 5h; next Done }
  end Done
}
`;
        const after = await fixAndRecheck(text, IssueCodes.RequireSla, 'Add sla 2d (the critical path, rounded up)', { rc });
        assert.match(after, /trigger "A customer asks"\n {2}sla 2d\n {2}step A/);
    });

    it('writes a one-line workflow on one line, and offers nothing without durations', async () => {
        const after = await fixAndRecheck(
            `${ORG}workflow W { owner Sales; step A { owner Sales.Rep; duration 90m; next Done }; end Done }\n`,
            IssueCodes.RequireSla,
            'Add sla 2h (the critical path, rounded up)',
            { rc },
        );
        assert.match(after, /workflow W \{ owner Sales; sla 2h; step A/);
        const none = await loadText(`${ORG}workflow W { owner Sales; step A { owner Sales.Rep; next Done }; end Done }\n`, { rc });
        assert.deepEqual(
            (await actions(none, IssueCodes.RequireSla)).map(a => a.title).filter(title => !title.startsWith('Disable')),
            [],
        );
    });

    it('rounds up to minutes, hours or days', () => {
        assert.deepEqual([45, 60, 61, 24 * 60, 24 * 60 + 1, 10 * 24 * 60].map(roundUpToUnit), ['45m', '1h', '2h', '1d', '2d', '10d']);
    });
});

describe('completion in suppression comments', () => {
    async function completeAt(text: string): Promise<CompletionItem[]> {
        const workspace = await loadText(`${ORG}${text}`, { allowSyntaxErrors: true });
        const list = await workspace.services.lsp.CompletionProvider!.getCompletion(workspace.main.document, {
            textDocument: { uri: workspace.main.uri },
            position: workspace.main.cursors[0],
        });
        return list?.items ?? [];
    }

    it('offers the codes after a directive, without those already named, replacing the word typed', async () => {
        const items = await completeAt('// workflow-disable-next-line unused, hand<|>\n');
        const labels = items.map(item => item.label);
        assert.ok(labels.includes('handoff-without-channel'), labels.join(', '));
        assert.ok(labels.includes('require-sla'), labels.join(', '));
        assert.ok(!labels.includes('unused'), 'already named');
        assert.ok(!labels.includes('syntax-error'), 'cannot be silenced');
        const edit = items.find(item => item.label === 'handoff-without-channel')!.textEdit as TextEdit;
        assert.equal(edit.range.end.character - edit.range.start.character, 'hand'.length);
    });

    it('offers the directives after //, and nothing elsewhere in a comment or in a string', async () => {
        const directives = await completeAt('// work<|>\n');
        assert.deepEqual(
            directives.map(item => item.label),
            ['workflow-disable-next-line', 'workflow-disable'],
        );
        assert.deepEqual(await completeAt('// just a note <|>\n'), []);
        const inString = await completeAt('workflow W { owner Sales; trigger "// workflow-disable <|>" }\n');
        assert.ok(!inString.some(item => item.label === 'handoff-without-channel'));
    });
});
