/**
 * Columns of the swimlane layout (`diagram/columns.ts`): which layers merge, and how a hand-off
 * inside a column is drawn — straight across the flow, its label in the target lane's margin,
 * with no defect the checker counts.
 */
import * as assert from 'node:assert/strict';
import type { Columns } from '../../diagram/columns.js';
import { MAX_LABEL_CROSS, mergeLayers, spreadEnds } from '../../diagram/columns.js';
import { createElk } from '../../diagram/elk.js';
import { layoutGraph } from '../../diagram/layout.js';
import { checkLayout, describeDefects } from '../../diagram/layout-quality.js';
import type { DiagramEdge, DiagramNode, WorkflowGraph } from '../../protocol/graph-model.js';
import { generateWorkflow } from '../../bench/realistic-workflows.js';
import { buildGraph } from '../../language/src/analysis/graph-builder.js';
import { workflowsOf } from '../../language/src/workspace/workspace-queries.js';
import { buildWorkspace } from '../../language/src/workspace/workflow-workspace.js';
import { diagramNode } from '../graph-fixtures.js';

/** Nodes as `id@lane:layer`, edges as `from>to`, labels by edge id. */
function merge(nodes: string[], edges: string[], labels: Record<string, { main: number; cross: number }> = {}): Columns {
    const parsed = nodes.map(text => {
        const [id, rest] = text.split('@');
        const [lane, layer] = rest.split(':').map(Number);
        return { id, lane, layer };
    });
    const byId = new Map(parsed.map(node => [node.id, node]));
    return mergeLayers({
        ids: parsed.map(node => node.id),
        edges: edges.map(text => {
            const [from, to] = text.split('>');
            return { id: text, from, to };
        }),
        layerOf: id => byId.get(id)!.layer,
        laneOf: id => byId.get(id)!.lane,
        nodeMain: () => 144,
        labelMain: id => labels[id]?.main ?? 0,
        labelCross: id => labels[id]?.cross ?? 0,
    });
}

const columnsOf = (columns: Columns, ids: string[]) => ids.map(id => columns.column.get(id));

describe('layout columns', () => {
    it('puts a chain of hand-offs down the lanes in one column, each drawn across the flow', () => {
        const columns = merge(['A@0:0', 'B@1:1', 'C@3:2'], ['A>B', 'B>C']);
        assert.deepEqual(columnsOf(columns, ['A', 'B', 'C']), [0, 0, 0]);
        assert.deepEqual([...columns.across].sort(), ['A>B', 'B>C']);
    });

    it('starts a new column when the flow comes back to a lane the column holds', () => {
        const columns = merge(['A@0:0', 'B@1:1', 'C@0:2'], ['A>B', 'B>C']);
        assert.deepEqual(columnsOf(columns, ['A', 'B', 'C']), [0, 0, 1]);
        assert.deepEqual([...columns.across], ['A>B']);
    });

    it('never lets a line across the flow pass a node of the column', () => {
        // B -> C would run up through A's lane; A -> B would have C's lane between them.
        assert.deepEqual(columnsOf(merge(['A@1:0', 'B@2:1', 'C@0:2'], ['A>B', 'B>C']), ['A', 'B', 'C']), [0, 0, 1]);
        assert.deepEqual(columnsOf(merge(['A@0:0', 'B@2:1', 'C@1:2'], ['A>B', 'B>C']), ['A', 'B', 'C']), [0, 0, 1]);
    });

    it('keeps a node with a cell-mate, or a second hand-off on the same side, out of the column', () => {
        // Two nodes of one lane in a layer: the line from either would pass the other.
        assert.deepEqual(columnsOf(merge(['A@0:0', 'X@0:0', 'B@1:1'], ['A>B']), ['A', 'X', 'B']), [0, 0, 1]);
        // A split down into two lanes: both lines would leave A's lower side, so the second branch takes the next column.
        const down = merge(['A@0:0', 'B@1:1', 'C@2:1'], ['A>B', 'A>C']);
        assert.deepEqual(columnsOf(down, ['A', 'B', 'C']), [0, 0, 1]);
        assert.deepEqual([...down.across], ['A>B']);
        // One up and one down are fine.
        const split = merge(['A@1:0', 'B@0:1', 'C@2:1'], ['A>B', 'A>C']);
        assert.deepEqual(columnsOf(split, ['A', 'B', 'C']), [0, 0, 0]);
        assert.equal(split.across.size, 2);
    });

    it('keeps a hand-off whose label is too long for the column or the margin in the gap between columns', () => {
        assert.deepEqual(columnsOf(merge(['A@0:0', 'B@1:1'], ['A>B'], { 'A>B': { main: 200, cross: 18 } }), ['A', 'B']), [0, 1]);
        assert.deepEqual(
            columnsOf(merge(['A@0:0', 'B@1:1'], ['A>B'], { 'A>B': { main: 60, cross: MAX_LABEL_CROSS + 1 } }), ['A', 'B']),
            [0, 1],
        );
        assert.deepEqual(columnsOf(merge(['A@0:0', 'B@1:1'], ['A>B'], { 'A>B': { main: 60, cross: 18 } }), ['A', 'B']), [0, 0]);
    });

    describe("ends out of a lane's tallest cell", () => {
        // Lane 0: D (decision) in column 0, X (step) and E (end) stacked in column 1, nothing in 2;
        // lane 1: Y in column 2 (X's cell-mate keeps the hand-off X -> Y out of column 1), Z in 3.
        const nodes = ['D@0:0', 'X@0:1', 'E@0:1', 'Y@1:2', 'Z@1:3'];
        const edges = ['D>X', 'D>E', 'X>Y', 'Y>Z'];
        const lane = (id: string) => (['D', 'X', 'E'].includes(id) ? 0 : id === 'P' ? -1 : id === 'Q' ? 2 : 1);
        const spread = (columns: Columns, across: Array<{ from: string; to: string }> = [], cross = (_id: string) => 56) => {
            spreadEnds(columns, { ends: ['E'], laneOf: lane, cross, gap: 16, across });
            return columns;
        };

        it("moves an end stacked in its lane's tallest cell to the next column where the lane is empty", () => {
            assert.deepEqual(columnsOf(merge(nodes, edges), ['D', 'X', 'E', 'Y', 'Z']), [0, 1, 1, 2, 3]);
            assert.deepEqual(columnsOf(spread(merge(nodes, edges)), ['D', 'X', 'E', 'Y', 'Z']), [0, 1, 2, 2, 3]);
        });

        it("leaves it where its cell is not the lane's tallest or it ends a hand-off across the flow; skips a cell a hand-off crosses", () => {
            assert.equal(spread(merge(nodes, edges), [], id => (id === 'D' ? 200 : 56)).column.get('E'), 1);
            assert.equal(spread(merge(nodes, edges), [{ from: 'E', to: 'Y' }]).column.get('E'), 1);
            // A hand-off in column 2 from the lane before 0 to the one after 1: its line runs where E would go.
            const columns = merge(nodes, edges);
            columns.column.set('P', 2).set('Q', 2);
            assert.equal(spread(columns, [{ from: 'P', to: 'Q' }]).column.get('E'), 3);
        });
    });

    describe('in the layout', () => {
        const elk = createElk();
        const graph = handOffs();

        it('draws a hand-off inside a column as one straight line, its label in the source lane below the source', async () => {
            const layout = await layoutGraph(graph, elk, 'RIGHT');
            const node = (id: string) => layout.nodes.find(candidate => candidate.id === id)!;
            const edge = layout.edges.find(candidate => candidate.id === 'Ask->Check')!;
            assert.equal(node('Ask').x + node('Ask').width / 2, node('Check').x + node('Check').width / 2, 'same column');
            assert.deepEqual(edge.points, [
                { x: node('Ask').x + node('Ask').width / 2, y: node('Ask').y + node('Ask').height },
                { x: node('Check').x + node('Check').width / 2, y: node('Check').y },
            ]);
            const lane = layout.lanes.find(candidate => candidate.id === 'Sales')!;
            assert.ok(
                edge.labelAt!.y > node('Ask').y + node('Ask').height && edge.labelAt!.y < lane.y + lane.height,
                'the label lies in the source lane, after the source',
            );
            assert.equal(describeDefects(checkLayout(graph, layout)), '');
        });

        it('is smaller than one layer per column, with no defect either way, in both directions', async () => {
            for (const direction of ['RIGHT', 'DOWN'] as const) {
                const compact = checkLayout(graph, await layoutGraph(graph, elk, direction));
                const wide = checkLayout(graph, await layoutGraph(graph, elk, direction, { compact: false }));
                assert.equal(describeDefects(compact), '');
                assert.equal(describeDefects(wide), '');
                assert.ok(compact.areaPerNode <= wide.areaPerNode, `${direction}: ${compact.areaPerNode} <= ${wide.areaPerNode}`);
            }
            const right = checkLayout(graph, await layoutGraph(graph, elk, 'RIGHT'));
            const wide = checkLayout(graph, await layoutGraph(graph, elk, 'RIGHT', { compact: false }));
            assert.ok(right.width < wide.width, `${right.width} < ${wide.width}`);
        });

        it('takes at least a tenth less area than one layer per column on a 24-node workflow of 8 lanes, left to right', async function () {
            this.timeout(30_000);
            const generated = generateWorkflow(24, 24, 8);
            const { documents } = await buildWorkspace([{ uri: 'file:///generated/g.workflow', text: generated.text }]);
            const big = buildGraph(
                documents[0],
                workflowsOf(documents[0]).find(workflow => workflow.name === generated.name)!,
            );
            assert.equal(big.lanes.length, 8);
            const compact = checkLayout(big, await layoutGraph(big, elk, 'RIGHT'));
            const wide = checkLayout(big, await layoutGraph(big, elk, 'RIGHT', { compact: false }));
            assert.ok(compact.areaPerNode < 0.9 * wide.areaPerNode, `${compact.areaPerNode} < 0.9 × ${wide.areaPerNode}`);
        });
    });
});

/** Sales asks Finance, which checks and hands to Legal, and back to Sales to close: a staircase and a return. */
function handOffs(): WorkflowGraph {
    const node = (id: string, lane: string, kind: DiagramNode['kind'] = 'step'): DiagramNode =>
        diagramNode({ id, kind, lane, minutes: 60, start: id === 'Ask' });
    const edge = (from: string, to: string, channel?: string): DiagramEdge => ({
        id: `${from}->${to}`,
        from,
        to,
        channel,
        handoff: true,
        critical: false,
        findings: [],
    });
    return {
        uri: 'file:///handoffs.workflow',
        workflow: 'HandOffs',
        lanes: ['Sales', 'Finance', 'Legal'].map(id => ({ id, label: id })),
        nodes: [
            node('Ask', 'Sales'),
            node('Check', 'Finance'),
            node('Sign', 'Legal'),
            node('Close', 'Sales'),
            node('Done', 'Sales', 'end'),
        ],
        edges: [edge('Ask', 'Check', 'ERP'), edge('Check', 'Sign', 'DocuSign'), edge('Sign', 'Close'), edge('Close', 'Done')],
        summary: '',
        findings: [],
    };
}
