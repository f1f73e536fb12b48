/**
 * What makes an organization map hard to read, counted on its layout: edges through a label,
 * edges through a team or system box that is not one of their ends, labels over boxes or over
 * each other, and crossings between edges. The tests require the first three to be zero; the
 * bench (`bench/org-map-bench.ts`) compares the layered and the force layouts with all of them.
 */
import type { Box, Point } from '../protocol/diagram-layout.js';
import { boxPolygon, clipToPolygon, insetBox } from './geometry.js';
import type { OrgLayout } from './org-layout.js';

export interface OrgLayoutProblems {
    readonly edgesThroughLabels: number;
    readonly edgesThroughBoxes: number;
    readonly labelsOverBoxes: number;
    readonly labelsOverLabels: number;
    readonly edgeCrossings: number;
}

function segments(points: Point[]): Array<[Point, Point]> {
    return points.slice(1).map((point, i) => [points[i], point]);
}

/** Whether a segment passes through the inside of a box (shrunk by `margin`, so touching does not count). */
function crosses(segment: [Point, Point], box: Box, margin = 1): boolean {
    const inner = insetBox(box, margin);
    if (inner.width <= 0 || inner.height <= 0) return false;
    return clipToPolygon(segment[0], segment[1], boxPolygon(inner)) !== undefined;
}

function overlaps(a: Box, b: Box, margin = 1): boolean {
    return a.x + margin < b.x + b.width && b.x + margin < a.x + a.width && a.y + margin < b.y + b.height && b.y + margin < a.y + a.height;
}

function segmentsIntersect([a, b]: [Point, Point], [c, d]: [Point, Point]): boolean {
    const cross = (p: Point, q: Point, r: Point) => (q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x);
    const d1 = cross(c, d, a);
    const d2 = cross(c, d, b);
    const d3 = cross(a, b, c);
    const d4 = cross(a, b, d);
    return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

export function orgLayoutProblems(layout: OrgLayout): OrgLayoutProblems {
    const labels = layout.edges.flatMap(edge => (edge.label ? [{ edge: edge.id, box: edge.label as Box }] : []));
    let edgesThroughLabels = 0;
    let edgesThroughBoxes = 0;
    let edgeCrossings = 0;
    const edgeSegments = layout.edges.map(edge => ({ edge, parts: segments(edge.points) }));
    for (const { edge, parts } of edgeSegments) {
        edgesThroughLabels += labels.filter(label => parts.some(part => crosses(part, label.box))).length;
        edgesThroughBoxes += layout.nodes.filter(
            node => node.id !== edge.from && node.id !== edge.to && parts.some(part => crosses(part, node)),
        ).length;
    }
    for (let i = 0; i < edgeSegments.length; i++) {
        for (let j = i + 1; j < edgeSegments.length; j++) {
            if (edgeSegments[i].parts.some(a => edgeSegments[j].parts.some(b => segmentsIntersect(a, b)))) edgeCrossings++;
        }
    }
    let labelsOverLabels = 0;
    for (let i = 0; i < labels.length; i++) {
        for (let j = i + 1; j < labels.length; j++) if (overlaps(labels[i].box, labels[j].box)) labelsOverLabels++;
    }
    const labelsOverBoxes = labels.filter(label => layout.nodes.some(node => overlaps(label.box, node))).length;
    return { edgesThroughLabels, edgesThroughBoxes, labelsOverBoxes, labelsOverLabels, edgeCrossings };
}
