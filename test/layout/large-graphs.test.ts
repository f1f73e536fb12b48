/**
 * Large graphs lay out without recursion as deep as the graph is long: past
 * `SIMPLE_LAYERING_FROM` nodes the layering is a loop of our own instead of ELK's.
 */
import * as assert from 'node:assert/strict';
import { createElk } from '../../diagram/elk.js';
import { layoutGraph } from '../../diagram/layout.js';
import { SIMPLE_LAYERING_FROM, simpleLayering } from '../../diagram/simple-layering.js';
import { renderDiagram } from '../../diagram/svg.js';
import type { DiagramEdge, DiagramNode, WorkflowGraph } from '../../protocol/graph-model.js';
import { seededRandom } from '../helpers.js';
import { diagramNode } from '../graph-fixtures.js';

function node(id: string, lane: string, kind: DiagramNode['kind'] = 'step'): DiagramNode {
    return diagramNode({ id, kind, lane, minutes: 60, start: id === 'S0' });
}

function edge(from: string, to: string): DiagramEdge {
    return { id: `${from}->${to}`, from, to, handoff: false, critical: false, findings: [] };
}

/** A straight chain of `steps` steps over three lanes, then an end. */
function chain(steps: number): WorkflowGraph {
    const nodes = Array.from({ length: steps }, (_, i) => node(`S${i}`, `T${i % 3}`));
    nodes.push(node('Done', 'T0', 'end'));
    const edges = nodes.slice(1).map((to, i) => edge(nodes[i].id, to.id));
    return {
        uri: 'file:///chain.workflow',
        workflow: 'Chain',
        lanes: ['T0', 'T1', 'T2'].map(id => ({ id, label: id })),
        nodes,
        edges,
        summary: '',
        findings: [],
    };
}

describe('large graphs', () => {
    const elk = createElk();

    it('lays out and draws a chain of 5,000 steps, one layer per step', async function () {
        this.timeout(60_000);
        const graph = chain(5000);
        const layout = await layoutGraph(graph, elk, 'RIGHT', { compact: false });
        assert.equal(layout.nodes.length, 5001);
        const xs = new Set(layout.nodes.map(n => n.x + n.width / 2));
        assert.equal(xs.size, 5001, 'every step of a chain has its own layer');
        assert.equal(layout.edges.length, 5000);
        assert.ok(renderDiagram(graph, layout).children.length > 0);
    });

    it('compacts the same chain: the hand-offs down its three lanes share a column, the way back up starts the next', async function () {
        this.timeout(60_000);
        const graph = chain(5000);
        const layout = await layoutGraph(graph, elk);
        const xs = new Set(layout.nodes.map(n => n.x + n.width / 2));
        // S0–S2, S3–S5, … one column each (S4998 and S4999 the last), then the end in lane T0 after S4999.
        assert.equal(xs.size, Math.ceil(5000 / 3) + 1);
        const centre = new Map(layout.nodes.map(n => [n.id, n.x + n.width / 2]));
        assert.equal(centre.get('S3'), centre.get('S5'));
        assert.ok(centre.get('S6')! > centre.get('S5')!);
        assert.ok(renderDiagram(graph, layout).children.length > 0);
    });

    it('orders a random DAG so that every edge runs forward, with ranks 0..n-1 in each layer', () => {
        const next = seededRandom(7);
        const ids = Array.from({ length: SIMPLE_LAYERING_FROM + 500 }, (_, i) => `N${i}`);
        const edges: Array<{ from: string; to: string }> = [];
        for (let i = 1; i < ids.length; i++) {
            edges.push({ from: ids[Math.floor(next() * i)], to: ids[i] });
            if (next() < 0.3) edges.push({ from: ids[Math.floor(next() * i)], to: ids[i] });
        }
        const { layer, rank } = simpleLayering(ids, edges);
        for (const { from, to } of edges) assert.ok(layer.get(to)! > layer.get(from)!, `${from} -> ${to} runs forward`);
        const byLayer = new Map<number, number[]>();
        for (const id of ids) (byLayer.get(layer.get(id)!) ?? byLayer.set(layer.get(id)!, []).get(layer.get(id)!)!).push(rank.get(id)!);
        for (const ranks of byLayer.values())
            assert.deepEqual(
                [...ranks].sort((a, b) => a - b),
                ranks.map((_, i) => i),
            );
    });

    it('handles a chain of 100,000 nodes in the simple layering without running out of stack', () => {
        const ids = Array.from({ length: 100_000 }, (_, i) => `N${i}`);
        const { layer } = simpleLayering(
            ids,
            ids.slice(1).map((id, i) => ({ from: ids[i], to: id })),
        );
        assert.equal(layer.get('N99999'), 99_999);
    });
});
