/**
 * Node boxes sized to their text (`diagram/labels.ts`): a decision's diamond holds its whole text,
 * its lines as wide as the diamond is where they are, and takes the lower shape when its height
 * is what costs (lanes side by side, left to right), the narrower when its width is. Edge labels
 * take shorter lines top to bottom, where their width widens a lane, and are drawn as laid out.
 */
import * as assert from 'node:assert/strict';
import type { DiagramNode, NodeKind } from '../../protocol/graph-model.js';
import { edgeLabelLines, fitNodeText, LABEL_CHARS, nodeTextBox } from '../../diagram/labels.js';
import { createElk } from '../../diagram/elk.js';
import { layoutGraph } from '../../diagram/layout.js';
import { checkLayout, describeDefects } from '../../diagram/layout-quality.js';
import { svgDocument } from '../../diagram/svg-document.js';
import type { DiagramEdge, WorkflowGraph } from '../../protocol/graph-model.js';
import { NODE_SIZES } from '../../diagram/layout-metrics.js';
import { diagramNode } from '../graph-fixtures.js';

function node(kind: NodeKind, title: string, owner?: string): DiagramNode {
    return diagramNode({ id: 'N', kind, title, owner, lane: 'T' });
}

const LONG = 'Meets the service level agreed with the customer?';

describe('node text boxes', () => {
    it('fits a long decision title uncut, in at most three lines, in a diamond lower than it is wide', () => {
        const decision = node('decision', LONG, 'Team.Warehouse');
        const box = nodeTextBox(decision, NODE_SIZES.decision, true);
        const text = fitNodeText(decision, { x: 0, y: 0, ...box });
        assert.equal(text.title.cut, false);
        assert.equal(text.detail?.cut, false);
        assert.ok(text.title.lines.length <= 3, text.title.lines.join(' / '));
        assert.ok(box.width >= 2 * box.height, `${box.width} × ${box.height}`);
        // The area a four-line text needs when lines are as wide as a 62 % band: a diamond 148 px high.
        assert.ok(box.height < 130, `${box.height} px high`);
    });

    it('makes the diamond narrower and taller when its width is what costs (top to bottom)', () => {
        const decision = node('decision', LONG, 'Team.Warehouse');
        const flat = nodeTextBox(decision, NODE_SIZES.decision, true);
        const narrow = nodeTextBox(decision, NODE_SIZES.decision, false);
        assert.ok(narrow.width < flat.width && narrow.height > flat.height, `${narrow.width} × ${narrow.height}`);
        const text = fitNodeText(decision, { x: 0, y: 0, ...narrow });
        assert.equal(text.title.cut || text.detail?.cut, false);
    });

    it('keeps a short decision at its least size, on one line, and cuts only what a given box cannot hold', () => {
        const short = node('decision', 'Approved?');
        const box = nodeTextBox(short, NODE_SIZES.decision, true);
        assert.deepEqual(box, NODE_SIZES.decision);
        assert.deepEqual(fitNodeText(short, { x: 0, y: 0, ...box }).title.lines, ['Approved?']);
        const squeezed = fitNodeText(node('decision', LONG), { x: 0, y: 0, width: 160, height: 76 });
        assert.equal(squeezed.title.cut, true);
        assert.ok(squeezed.title.lines.at(-1)!.endsWith('…'));
    });

    it('wraps an edge label to shorter lines top to bottom, and draws it as the layout placed it', async () => {
        const edge: DiagramEdge = {
            id: 'A->B',
            from: 'A',
            to: 'B',
            label: 'customer is a returning account',
            channel: 'ServiceNow',
            handoff: true,
            critical: false,
            findings: [],
        };
        const right = edgeLabelLines(edge, 'RIGHT');
        const down = edgeLabelLines(edge, 'DOWN');
        assert.ok(LABEL_CHARS.DOWN < LABEL_CHARS.RIGHT);
        assert.ok(right.every(line => line.length <= LABEL_CHARS.RIGHT) && down.every(line => line.length <= LABEL_CHARS.DOWN));
        assert.ok(down.length > right.length, `${down.join(' / ')} against ${right.join(' / ')}`);
        assert.ok(right.includes('via ServiceNow') && down.includes('ServiceNow'));
        // A word longer than the lines top to bottom widens them instead of being split.
        const word = edgeLabelLines({ ...edge, label: 'back-ordered', channel: undefined, handoff: false }, 'DOWN');
        assert.deepEqual(word, ['back-ordered']);
        const graph: WorkflowGraph = {
            uri: 'file:///t.workflow',
            workflow: 'T',
            summary: '',
            findings: [],
            lanes: [
                { id: 'T', label: 'T' },
                { id: 'U', label: 'U' },
            ],
            nodes: [
                { ...node('step', 'Ask', 'T.Rep'), id: 'A', name: 'A' },
                { ...node('step', 'Answer'), id: 'B', name: 'B', lane: 'U' },
            ],
            edges: [edge],
        };
        for (const direction of ['RIGHT', 'DOWN'] as const) {
            const layout = await layoutGraph(graph, createElk(), direction);
            assert.equal(describeDefects(checkLayout(graph, layout)), '', direction);
            const svg = svgDocument(graph, layout);
            const group = svg.slice(svg.indexOf('wa-edge-label'), svg.indexOf('</g>', svg.indexOf('wa-edge-label')));
            const drawn = [...group.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map(m => m[1]);
            assert.deepEqual(drawn, edgeLabelLines(edge, direction), direction);
        }
    });
});
