/**
 * What makes a laid-out diagram hard to read, counted: the instrument the layout is tuned against
 * (tests assert on it, `npm run bench` prints it). Pure functions of a graph model and its layout;
 * every text, label box and node outline is measured the way `svg.ts` draws it (`labels.ts`,
 * `layout-metrics.ts`), so what the checker finds is what the reader sees.
 *
 * The rules, each a list of defects naming the elements involved (edge ids, node ids, `lane:ID`):
 * - `edgeThroughLabel` (a): a line comes more than `through` px inside the label box of another
 *   edge. An edge's own label sits on it by design.
 * - `labelOverlap` (b): two edge labels, or an edge label and a lane header, overlap by more than
 *   `overlap` px in both directions.
 * - `labelOnNode` (c): an edge label overlaps a node's shape (the diamond of a decision, the
 *   rounded box of a step, the pill of an end — not its bounding box) by more than `overlap` px.
 * - `edgeThroughNode` (d): a line comes more than `through` px inside a node's shape. This counts
 *   the edge's own ends too: an edge that leaves through the far side of its own source, or runs
 *   across its target before arriving, is as misleading as one crossing a stranger.
 * - `edgeOverlap` (e): see `edge-overlap.ts` — two edges run on top of each other, except the
 *   trunk that edges leaving the same node may share before they fork.
 * - `edgeOffOutline` (f): an edge's first point is more than `outline` px from its source's drawn
 *   outline, or its last point from its target's (where the arrowhead's tip sits).
 * - `sharedArrowhead` (g): two edges into the same node end less than `arrowhead` px apart, so the
 *   reader sees one arrowhead where there are two.
 * - `cutText` (i): a lane label or title, node title or detail, or edge label line that is drawn
 *   shortened (the full text is only in its tooltip).
 * - `edgeThroughLaneHeader`: a line comes more than `through` px into a lane header, over the
 *   team's name.
 * - `nodeOutsideLane`: a node not wholly inside the body (the lane without its header) of its
 *   team's lane. `laneOverlap`: two lanes overlap. `outsideDrawing`: a node, label or edge point
 *   beyond the drawing's width and height. `notDrawn`: a node or edge of the graph missing from the
 *   layout, or an edge label with no place.
 * A defect is one pair of elements (or one element, or one text): an edge that crosses a label
 * twice is one defect. Start dots and finding badges, small marks at a node's side, are not part
 * of its shape here. Plus (h) `areaPerNode`: the drawing's width × height over its node count.
 */
import type { Box, DiagramLayout, Point } from '../protocol/diagram-layout.js';
import type { DiagramEdge, DiagramNode, WorkflowGraph } from '../protocol/graph-model.js';
import { overlappingEdges } from './edge-overlap.js';
import type { Segment } from './edge-overlap.js';
import type { Polygon } from './geometry.js';
import {
    BoxGrid,
    boundsOf,
    boxContains,
    boxesOverlap,
    boxPolygon,
    distanceToOutline,
    insetBox,
    lengthInside,
    outlinePolygon,
    polygonsOverlap,
    round,
} from './geometry.js';
import { edgeLabelLines, fitEdgeLabel, fitLaneHeader, fitNodeText, labelBox } from './labels.js';
import type { FittedText } from './labels.js';
import { laneHeaderBox, nodeOutline } from './layout-metrics.js';

/** The distances, in px, below which the rules let things touch. */
export const TOLERANCE = {
    /** An edge end this close to its node's outline is on it (the arrowhead's tip reaches 1–1.6 px past the end). */
    outline: 1.5,
    /** How far inside a node, label or header a line must come to run through it, rather than graze it. */
    through: 1.5,
    /** How deep two areas must overlap, in both directions, to cover each other. */
    overlap: 1,
    /** Lines closer than this run on top of each other (a line is drawn 1.5–2.5 px wide)… */
    collinear: 2,
    /** …and count once they do so for longer than this. */
    sharedRun: 4,
    /** Arrowheads into one node whose tips are closer than this read as one (they are 10–16 px wide: this is the least). */
    arrowhead: 8,
} as const;

export const RULES = [
    'edgeThroughLabel',
    'labelOverlap',
    'labelOnNode',
    'edgeThroughNode',
    'edgeOverlap',
    'edgeOffOutline',
    'sharedArrowhead',
    'cutText',
    'edgeThroughLaneHeader',
    'nodeOutsideLane',
    'laneOverlap',
    'outsideDrawing',
    'notDrawn',
] as const;
export type Rule = (typeof RULES)[number];

export interface Defect {
    readonly rule: Rule;
    /** The elements involved: edge and node ids, `lane:ID` for a lane. */
    readonly ids: readonly string[];
    readonly message: string;
}

export interface LayoutQuality {
    readonly nodes: number;
    readonly lanes: number;
    readonly width: number;
    readonly height: number;
    /** (h) The drawing's area per node, in px². */
    readonly areaPerNode: number;
    readonly defects: Readonly<Record<Rule, readonly Defect[]>>;
}

/** An edge label (its id is the edge's) or a lane header (`lane:ID`). */
interface Label {
    readonly id: string;
    readonly box: Box;
}

/** Checks a layout against every rule. */
export function checkLayout(graph: WorkflowGraph, layout: DiagramLayout): LayoutQuality {
    const scene = new Scene(graph, layout);
    const defects = Object.fromEntries(RULES.map(rule => [rule, [] as Defect[]])) as Record<Rule, Defect[]>;
    const report = (rule: Rule, ids: string[], message: string) => defects[rule].push({ rule, ids, message });
    edgesThroughAreas(scene, report);
    labelsOverlapping(scene, report);
    edgeEnds(scene, report);
    for (const defect of overlappingEdges(scene.segments, scene.routes, scene.graphEdges, TOLERANCE))
        report('edgeOverlap', [...defect.ids], defect.message);
    cutTexts(scene, report);
    lanesAndBounds(scene, report);
    return {
        nodes: layout.nodes.length,
        lanes: layout.lanes.length,
        width: layout.width,
        height: layout.height,
        areaPerNode: (layout.width * layout.height) / Math.max(1, layout.nodes.length),
        defects,
    };
}

/** The number of defects per rule. */
export function defectCounts(quality: LayoutQuality): Record<Rule, number> {
    return Object.fromEntries(RULES.map(rule => [rule, quality.defects[rule].length])) as Record<Rule, number>;
}

/** The defects of the given rules, one per line, for a test's failure message. */
export function describeDefects(quality: LayoutQuality, rules: readonly Rule[] = RULES): string {
    return rules.flatMap(rule => quality.defects[rule].map(defect => `${rule}: ${defect.message}`)).join('\n');
}

type Report = (rule: Rule, ids: string[], message: string) => void;

/** The laid-out elements with their graph counterparts, shapes and label boxes, and an index of where they are. */
class Scene {
    readonly graphNodes: Map<string, DiagramNode>;
    readonly graphEdges: Map<string, DiagramEdge>;
    readonly shapes = new Map<string, { node: DiagramNode; box: Box; outline: Polygon; core: Polygon }>();
    readonly routes = new Map<string, readonly Point[]>();
    readonly segments: Segment[] = [];
    /** Edge labels by their edge's id, lane headers by `lane:ID`. */
    readonly labels = new Map<string, Label>();
    readonly headers = new Map<string, Label>();
    /** Node shapes and label boxes by where they are. */
    readonly areas = new BoxGrid<{ kind: 'node' | 'label' | 'header'; id: string }>();

    constructor(
        readonly graph: WorkflowGraph,
        readonly layout: DiagramLayout,
    ) {
        this.graphNodes = new Map(graph.nodes.map(node => [node.id, node]));
        this.graphEdges = new Map(graph.edges.map(edge => [edge.id, edge]));
        for (const laidOut of layout.nodes) {
            const node = this.graphNodes.get(laidOut.id);
            if (!node) continue;
            const outline = nodeOutline(node.kind, laidOut);
            this.shapes.set(node.id, {
                node,
                box: laidOut,
                outline: outlinePolygon(outline, laidOut),
                core: outlinePolygon(outline, laidOut, TOLERANCE.through),
            });
            this.areas.add(laidOut, { kind: 'node', id: node.id });
        }
        for (const laidOut of layout.edges) {
            const edge = this.graphEdges.get(laidOut.id);
            if (!edge) continue;
            this.routes.set(edge.id, laidOut.points);
            let start = 0;
            for (let i = 0; i + 1 < laidOut.points.length; i++) {
                const [a, b] = [laidOut.points[i], laidOut.points[i + 1]];
                const length = Math.hypot(b.x - a.x, b.y - a.y);
                if (length > 0) this.segments.push({ edge: edge.id, index: i, a, b, start });
                start += length;
            }
            const lines = edgeLabelLines(edge, layout.direction);
            if (lines.length > 0 && laidOut.labelAt) {
                const label = { id: edge.id, box: labelBox(lines, laidOut.labelAt) };
                this.labels.set(label.id, label);
                this.areas.add(label.box, { kind: 'label', id: edge.id });
            }
        }
        for (const lane of layout.lanes) {
            const header = { id: `lane:${lane.id}`, box: laneHeaderBox(lane, layout.direction) };
            this.headers.set(header.id, header);
            this.areas.add(header.box, { kind: 'header', id: header.id });
        }
    }
}

/** (a), (d) and lines through lane headers: every segment against the areas it comes near. */
function edgesThroughAreas(scene: Scene, report: Report): void {
    const { labels, headers } = scene;
    const seen = new Set<string>();
    for (const segment of scene.segments) {
        for (const area of scene.areas.near(boundsOf([segment.a, segment.b]))) {
            const key = `${area.kind}\u0000${segment.edge}\u0000${area.id}`;
            if (seen.has(key)) continue;
            if (area.kind === 'node') {
                const inside = lengthInside(segment.a, segment.b, scene.shapes.get(area.id)!.core);
                if (inside <= 0) continue;
                seen.add(key);
                const own = edgeEndsAt(scene, segment.edge, area.id);
                report(
                    'edgeThroughNode',
                    [segment.edge, area.id],
                    `edge ${segment.edge} runs ${round(inside)} px through ${own ? `its own ${own}` : 'node'} ${area.id}`,
                );
            } else {
                if (area.id === segment.edge) continue;
                const box = (area.kind === 'label' ? labels : headers).get(area.id)!.box;
                if (lengthInside(segment.a, segment.b, boxPolygon(insetBox(box, TOLERANCE.through))) <= 0) continue;
                seen.add(key);
                if (area.kind === 'label')
                    report('edgeThroughLabel', [segment.edge, area.id], `edge ${segment.edge} runs through the label of edge ${area.id}`);
                else
                    report(
                        'edgeThroughLaneHeader',
                        [segment.edge, area.id],
                        `edge ${segment.edge} runs through the header of lane ${area.id.slice('lane:'.length)}`,
                    );
            }
        }
    }
}

function edgeEndsAt(scene: Scene, edgeId: string, nodeId: string): string | undefined {
    const edge = scene.graphEdges.get(edgeId)!;
    return edge.from === nodeId ? 'source' : edge.to === nodeId ? 'target' : undefined;
}

/** (b) and (c): each edge label against the labels, headers and nodes it comes near. */
function labelsOverlapping(scene: Scene, report: Report): void {
    const { labels, headers } = scene;
    const seen = new Set<string>();
    for (const label of scene.labels.values()) {
        const polygon = boxPolygon(label.box);
        for (const area of scene.areas.near(label.box)) {
            if (area.kind === 'node') {
                if (!polygonsOverlap(polygon, scene.shapes.get(area.id)!.outline, TOLERANCE.overlap)) continue;
                report('labelOnNode', [label.id, area.id], `the label of edge ${label.id} covers node ${area.id}`);
                continue;
            }
            if (area.id === label.id) continue;
            const pair = [label.id, area.id].sort().join('\u0000');
            if (seen.has(pair)) continue;
            const other = (area.kind === 'label' ? labels : headers).get(area.id)!;
            if (!boxesOverlap(label.box, other.box, TOLERANCE.overlap)) continue;
            seen.add(pair);
            report(
                'labelOverlap',
                [label.id, area.id],
                area.kind === 'label'
                    ? `the labels of edges ${label.id} and ${area.id} overlap`
                    : `the label of edge ${label.id} covers the header of lane ${area.id.slice('lane:'.length)}`,
            );
        }
    }
}

/** (f) and (g): where each edge starts and ends. */
function edgeEnds(scene: Scene, report: Report): void {
    const arrivals = new Map<string, Array<{ edge: string; at: Point }>>();
    for (const [id, points] of scene.routes) {
        const edge = scene.graphEdges.get(id)!;
        const source = scene.shapes.get(edge.from);
        const target = scene.shapes.get(edge.to);
        if (points.length < 2 || !source || !target) continue;
        const first = points[0];
        const last = points[points.length - 1];
        const startGap = distanceToOutline(first, source.outline);
        if (startGap > TOLERANCE.outline)
            report('edgeOffOutline', [id, edge.from], `edge ${id} starts ${round(startGap)} px off the outline of ${edge.from}`);
        const endGap = distanceToOutline(last, target.outline);
        if (endGap > TOLERANCE.outline)
            report('edgeOffOutline', [id, edge.to], `edge ${id} ends ${round(endGap)} px off the outline of ${edge.to}`);
        (arrivals.get(edge.to) ?? arrivals.set(edge.to, []).get(edge.to)!).push({ edge: id, at: last });
    }
    for (const [node, ends] of arrivals) {
        for (let i = 0; i < ends.length; i++) {
            for (let j = i + 1; j < ends.length; j++) {
                const gap = Math.hypot(ends[i].at.x - ends[j].at.x, ends[i].at.y - ends[j].at.y);
                if (gap < TOLERANCE.arrowhead) {
                    report(
                        'sharedArrowhead',
                        [ends[i].edge, ends[j].edge, node],
                        `edges ${ends[i].edge} and ${ends[j].edge} end ${round(gap)} px apart on ${node}`,
                    );
                }
            }
        }
    }
}

/** (i): every text `svg.ts` shortens to fit. */
function cutTexts(scene: Scene, report: Report): void {
    const cut = (id: string, what: string, fitted: FittedText | undefined) => {
        if (fitted?.cut) report('cutText', [id], `${what} "${fitted.text}" is drawn as "${fitted.lines.join(' ')}"`);
    };
    for (const lane of scene.layout.lanes) {
        const text = fitLaneHeader(lane, laneHeaderBox(lane, scene.layout.direction));
        cut(`lane:${lane.id}`, `the label of lane ${lane.id}`, text.label);
        cut(`lane:${lane.id}`, `the title of lane ${lane.id}`, text.title);
    }
    for (const { node, box } of scene.shapes.values()) {
        const text = fitNodeText(node, box);
        cut(node.id, `the title of node ${node.id}`, text.title);
        cut(node.id, `the detail line of node ${node.id}`, text.detail);
    }
    for (const label of scene.labels.values()) {
        for (const line of fitEdgeLabel(scene.graphEdges.get(label.id)!, scene.layout.direction))
            cut(label.id, `the label of edge ${label.id}`, line);
    }
}

/** Lanes hold their nodes and stay apart; everything lies on the drawing; nothing of the graph is missing. */
function lanesAndBounds(scene: Scene, report: Report): void {
    const { layout } = scene;
    const lanes = new Map(layout.lanes.map(lane => [lane.id, lane]));
    for (const { node, box } of scene.shapes.values()) {
        const lane = lanes.get(node.lane);
        if (!lane) {
            report('nodeOutsideLane', [node.id, `lane:${node.lane}`], `node ${node.id} belongs to lane ${node.lane}, which is not drawn`);
            continue;
        }
        const header = laneHeaderBox(lane, layout.direction);
        const body =
            layout.direction === 'RIGHT'
                ? { x: lane.x + header.width, y: lane.y, width: lane.width - header.width, height: lane.height }
                : { x: lane.x, y: lane.y + header.height, width: lane.width, height: lane.height - header.height };
        if (!boxContains(body, box, 0.5))
            report('nodeOutsideLane', [node.id, `lane:${lane.id}`], `node ${node.id} is not inside the body of its lane ${lane.id}`);
    }
    for (let i = 0; i < layout.lanes.length; i++) {
        for (let j = i + 1; j < layout.lanes.length; j++) {
            if (boxesOverlap(layout.lanes[i], layout.lanes[j], 0.5)) {
                report(
                    'laneOverlap',
                    [`lane:${layout.lanes[i].id}`, `lane:${layout.lanes[j].id}`],
                    `lanes ${layout.lanes[i].id} and ${layout.lanes[j].id} overlap`,
                );
            }
        }
    }
    const drawing = { x: 0, y: 0, width: layout.width, height: layout.height };
    const beyond = (ids: string[], what: string, box: Box) => {
        const by = Math.max(-box.x, -box.y, box.x + box.width - drawing.width, box.y + box.height - drawing.height);
        if (by > 0.5) report('outsideDrawing', ids, `${what} reaches ${round(by)} px beyond the drawing`);
    };
    for (const lane of layout.lanes) beyond([`lane:${lane.id}`], `lane ${lane.id}`, lane);
    for (const { node, box } of scene.shapes.values()) beyond([node.id], `node ${node.id}`, box);
    for (const label of scene.labels.values()) beyond([label.id], `the label of edge ${label.id}`, label.box);
    for (const [id, points] of scene.routes) beyond([id], `edge ${id}`, boundsOf(points));
    for (const node of scene.graph.nodes)
        if (!scene.shapes.has(node.id)) report('notDrawn', [node.id], `node ${node.id} is not in the layout`);
    for (const edge of scene.graph.edges) {
        if (!scene.shapes.has(edge.from) || !scene.shapes.has(edge.to)) continue;
        const points = scene.routes.get(edge.id);
        if (!points || points.length < 2) report('notDrawn', [edge.id], `edge ${edge.id} has no route`);
        else if (edgeLabelLines(edge, scene.layout.direction).length > 0 && !scene.labels.has(edge.id))
            report('notDrawn', [edge.id], `edge ${edge.id} has a label but no place for it`);
    }
}
