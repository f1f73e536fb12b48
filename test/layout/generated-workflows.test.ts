/**
 * The generated workflows the layout is measured on are real workflows: they parse and validate
 * without errors, have the size asked for, and have every shape the layout must handle.
 */
import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { GENERATED_SIZES, generateWorkflow } from '../../bench/realistic-workflows.js';
import { reworkEdges } from '../../diagram/flow-structure.js';
import { buildGraph } from '../../language/src/analysis/graph-builder.js';
import { workflowsOf } from '../../language/src/workspace/workspace-queries.js';
import { buildWorkspace } from '../../language/src/workspace/workflow-workspace.js';

async function graphOf(size: number, seed?: number) {
    const generated = generateWorkflow(size, seed);
    const { documents } = await buildWorkspace([{ uri: `file:///generated/${generated.name}.workflow`, text: generated.text }]);
    const [document] = documents;
    const syntax = [...document.parseResult.lexerErrors, ...document.parseResult.parserErrors].map(error => error.message);
    assert.deepEqual(syntax, [], `${generated.name} does not parse`);
    const errors = (document.diagnostics ?? [])
        .filter(d => d.severity === DiagnosticSeverity.Error)
        .map(d => `${d.range.start.line + 1}: ${d.code} ${d.message}`);
    assert.deepEqual(errors, [], `${generated.name} has errors`);
    const workflow = workflowsOf(document).find(w => w.name === generated.name);
    assert.ok(workflow, `${generated.name} is in the text`);
    return { generated, graph: buildGraph(document, workflow) };
}

describe('generated workflows', () => {
    for (const size of GENERATED_SIZES) {
        it(`${size} nodes: validates, and has decisions, parallel splits and joins, rework loops and hand-offs across 4–10 lanes`, async () => {
            const { generated, graph } = await graphOf(size);
            assert.equal(graph.nodes.length, size);
            assert.equal(generated.nodes, size);
            assert.equal(graph.lanes.length, generated.teams);
            assert.ok(generated.teams >= 4 && generated.teams <= 10, `${generated.teams} lanes`);

            const outgoing = (id: string) => graph.edges.filter(edge => edge.from === id);
            const decisions = graph.nodes.filter(node => node.kind === 'decision');
            assert.ok(decisions.length > 0, 'has decisions');
            for (const decision of decisions) {
                const branches = outgoing(decision.id);
                assert.ok(branches.length >= 2 && branches.length <= 3, `${decision.id} has ${branches.length} branches`);
                assert.ok(
                    branches.every(edge => edge.label !== undefined),
                    `${decision.id}'s branches are labelled`,
                );
            }
            assert.ok(
                graph.edges.some(edge => edge.label === 'otherwise'),
                'has an otherwise',
            );
            assert.ok(
                graph.nodes.some(node => node.kind === 'step' && outgoing(node.id).length >= 2),
                'has a parallel split',
            );
            assert.ok(
                graph.nodes.some(node => graph.edges.filter(edge => edge.to === node.id && !edge.label).length >= 2),
                'has a join',
            );
            assert.ok(reworkEdges(graph).size > 0, 'has a rework loop');
            assert.ok(
                graph.edges.some(edge => edge.handoff && edge.channel !== undefined),
                'has a hand-off via a channel',
            );
            assert.ok(
                graph.edges.some(edge => edge.handoff && edge.channel === undefined),
                'has a hand-off without one',
            );
            assert.ok(
                graph.nodes.some(node => node.kind === 'end'),
                'has an end',
            );
        });
    }

    it('gives the same text for the same seed, and another for another seed', () => {
        assert.equal(generateWorkflow(60, 7).text, generateWorkflow(60, 7).text);
        assert.notEqual(generateWorkflow(60, 7).text, generateWorkflow(60, 8).text);
    });

    it('makes the size asked for with other seeds too', async () => {
        for (const seed of [1, 2, 3]) {
            const { graph } = await graphOf(30, seed);
            assert.equal(graph.nodes.length, 30);
        }
    });
});
