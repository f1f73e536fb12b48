/**
 * Semantic tokens tell teams, roles, people, systems, workflows, nodes and durations apart; the
 * code lens shows each workflow's figures.
 */
import * as assert from 'node:assert/strict';
import { setInterruptionPeriod } from 'langium';
import { SemanticTokensDecoder } from 'langium/lsp';
import { CancellationTokenSource } from 'vscode-languageserver';
import { loadText } from '../helpers.js';

/** Each token as `line:character+length`, the positions VS Code sees. */
function positionsOf(data: number[]): string[] {
    const positions: string[] = [];
    let line = 0;
    let character = 0;
    for (let index = 0; index < data.length; index += 5) {
        character = data[index] === 0 ? character + data[index + 1] : data[index + 1];
        line += data[index];
        positions.push(`${line}:${character}+${data[index + 2]}`);
    }
    return positions;
}

describe('semantic tokens', () => {
    it('gives each kind of name its own token type, on declarations and references', async () => {
        const { main, services } = await loadText(`team Sales { role Rep; person bob as Rep }
system CRM { owner Sales.bob }
workflow W { owner Sales.Rep; sla 2d; step A { owner Sales; uses CRM; duration 4h; calls W; next Done via CRM }; end Done }`);
        const tokens = await services.lsp.SemanticTokenProvider!.semanticHighlight(main.document, { textDocument: { uri: main.uri } });
        const decoded = SemanticTokensDecoder.decode(tokens, services.lsp.SemanticTokenProvider!.tokenTypes, main.document);
        const byText = new Map<string, Set<string>>();
        for (const token of decoded) {
            const text = token.text;
            (byText.get(text) ?? byText.set(text, new Set()).get(text)!).add(token.tokenType);
        }
        const typeOf = (text: string) => [...(byText.get(text) ?? [])].join(',');
        assert.equal(typeOf('Sales'), 'namespace');
        assert.equal(typeOf('Rep'), 'enumMember');
        assert.equal(typeOf('bob'), 'variable');
        assert.equal(typeOf('CRM'), 'class');
        assert.equal(typeOf('W'), 'function');
        assert.equal(typeOf('A'), 'method');
        assert.equal(typeOf('Done'), 'method');
        assert.equal(typeOf('2d'), 'number');
        assert.equal(typeOf('4h'), 'number');
    });

    it('answers a range and a full request that overlap in time with each token once', async () => {
        // VS Code asks for the visible range and the whole document at once; the provider yields while it walks the tree.
        const { main, services } = await loadText(
            'workflow Scratch {\n  owner Finance.Controller\n  step Check { owner Finance.alice; next Done }\n  end Done\n}\n',
            { allowSyntaxErrors: true },
        );
        const provider = services.lsp.SemanticTokenProvider!;
        const textDocument = { uri: main.uri };
        const alone = positionsOf((await provider.semanticHighlight(main.document, { textDocument })).data);
        assert.deepEqual(alone, ['0:9+7', '1:8+7', '1:16+10', '2:7+5', '2:21+7', '2:29+5', '2:41+4', '3:6+4']);
        const cancel = new CancellationTokenSource();
        setInterruptionPeriod(0);
        try {
            const range = { start: { line: 0, character: 0 }, end: { line: 2, character: 0 } };
            const [full, visible] = await Promise.all([
                provider.semanticHighlight(main.document, { textDocument }, cancel.token),
                provider.semanticHighlightRange(main.document, { textDocument, range }, cancel.token),
            ]);
            assert.deepEqual(positionsOf(full.data), alone);
            assert.deepEqual(positionsOf(visible.data), ['0:9+7', '1:8+7', '1:16+10']);
        } finally {
            setInterruptionPeriod(10);
            cancel.dispose();
        }
    });
});

describe('code lens', () => {
    it('shows steps, teams, hand-offs, critical path and SLA above each workflow, and a preview lens', async () => {
        const { main, services } = await loadText(`team A { role R }
team B { role R }
workflow Flow {
  owner A
  sla 1w
  step S1 { owner A.R; duration 1d; next D }
  decision D { owner B.R; duration 2h; when "x" -> S2; otherwise -> Done }
  step S2 { owner A.R; duration 3h; next Done }
  end Done
}
workflow Empty { owner A }`);
        const lenses = await services.lsp.CodeLensProvider!.provideCodeLens(main.document, { textDocument: { uri: main.uri } });
        // Lines 0 and 1 hold the teams' lenses (test/editor/impact-editor.test.ts).
        const workflowLenses = lenses?.filter(lens => lens.range.start.line >= 2);
        assert.deepEqual(
            workflowLenses?.map(lens => [lens.range.start.line, lens.command?.title]),
            [
                [2, '3 steps · 2 teams · 2 hand-offs · critical path 1d 5h / SLA 7d'],
                [2, 'Open preview'],
                [10, '0 steps · 0 teams · 0 hand-offs · no critical path'],
                [10, 'Open preview'],
            ],
        );
        assert.deepEqual(workflowLenses?.[1].command?.arguments, [main.uri, 'Flow']);
    });
});
