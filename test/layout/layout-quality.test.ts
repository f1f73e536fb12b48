/**
 * The layout quality checker on small hand-made layouts: one clean layout, and for each rule a
 * copy of it with exactly one defect of that kind, which the checker must find and name.
 *
 * The clean layout, left to right, two lanes (T above U), header 132 px wide:
 *   lane T:  A (step) ──► D (decision) ──ok──► E (end)
 *            ▲            │ otherwise
 *            └────────────┘
 *   lane U:               C (step, not connected)
 */
import * as assert from 'node:assert/strict';
import type { DiagramLayout, LaidOutEdge, Point } from '../../protocol/diagram-layout.js';
import type { DiagramEdge, DiagramNode, NodeKind, WorkflowGraph } from '../../protocol/graph-model.js';
import type { LayoutQuality, Rule } from '../../diagram/layout-quality.js';
import { checkLayout, defectCounts, describeDefects, RULES } from '../../diagram/layout-quality.js';
import { diagramNode } from '../graph-fixtures.js';

function node(id: string, kind: NodeKind, lane: string, title?: string): DiagramNode {
    return diagramNode({ id, kind, title, lane, start: id === 'A' });
}

function edge(from: string, to: string, index: number, label?: string): DiagramEdge {
    return { id: `${from}->${to}#${index}`, from, to, label, handoff: false, critical: false, findings: [] };
}

interface Fixture {
    graph: WorkflowGraph;
    layout: DiagramLayout;
}

function clean(): Fixture {
    const graph: WorkflowGraph = {
        uri: 'file:///test.workflow',
        workflow: 'W',
        summary: '',
        findings: [],
        lanes: [
            { id: 'T', label: 'T' },
            { id: 'U', label: 'U' },
        ],
        nodes: [node('A', 'step', 'T'), node('D', 'decision', 'T'), node('E', 'end', 'T'), node('C', 'step', 'U')],
        edges: [edge('A', 'D', 0), edge('D', 'E', 0, 'ok'), edge('D', 'A', 1, 'otherwise')],
    };
    const layout: DiagramLayout = {
        direction: 'RIGHT',
        width: 932,
        height: 392,
        lanes: [
            { id: 'T', label: 'T', x: 16, y: 16, width: 900, height: 200 },
            { id: 'U', label: 'U', x: 16, y: 216, width: 900, height: 160 },
        ],
        nodes: [
            { id: 'A', x: 200, y: 40, width: 168, height: 56 },
            { id: 'D', x: 500, y: 30, width: 168, height: 76 },
            { id: 'E', x: 740, y: 49, width: 150, height: 38 },
            { id: 'C', x: 500, y: 268, width: 168, height: 56 },
        ],
        edges: [
            { id: 'A->D#0', back: false, points: [p(368, 68), p(500, 68)] },
            { id: 'D->E#0', back: false, points: [p(668, 68), p(740, 68)], labelAt: p(704, 68) },
            { id: 'D->A#1', back: true, points: [p(584, 106), p(584, 180), p(284, 180), p(284, 96)], labelAt: p(434, 180) },
        ],
    };
    return { graph, layout };
}

function p(x: number, y: number): Point {
    return { x, y };
}

/** The clean fixture with some edges replaced (or added) and, optionally, other changes. */
function variant(edges: LaidOutEdge[], change: (fixture: Fixture) => Fixture = fixture => fixture): Fixture {
    const base = clean();
    const replaced = base.layout.edges.map(existing => edges.find(e => e.id === existing.id) ?? existing);
    const added = edges.filter(e => !base.layout.edges.some(existing => existing.id === e.id));
    return change({ graph: base.graph, layout: { ...base.layout, edges: [...replaced, ...added] } });
}

function withEdges(fixture: Fixture, ...edges: DiagramEdge[]): Fixture {
    return { ...fixture, graph: { ...fixture.graph, edges: [...fixture.graph.edges, ...edges] } };
}

/** Exactly one defect, of this rule, naming these elements; every other rule clean. */
function expectOnly(quality: LayoutQuality, rule: Rule, ids: string[]): void {
    const others = RULES.filter(other => other !== rule);
    assert.equal(describeDefects(quality, others), '', 'no other defect');
    assert.equal(quality.defects[rule].length, 1, `one ${rule}, found: ${describeDefects(quality, [rule]) || 'none'}`);
    assert.deepEqual([...quality.defects[rule][0].ids].sort(), [...ids].sort());
}

function check(fixture: Fixture): LayoutQuality {
    return checkLayout(fixture.graph, fixture.layout);
}

describe('layout quality checker', () => {
    it('finds nothing wrong in a clean layout, and measures its area per node', () => {
        const quality = check(clean());
        assert.equal(describeDefects(quality), '');
        assert.deepEqual(
            Object.values(defectCounts(quality)),
            RULES.map(() => 0),
        );
        assert.equal(quality.areaPerNode, (932 * 392) / 4);
        assert.deepEqual([quality.nodes, quality.lanes], [4, 2]);
    });

    it("(a) finds an edge running through another edge's label", () => {
        const quality = check(variant([{ id: 'D->E#0', back: false, points: [p(668, 68), p(740, 68)], labelAt: p(434, 68) }]));
        expectOnly(quality, 'edgeThroughLabel', ['A->D#0', 'D->E#0']);
        assert.match(quality.defects.edgeThroughLabel[0].message, /edge A->D#0 runs through the label of edge D->E#0/);
    });

    it('(b) finds two edge labels overlapping', () => {
        const quality = check(variant([{ id: 'D->E#0', back: false, points: [p(668, 68), p(740, 68)], labelAt: p(434, 196) }]));
        expectOnly(quality, 'labelOverlap', ['D->E#0', 'D->A#1']);
    });

    it('(b) finds an edge label over a lane header', () => {
        const quality = check(
            variant([{ id: 'D->A#1', back: true, points: [p(584, 106), p(584, 180), p(284, 180), p(284, 96)], labelAt: p(140, 196) }]),
        );
        expectOnly(quality, 'labelOverlap', ['D->A#1', 'lane:T']);
    });

    it("(c) finds a label on a node, by the node's drawn shape", () => {
        // Over the pill's rounded corner, which its bounding box would also have said…
        const quality = check(variant([{ id: 'D->E#0', back: false, points: [p(668, 68), p(740, 68)], labelAt: p(745, 52) }]));
        expectOnly(quality, 'labelOnNode', ['D->E#0', 'E']);
        // …but in the corner of the decision's bounding box, outside its diamond, a label covers nothing.
        assert.equal(
            describeDefects(check(variant([{ id: 'D->E#0', back: false, points: [p(668, 68), p(740, 68)], labelAt: p(512, 40) }]))),
            '',
        );
    });

    it('(d) finds an edge running through a node that is not one of its ends', () => {
        const quality = check(
            variant([{ id: 'D->A#1', back: true, points: [p(584, 106), p(584, 340), p(284, 340), p(284, 96)], labelAt: p(434, 340) }]),
        );
        expectOnly(quality, 'edgeThroughNode', ['D->A#1', 'C']);
    });

    it('(d) finds an edge running through its own source', () => {
        const quality = check(variant([{ id: 'A->D#0', back: false, points: [p(200, 68), p(500, 68)] }]));
        expectOnly(quality, 'edgeThroughNode', ['A->D#0', 'A']);
        assert.match(quality.defects.edgeThroughNode[0].message, /through its own source A/);
    });

    it('(e) finds two edges of different ends running on top of each other', () => {
        const fixture = variant(
            [
                { id: 'D->A#1', back: true, points: [p(584, 106), p(584, 180), p(284, 180), p(284, 96)], labelAt: p(584, 143) },
                { id: 'C->A#0', back: true, points: [p(584, 268), p(584, 181), p(300, 181), p(300, 96)] },
            ],
            fixture => withEdges(fixture, edge('C', 'A', 0)),
        );
        const quality = check(fixture);
        expectOnly(quality, 'edgeOverlap', ['C->A#0', 'D->A#1']);
        assert.match(quality.defects.edgeOverlap[0].message, /run on top of each other for 284 px/);
    });

    it('(e) lets edges from one source share a trunk before they fork, but not merge into one target', () => {
        const fork = variant([{ id: 'D->C#2', back: false, points: [p(668, 68), p(680, 68), p(680, 296), p(668, 296)] }], fixture =>
            withEdges(fixture, edge('D', 'C', 2)),
        );
        assert.equal(describeDefects(check(fork)), '');
        const merge = variant([{ id: 'C->E#0', back: false, points: [p(668, 296), p(700, 296), p(700, 68), p(740, 68)] }], fixture =>
            withEdges(fixture, edge('C', 'E', 0)),
        );
        const quality = check(merge);
        assert.deepEqual(
            quality.defects.edgeOverlap.map(defect => defect.ids),
            [['C->E#0', 'D->E#0']],
        );
        assert.deepEqual(
            quality.defects.sharedArrowhead.map(defect => defect.ids),
            [['D->E#0', 'C->E#0', 'E']],
        );
    });

    it('(e) finds an edge running back over itself', () => {
        const quality = check(variant([{ id: 'A->D#0', back: false, points: [p(368, 68), p(450, 68), p(420, 68), p(500, 68)] }]));
        expectOnly(quality, 'edgeOverlap', ['A->D#0', 'A->D#0']);
    });

    it("(f) finds an edge that stops short of its target's outline", () => {
        const quality = check(variant([{ id: 'A->D#0', back: false, points: [p(368, 68), p(495, 68)] }]));
        expectOnly(quality, 'edgeOffOutline', ['A->D#0', 'D']);
        assert.match(quality.defects.edgeOffOutline[0].message, /ends 5 px off the outline of D/);
    });

    it('(f) measures against the diamond and the pill, not their bounding boxes', () => {
        const toBoxCorner = check(variant([{ id: 'A->D#0', back: false, points: [p(368, 68), p(434, 68), p(434, 50), p(500, 50)] }]));
        expectOnly(toBoxCorner, 'edgeOffOutline', ['A->D#0', 'D']);
        const toDiamondSide = check(variant([{ id: 'A->D#0', back: false, points: [p(368, 68), p(434, 68), p(434, 49), p(542, 49)] }]));
        assert.equal(describeDefects(toDiamondSide), '');
        const toPillCorner = check(
            variant([{ id: 'D->E#0', back: false, points: [p(668, 68), p(700, 68), p(700, 49), p(740, 49)], labelAt: p(684, 68) }]),
        );
        expectOnly(toPillCorner, 'edgeOffOutline', ['D->E#0', 'E']);
    });

    it('(f) finds an edge that starts away from its source', () => {
        const quality = check(variant([{ id: 'A->D#0', back: false, points: [p(375, 68), p(500, 68)] }]));
        expectOnly(quality, 'edgeOffOutline', ['A->D#0', 'A']);
    });

    it('(g) finds two edges into one node whose arrowheads meet', () => {
        const fixture = variant(
            [{ id: 'C->D#0', back: true, points: [p(500, 296), p(480, 296), p(480, 150), p(506.7, 150), p(506.7, 71)] }],
            fixture => withEdges(fixture, edge('C', 'D', 0)),
        );
        const quality = check(fixture);
        expectOnly(quality, 'sharedArrowhead', ['A->D#0', 'C->D#0', 'D']);
    });

    it('(i) finds a text that is drawn cut, as svg.ts fits it', () => {
        const fixture = clean();
        const nodes = fixture.graph.nodes.map(n =>
            n.id === 'A'
                ? node('A', 'step', 'T', "Review the supplier's contract and all of its terms, annexes, amendments and side letters")
                : n,
        );
        const quality = check({ ...fixture, graph: { ...fixture.graph, nodes } });
        expectOnly(quality, 'cutText', ['A']);
        assert.match(
            quality.defects.cutText[0].message,
            /the title of node A "Review the supplier's contract and all of its terms, annexes, amendments and side letters" is drawn as "Review the supplier's contract and all of its term…"/,
        );
        const fits = nodes.map(n => (n.id === 'A' ? node('A', 'step', 'T', "Review the supplier's contract and terms") : n));
        assert.equal(describeDefects(check({ ...fixture, graph: { ...fixture.graph, nodes: fits } })), '');
    });

    it('finds a line through a lane header', () => {
        const quality = check(
            variant([
                { id: 'D->A#1', back: true, points: [p(584, 106), p(584, 180), p(140, 180), p(140, 68), p(200, 68)], labelAt: p(434, 180) },
            ]),
        );
        expectOnly(quality, 'edgeThroughLaneHeader', ['D->A#1', 'lane:T']);
    });

    it('finds a node outside the body of its lane, and lanes that overlap', () => {
        const moved = variant([], fixture => ({
            ...fixture,
            layout: { ...fixture.layout, nodes: fixture.layout.nodes.map(n => (n.id === 'C' ? { ...n, y: 200 } : n)) },
        }));
        expectOnly(check(moved), 'nodeOutsideLane', ['C', 'lane:U']);
        const overlapping = variant([], fixture => ({
            ...fixture,
            layout: {
                ...fixture.layout,
                lanes: fixture.layout.lanes.map(lane => (lane.id === 'U' ? { ...lane, y: 206, height: 170 } : lane)),
            },
        }));
        expectOnly(check(overlapping), 'laneOverlap', ['lane:T', 'lane:U']);
    });

    it('finds what lies beyond the drawing, and what the layout left out', () => {
        const short = variant([], fixture => ({ ...fixture, layout: { ...fixture.layout, height: 370 } }));
        expectOnly(check(short), 'outsideDrawing', ['lane:U']);
        const missing = variant([], fixture => ({
            ...fixture,
            layout: { ...fixture.layout, edges: fixture.layout.edges.filter(e => e.id !== 'D->E#0') },
        }));
        expectOnly(check(missing), 'notDrawn', ['D->E#0']);
    });

    it('reads a top-to-bottom layout with the lane headers above the lanes', () => {
        const { graph, layout } = clean();
        const flip = <T extends { x: number; y: number }>(point: T): T => ({ ...point, x: point.y, y: point.x });
        const flipBox = <T extends { x: number; y: number; width: number; height: number }>(box: T): T => ({
            ...flip(box),
            width: box.height,
            height: box.width,
        });
        const down: DiagramLayout = {
            direction: 'DOWN',
            width: layout.height,
            height: layout.width,
            lanes: layout.lanes.map(flipBox),
            nodes: layout.nodes.map(flipBox),
            edges: layout.edges.map(e => ({ ...e, points: e.points.map(flip), labelAt: e.labelAt && flip(e.labelAt) })),
        };
        assert.equal(describeDefects(checkLayout(graph, down)), '');
        const inHeader = { ...down, nodes: down.nodes.map(n => (n.id === 'C' ? { ...n, y: 30 } : n)) };
        expectOnly(checkLayout(graph, inHeader), 'nodeOutsideLane', ['C', 'lane:U']);
    });
});
