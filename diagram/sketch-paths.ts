/**
 * The preview's sketch of a diagram (see webview/sketch.ts) as path data: each kind of member —
 * lanes, lane headers, edges by colour, nodes by kind, findings, the critical path — is one `d`
 * for all of its members. Written by the layout worker beside the layout, so the webview's UI
 * thread only hands the strings to the page.
 */
import type { DiagramEdge, DiagramNode, WorkflowGraph } from '../protocol/graph-model.js';
import type { Box, DiagramLayout, LaidOutNode, Point } from '../protocol/diagram-layout.js';
import type { SketchPaths } from '../protocol/layout-worker-messages.js';
import { SKETCH_KINDS } from '../protocol/layout-worker-messages.js';
import { laneHeaderBox, nodeOutline } from './layout-metrics.js';
import { outlinePolygon } from './geometry.js';

export type { SketchPaths } from '../protocol/layout-worker-messages.js';
export { SKETCH_KINDS } from '../protocol/layout-worker-messages.js';

export function sketchPaths(graph: WorkflowGraph, layout: DiagramLayout): SketchPaths {
    const nodes = new Map(graph.nodes.map(node => [node.id, node]));
    const edges = new Map(graph.edges.map(edge => [edge.id, edge]));
    const parts = Object.fromEntries(SKETCH_KINDS.map(kind => [kind, [] as string[]])) as Record<keyof SketchPaths, string[]>;
    layout.lanes.forEach((lane, index) => {
        parts[index % 2 === 1 ? 'lane-alt' : 'lane'].push(rectData(lane));
        parts['lane-header'].push(rectData(laneHeaderBox(lane, layout.direction)));
    });
    for (const route of layout.edges) {
        const edge = edges.get(route.id);
        if (!edge) continue;
        const d = lineData(route.points);
        parts[edgeKind(edge)].push(d);
        if (edge.critical) parts['critical-edges'].push(d);
    }
    for (const box of layout.nodes) {
        const node = nodes.get(box.id);
        if (!node) continue;
        const d = shapeData(node.kind, box);
        parts[node.kind === 'decision' ? 'decision' : node.kind === 'end' ? 'end' : 'step'].push(d);
        const severities = node.findings.map(finding => finding.severity);
        if (severities.includes('error')) parts.error.push(d);
        else if (severities.includes('warning')) parts.warning.push(d);
        if (node.critical) parts['critical-nodes'].push(d);
    }
    return Object.fromEntries(SKETCH_KINDS.map(kind => [kind, parts[kind].join('')])) as SketchPaths;
}

function edgeKind(edge: DiagramEdge): 'edges' | 'handoffs' | 'no-channel' {
    if (edge.handoff && edge.channel === undefined) return 'no-channel';
    return edge.handoff ? 'handoffs' : 'edges';
}

/** A node's outline as path data: a diamond for a decision, else its box. */
export function shapeData(kind: DiagramNode['kind'], box: LaidOutNode): string {
    const outline = nodeOutline(kind, box);
    return outline.shape === 'diamond' ? `${lineData(outlinePolygon(outline, box))}z` : rectData(box);
}

function rectData(box: Box): string {
    return `M${r(box.x)} ${r(box.y)}h${r(box.width)}v${r(box.height)}h${r(-box.width)}z`;
}

function lineData(points: readonly Point[]): string {
    return points.map((point, index) => `${index === 0 ? 'M' : 'L'}${r(point.x)} ${r(point.y)}`).join('');
}

/** Path coordinates to a tenth of a pixel: the sketch is drawn far smaller than that. */
export function r(value: number): number {
    return Math.round(value * 10) / 10;
}
