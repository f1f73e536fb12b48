/**
 * Draws a laid-out workflow graph as an SVG element tree: swimlanes labelled with their team,
 * steps as rounded boxes, decisions as diamonds, ends as pills, automated steps dashed with the
 * system named, sub-workflow calls double-framed, hand-offs in their own colour labelled with
 * their channel, missing channels and nodes with findings marked, tooltips with the details.
 * Every user string becomes a text node.
 */
import type { DiagramEdge, DiagramNode, Finding, WorkflowGraph } from '../protocol/graph-model.js';
import type { Box, DiagramLayout, Direction, LaidOutEdge, LaidOutLane, LaidOutNode, Point } from '../protocol/diagram-layout.js';
import type { VNode } from './vnode.js';
import { h } from './vnode.js';
import { edgeLabelLines, fitLaneHeader, fitNodeText, labelBox, LANE_LINE_HEIGHT } from './labels.js';
import { laneHeaderBox, nodeOutline } from './layout-metrics.js';

export interface RenderOptions {
    /** Highlight the critical path (the preview toggles it; exports keep what is shown). */
    readonly showCritical?: boolean;
    /** The node the user clicked, and the node under the editor's cursor, as the preview marks them. */
    readonly selected?: string;
    readonly highlighted?: string;
    /** Nodes are focusable buttons in the preview; a file is a picture. Defaults to true. */
    readonly interactive?: boolean;
}

const LINE_HEIGHT = 15;

/**
 * A group of the diagram whose members are drawn one at a time: the preview builds a large diagram
 * in slices between which it answers input, and drawing a member is part of the slice.
 */
export interface DeferredGroup {
    /** The group's own element, without children. */
    readonly group: VNode;
    readonly size: number;
    member(index: number): VNode;
    /** Where a member is drawn (generously, for edges with labels), so a view can draw only what it shows. */
    bounds(index: number): Box;
    /** A member's id (a lane's, an edge's, a node's), to find it without building the members before it. */
    key(index: number): string;
}

/** The diagram's root element (without children) and what goes into it, in order. */
export interface DiagramParts {
    readonly root: VNode;
    readonly parts: ReadonlyArray<VNode | DeferredGroup>;
}

export function isDeferred(part: VNode | DeferredGroup): part is DeferredGroup {
    return 'member' in part;
}

/** The whole element tree at once: for exports, the command line and tests. */
export function renderDiagram(graph: WorkflowGraph, layout: DiagramLayout, options: RenderOptions = {}): VNode {
    const { root, parts } = diagramParts(graph, layout, options);
    const children = parts.map(part =>
        isDeferred(part) ? { ...part.group, children: Array.from({ length: part.size }, (_, index) => part.member(index)) } : part,
    );
    return { ...root, children };
}

/** The diagram with its lanes, edges and nodes left to be drawn member by member. */
export function diagramParts(graph: WorkflowGraph, layout: DiagramLayout, options: RenderOptions = {}): DiagramParts {
    const nodes = new Map(graph.nodes.map(node => [node.id, node]));
    const edges = new Map(graph.edges.map(edge => [edge.id, edge]));
    const width = Math.ceil(layout.width);
    const height = Math.ceil(layout.height);
    const root = h('svg', {
        xmlns: 'http://www.w3.org/2000/svg',
        class: `wa-diagram${options.showCritical ? ' wa-show-critical' : ''}`,
        width,
        height,
        viewBox: `0 0 ${width} ${height}`,
        role: 'img',
        'aria-label': `Workflow ${graph.workflow}`,
    });
    return {
        root,
        parts: [
            h('title', {}, `${graph.title ?? graph.workflow} — ${graph.summary}`),
            markers(),
            h('rect', { class: 'wa-background', x: 0, y: 0, width, height }),
            {
                group: h('g', { class: 'wa-lanes' }),
                size: layout.lanes.length,
                member: index => renderLane(layout.lanes[index], index, layout),
                bounds: index => layout.lanes[index],
                key: index => layout.lanes[index].id,
            },
            {
                group: h('g', { class: 'wa-edges' }),
                size: layout.edges.length,
                member: index => renderEdge(edges.get(layout.edges[index].id)!, layout.edges[index], layout.direction),
                bounds: index => edgeBounds(layout.edges[index]),
                key: index => layout.edges[index].id,
            },
            {
                group: h('g', { class: 'wa-nodes' }),
                size: layout.nodes.length,
                member: index => renderNode(nodes.get(layout.nodes[index].id)!, layout.nodes[index], options),
                bounds: index => layout.nodes[index],
                key: index => layout.nodes[index].id,
            },
        ],
    };
}

/** How far an edge label may reach from its centre: wider than any fitted label. */
const LABEL_REACH = { x: 120, y: 40 };

function edgeBounds(edge: LaidOutEdge): Box {
    const points = edge.labelAt
        ? [
              ...edge.points,
              { x: edge.labelAt.x - LABEL_REACH.x, y: edge.labelAt.y - LABEL_REACH.y },
              { x: edge.labelAt.x + LABEL_REACH.x, y: edge.labelAt.y + LABEL_REACH.y },
          ]
        : edge.points;
    const xs = points.map(point => point.x);
    const ys = points.map(point => point.y);
    const x = Math.min(...xs);
    const y = Math.min(...ys);
    return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}

/** The arrowheads edges point to, by id: one per line colour. */
export function markers(): VNode {
    const arrow = (id: string, className: string) =>
        h(
            'marker',
            {
                id,
                viewBox: '0 0 10 10',
                refX: 9,
                refY: 5,
                markerWidth: 7,
                markerHeight: 7,
                orient: 'auto-start-reverse',
            },
            [h('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: className })],
        );
    return h('defs', {}, [
        arrow('wa-arrow', 'wa-arrow'),
        arrow('wa-arrow-handoff', 'wa-arrow-handoff'),
        arrow('wa-arrow-warning', 'wa-arrow-warning'),
    ]);
}

function renderLane(lane: LaidOutLane, index: number, layout: DiagramLayout): VNode {
    const horizontal = layout.direction === 'RIGHT';
    const header = laneHeaderBox(lane, layout.direction);
    const text = fitLaneHeader(lane, header);
    const textX = header.x + 10;
    const labelLines = text.label.lines;
    const titleLines = text.title?.lines ?? [];
    const total = labelLines.length + titleLines.length;
    const firstY = horizontal
        ? header.y + header.height / 2 - ((total - 1) * LANE_LINE_HEIGHT) / 2 + 4
        : header.y + (titleLines.length > 0 ? 17 : 25);
    return h('g', { class: `wa-lane${index % 2 === 1 ? ' wa-alt' : ''}`, 'data-lane': lane.id }, [
        h('title', {}, lane.title ? `${lane.label} — ${lane.title}` : lane.label),
        h('rect', { class: 'wa-lane-band', x: lane.x, y: lane.y, width: lane.width, height: lane.height }),
        h('rect', { class: 'wa-lane-header', ...header }),
        ...labelLines.map((line, i) => h('text', { class: 'wa-lane-label', x: textX, y: firstY + i * LANE_LINE_HEIGHT }, line)),
        ...titleLines.map((line, i) =>
            h('text', { class: 'wa-lane-title', x: textX, y: firstY + (labelLines.length + i) * LANE_LINE_HEIGHT }, line),
        ),
    ]);
}

function renderNode(node: DiagramNode, box: LaidOutNode, options: RenderOptions): VNode {
    const worst = worstFinding(node.findings);
    const classes = [
        'wa-node',
        `wa-${node.kind}`,
        node.automatedBy !== undefined && 'wa-automated',
        node.calls !== undefined && 'wa-calls',
        node.critical && 'wa-critical',
        node.start && 'wa-start',
        worst && `wa-has-${worst === 'error' ? 'error' : 'warning'}`,
        options.selected === node.id && 'wa-selected',
        options.highlighted === node.id && 'wa-highlighted',
    ]
        .filter(Boolean)
        .join(' ');
    const interactive = options.interactive ?? true;
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    const text = fitNodeText(node, box);
    const titleLines = text.title.lines;
    const detailLines = text.detail?.lines ?? [];
    const lines: VNode[] = [];
    const total = titleLines.length + detailLines.length;
    let y = cy - ((total - 1) * LINE_HEIGHT) / 2 + 4;
    for (const line of titleLines) {
        lines.push(h('text', { class: 'wa-node-title', x: cx, y, 'text-anchor': 'middle' }, line));
        y += LINE_HEIGHT;
    }
    for (const line of detailLines) {
        lines.push(h('text', { class: 'wa-node-detail', x: cx, y: y - 1, 'text-anchor': 'middle' }, line));
        y += LINE_HEIGHT;
    }
    return h(
        'g',
        {
            class: classes,
            'data-id': node.id,
            tabindex: interactive ? 0 : undefined,
            role: interactive ? 'button' : undefined,
            'aria-label': `${node.kind} ${node.name}`,
        },
        [
            h('title', {}, tooltip(node)),
            ...shape(node, box),
            ...lines,
            worst && badge(box, worst),
            node.start && h('circle', { class: 'wa-start-dot', cx: box.x - 9, cy, r: 5 }),
        ],
    );
}

function shape(node: DiagramNode, box: LaidOutNode): VNode[] {
    const { x, y, width, height } = box;
    const outline = nodeOutline(node.kind, box);
    if (outline.shape === 'diamond') {
        const points = `${x + width / 2},${y} ${x + width},${y + height / 2} ${x + width / 2},${y + height} ${x},${y + height / 2}`;
        return [h('polygon', { class: 'wa-shape', points })];
    }
    const outer = h('rect', { class: 'wa-shape', x, y, width, height, rx: outline.radius, ry: outline.radius });
    // A sub-workflow call gets a second frame, like BPMN's call activity.
    return node.calls !== undefined
        ? [outer, h('rect', { class: 'wa-inner', x: x + 3.5, y: y + 3.5, width: width - 7, height: height - 7, rx: 6, ry: 6 })]
        : [outer];
}

function badge(box: LaidOutNode, severity: 'error' | 'warning'): VNode {
    const x = box.x + box.width - 4;
    const y = box.y + 4;
    return h('g', { class: `wa-badge wa-${severity}` }, [
        h('circle', { cx: x, cy: y, r: 8 }),
        h('text', { x, y: y + 4, 'text-anchor': 'middle' }, '!'),
    ]);
}

function tooltip(node: DiagramNode): string {
    const lines = [`${node.kind} ${node.name}${node.title ? ` — ${node.title}` : ''}`];
    if (node.owner !== undefined) lines.push(`Owner: ${node.owner}`);
    if (node.duration !== undefined) lines.push(`Duration: ${node.duration}`);
    if (node.systems.length > 0) lines.push(`Uses: ${node.systems.join(', ')}`);
    if (node.automatedBy !== undefined) lines.push(`Automated by: ${node.automatedBy}`);
    if (node.calls !== undefined) lines.push(`Calls: ${node.calls}`);
    for (const finding of node.findings) lines.push(`${finding.severity}: ${finding.message} [${finding.code}]`);
    return lines.join('\n');
}

function renderEdge(edge: DiagramEdge, route: LaidOutEdge, direction: Direction): VNode {
    const noChannel = edge.handoff && edge.channel === undefined;
    const classes = [
        'wa-edge',
        edge.handoff && 'wa-handoff',
        noChannel && 'wa-no-channel',
        edge.critical && 'wa-critical',
        route.back && 'wa-back',
    ]
        .filter(Boolean)
        .join(' ');
    const marker = noChannel ? 'wa-arrow-warning' : edge.handoff ? 'wa-arrow-handoff' : 'wa-arrow';
    const text = edgeLabelLines(edge, direction);
    const tip = [
        `${edge.from} → ${edge.to}`,
        edge.label !== undefined ? `when ${edge.label}` : undefined,
        edge.handoff ? (edge.channel ? `hand-off via ${edge.channel}` : 'hand-off without channel') : undefined,
        ...edge.findings.map(finding => `${finding.severity}: ${finding.message} [${finding.code}]`),
    ]
        .filter(Boolean)
        .join('\n');
    return h('g', { class: classes, 'data-edge': edge.id, 'data-from': edge.from, 'data-to': edge.to }, [
        h('title', {}, tip),
        h('path', { d: pathData(route.points), 'marker-end': `url(#${marker})` }),
        text.length > 0 && route.labelAt !== undefined && label(text, route.labelAt),
    ]);
}

function label(lines: string[], at: Point): VNode {
    const box = labelBox(lines, at);
    const top = box.y;
    return h('g', { class: 'wa-edge-label' }, [
        h('rect', { ...box, rx: 3, ry: 3 }),
        ...lines.map((line, index) => h('text', { x: at.x, y: top + 13 + index * 14, 'text-anchor': 'middle' }, line)),
    ]);
}

/** An orthogonal polyline with slightly rounded corners. */
function pathData(points: Point[]): string {
    if (points.length === 0) return '';
    const r = 5;
    let d = `M ${round(points[0].x)} ${round(points[0].y)}`;
    for (let i = 1; i < points.length; i++) {
        const [prev, point, next] = [points[i - 1], points[i], points[i + 1]];
        if (!next) {
            d += ` L ${round(point.x)} ${round(point.y)}`;
            continue;
        }
        const inLength = Math.hypot(point.x - prev.x, point.y - prev.y);
        const outLength = Math.hypot(next.x - point.x, next.y - point.y);
        const radius = Math.min(r, inLength / 2, outLength / 2);
        const before = { x: point.x - ((point.x - prev.x) / inLength) * radius, y: point.y - ((point.y - prev.y) / inLength) * radius };
        const after = { x: point.x + ((next.x - point.x) / outLength) * radius, y: point.y + ((next.y - point.y) / outLength) * radius };
        d += ` L ${round(before.x)} ${round(before.y)} Q ${round(point.x)} ${round(point.y)} ${round(after.x)} ${round(after.y)}`;
    }
    return d;
}

function worstFinding(findings: Finding[]): 'error' | 'warning' | undefined {
    if (findings.some(finding => finding.severity === 'error')) return 'error';
    if (findings.some(finding => finding.severity === 'warning')) return 'warning';
    return undefined;
}

function round(value: number): number {
    return Math.round(value * 10) / 10;
}
