/**
 * Estimates and likelihoods in the editor: quick fixes for the two codes, hovers of steps,
 * decisions and workflows, the code lens, completion of `..`, formatting and semantic tokens.
 */
import * as assert from 'node:assert/strict';
import { EmptyFileSystem } from 'langium';
import { SemanticTokensDecoder } from 'langium/lsp';
import type { CodeAction, TextEdit } from 'vscode-languageserver';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { WorkflowFormatter } from '../../language/src/lsp/workflow-formatter.js';
import { scaleToTotal } from '../../language/src/lsp/likelihood-fixes.js';
import { IssueCodes } from '../../language/src/validation/issue-codes.js';
import { createWorkflowServices } from '../../language/src/workflow-module.js';
import type { MarkedFile, TestWorkspace } from '../helpers.js';
import { diagnostics, loadText, ORG } from '../helpers.js';

async function fixes(workspace: TestWorkspace & { main: MarkedFile }, code: string): Promise<CodeAction[]> {
    const found = diagnostics(workspace.main, code);
    assert.equal(found.length, 1, `one ${code}`);
    const actions = await workspace.services.lsp.CodeActionProvider!.getCodeActions(workspace.main.document, {
        textDocument: { uri: workspace.main.uri },
        range: found[0].range,
        context: { diagnostics: [found[0]] },
    });
    // The suppression fixes every finding has are tested with the suppressions.
    return ((actions ?? []) as CodeAction[]).filter(action => !action.title.startsWith('Disable '));
}

function applied(file: MarkedFile, action: CodeAction): string {
    const doc = file.document.textDocument;
    const edits: TextEdit[] = action.edit?.changes?.[file.uri] ?? [];
    return [...edits]
        .sort((a, b) => doc.offsetAt(b.range.start) - doc.offsetAt(a.range.start))
        .reduce(
            (text, edit) => text.slice(0, doc.offsetAt(edit.range.start)) + edit.newText + text.slice(doc.offsetAt(edit.range.end)),
            doc.getText(),
        );
}

async function hover(workspace: TestWorkspace & { main: MarkedFile }, cursor: number): Promise<string> {
    const result = await workspace.services.lsp.HoverProvider!.getHoverContent(workspace.main.document, {
        textDocument: { uri: workspace.main.uri },
        position: workspace.main.cursors[cursor],
    });
    // The card escapes Markdown punctuation; the assertions read it as shown.
    return (result?.contents as { value: string }).value.replace(/\\([()[\]\\.!*_#+-])/g, '$1');
}

const flow = (body: string, header = 'owner Sales.Rep') => `${ORG}
workflow W {
  ${header}
  ${body}
}`;

describe('estimates in the editor', () => {
    it('puts the bounds of a range in order', async () => {
        const workspace = await loadText(flow('step A { owner Sales.Rep; duration 2d..4h..1d; next Done }\n  end Done'));
        const [action] = await fixes(workspace, IssueCodes.InvalidEstimate);
        assert.equal(action.title, 'Put the bounds in order: 4h..1d..2d');
        const fixed = await loadText(applied(workspace.main, action));
        assert.deepEqual(
            diagnostics(fixed.main).filter(d => d.severity! <= DiagnosticSeverity.Warning),
            [],
        );
        assert.ok(applied(workspace.main, action).includes('duration 4h..1d..2d;'));
    });

    it('sets the otherwise branch to what the others leave, or scales all of them', async () => {
        const workspace = await loadText(
            flow(`decision D { owner Sales.Rep; when "a" 50% -> Done; when "b" 30% -> Done; otherwise 40% -> Done }\n  end Done`),
        );
        const actions = await fixes(workspace, IssueCodes.InvalidLikelihood);
        assert.deepEqual(
            actions.map(action => [action.title, action.isPreferred]),
            [
                ['Set otherwise to 20%', true],
                ['Scale the likelihoods to add up to 100%', false],
            ],
        );
        assert.ok(applied(workspace.main, actions[0]).includes('otherwise 20% -> Done'));
        // 50 : 30 : 40 scaled to 100 → 41.7, 25, 33.3 → 42, 25, 33.
        assert.ok(applied(workspace.main, actions[1]).includes('when "a" 42% -> Done; when "b" 25% -> Done; otherwise 33% -> Done'));
        for (const action of actions) {
            const fixed = await loadText(applied(workspace.main, action));
            assert.deepEqual(diagnostics(fixed.main, IssueCodes.InvalidLikelihood), [], action.title);
        }
    });

    it('scales stated likelihoods over 100% so that the branches without one keep a share', async () => {
        const workspace = await loadText(
            flow(`decision D { owner Sales.Rep; when "a" 80% -> Done; when "b" 40% -> Done; otherwise -> Done }\n  end Done`),
        );
        const actions = await fixes(workspace, IssueCodes.InvalidLikelihood);
        assert.deepEqual(
            actions.map(action => action.title),
            ['Scale the stated likelihoods to 99%'],
        );
        assert.ok(applied(workspace.main, actions[0]).includes('when "a" 66% -> Done; when "b" 33% -> Done'));
    });

    it('scales whole percentages by largest remainder, each at least 1', () => {
        assert.deepEqual(scaleToTotal([1, 1, 1], 100), [34, 33, 33]);
        assert.deepEqual(scaleToTotal([99, 1, 1], 3), [1, 1, 1]);
        assert.equal(scaleToTotal([50, 50], 1), undefined);
        for (const values of [
            [70, 40],
            [10, 20, 30, 45],
            [100, 100, 100, 1],
        ]) {
            assert.equal(
                scaleToTotal(values, 100)!.reduce((a, b) => a + b, 0),
                100,
                values.join(' '),
            );
        }
    });

    it('shows a step its estimate and distribution, a decision its likelihoods', async () => {
        const workspace = await loadText(
            flow(`step <|>A { owner Sales.Rep; duration 1d..2d..5d; next B }
  step <|>B { owner Sales.Rep; duration 4h..2d; next D }
  decision <|>D { owner Sales.Rep; when "small" 70% -> Done; when "big" -> Done; otherwise -> Done }
  end Done`),
        );
        const step = await hover(workspace, 0);
        assert.match(step, /Duration: 1d\.\.2d\.\.5d \(counts as 2d on the critical path\)/);
        assert.match(step, /Distribution: Beta-PERT: optimistic 1d, most likely 2d, pessimistic 5d \(mean 2d 8h\)/);
        assert.match(await hover(workspace, 1), /Distribution: uniform 4h to 2d \(mean 1d 2h\)/);
        assert.match(await hover(workspace, 1), /counts as 1d 2h on the critical path/);
        assert.match(
            await hover(workspace, 2),
            /Branches: "small" 70% → Done; "big" 15% \(the rest, shared\) → Done; otherwise 15% \(the rest, shared\) → Done/,
        );
    });

    it('shows the simulated figures and a text histogram in the workflow hover, and in the code lens', async () => {
        const workspace = await loadText(`${ORG}
workflow <|>W {
  owner Sales.Rep
  sla 1w
  step A { owner Sales.Rep; duration 1d..2d..5d; next B }
  step B { owner Billing.Clerk; duration 4h..2d; next Done via Ledger }
  end Done
}
workflow <|>Fixed { owner Sales.Rep; step A { owner Sales.Rep; duration 1d; next Done }; end Done }`);
        const text = await hover(workspace, 0);
        assert.match(text, /\*\*Simulation\*\*/);
        assert.match(text, /Simulated cycle time: P50 \d+d[^·]*· P80 \d+d[^·]*· P95 \d+d/);
        assert.match(text, /Over the SLA: \d+(\.\d)?% of runs/);
        assert.match(text, /Hand-offs per run: 1/);
        assert.match(text, /Runs: 10,000, seed 1/);
        const histogram = /```text\n([\s\S]*?)\n```/.exec(text)?.[1].split('\n') ?? [];
        assert.ok(histogram.length >= 3 && histogram.length <= 10, histogram.join('\n'));
        assert.ok(
            histogram.every(line => /│[█ ]+│ (<0\.1|\d+(\.\d)?)%$/.test(line)),
            histogram.join('\n'),
        );
        assert.ok(
            histogram.some(line => line.includes('█'.repeat(24))),
            'the fullest bin fills the bar',
        );
        assert.doesNotMatch(await hover(workspace, 1), /Simulation/, 'a workflow of fixed times has nothing to simulate');

        const lenses = await workspace.services.lsp.CodeLensProvider!.provideCodeLens(workspace.main.document, {
            textDocument: { uri: workspace.main.uri },
        });
        // The workflows' lenses: the teams of the organization have theirs too.
        const lines = workspace.main.document.textDocument.getText().split('\n');
        const titles = (lenses ?? [])
            .filter(lens => /^\s*workflow\b/.test(lines[lens.range.start.line]))
            .map(lens => lens.command?.title ?? '');
        assert.match(
            titles[0],
            /^2 steps · 2 teams · 1 hand-off · critical path 3d \d+h \/ SLA 7d · P80 \d+d( \d+h)?( \d+m)? \/ SLA 7d · \d+(\.\d)?% over$/,
        );
        assert.equal(titles[2], '1 step · 1 team · 0 hand-offs · critical path 1d');
    });

    it('offers .. after the duration of a duration clause, not after an sla', async () => {
        const completeAt = async (text: string) => {
            const workspace = await loadText(text, { allowSyntaxErrors: true });
            const list = await workspace.services.lsp.CompletionProvider!.getCompletion(workspace.main.document, {
                textDocument: { uri: workspace.main.uri },
                position: workspace.main.cursors[0],
            });
            return (list?.items ?? []).map(item => item.label);
        };
        assert.ok((await completeAt(flow('step A { owner Sales.Rep; duration 1d <|> next Done }\n  end Done'))).includes('..'));
        assert.ok((await completeAt(flow('step A { owner Sales.Rep; duration 1d..2d <|> next Done }\n  end Done'))).includes('..'));
        assert.ok(!(await completeAt(flow('step A { owner Sales.Rep; duration 1d..2d..3d <|> next Done }\n  end Done'))).includes('..'));
        assert.ok(!(await completeAt(flow('end Done', 'owner Sales.Rep\n  sla 1d <|>'))).includes('..'));
    });

    it('formats ranges without spaces and keeps likelihoods beside their condition', () => {
        const services = createWorkflowServices(EmptyFileSystem).Workflow;
        const formatter = services.lsp.Formatter as WorkflowFormatter;
        const formatted = formatter.format(`workflow W {
owner Sales.Rep
step A { owner Sales.Rep; duration 1d .. 2d ..5d; next D }
decision D { owner Sales.Rep
when "a"   70%   -> Done
otherwise 30% -> Done }
end Done
}`);
        assert.equal(
            formatted,
            `workflow W {
  owner Sales.Rep
  step A { owner Sales.Rep; duration 1d..2d..5d; next D }
  decision D {
    owner Sales.Rep
    when "a" 70% -> Done
    otherwise 30% -> Done
  }
  end Done
}
`,
        );
    });

    it('colours every point of a range and a likelihood as numbers', async () => {
        const { main, services } = await loadText(
            flow(
                'step A { owner Sales.Rep; duration 1d..2d..5d; next D }\n  decision D { owner Sales.Rep; when "a" 70% -> Done; otherwise -> Done }\n  end Done',
            ),
        );
        const provider = services.lsp.SemanticTokenProvider!;
        const tokens = await provider.semanticHighlight(main.document, { textDocument: { uri: main.uri } });
        const numbers = SemanticTokensDecoder.decode(tokens, provider.tokenTypes, main.document)
            .filter(token => token.tokenType === 'number')
            .map(token => token.text);
        assert.deepEqual(numbers, ['1d', '2d', '5d', '70%']);
    });
});
