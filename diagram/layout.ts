/**
 * Swimlane layout of a workflow graph.
 *
 * ELK (layered) decides the layers — which step comes after which, with cycles broken — and the
 * order of nodes within a layer, on the plain graph, which is its fast path. The lanes are then
 * placed here: one band per owning team, each node in its team's band at its ELK layer, and edges
 * routed orthogonally through the gaps between layers and the free margins of the bands. Nesting
 * one ELK group per lane, or ELK's partitioning, gives the same picture at many times the cost
 * (see `npm run bench`).
 *
 * Everything is computed on two abstract axes — `main` along the flow, `cross` across the lanes —
 * and mapped to x/y at the end, so left-to-right and top-to-bottom share one algorithm.
 */
import type { Box, DiagramLayout, Direction, Point } from '../protocol/diagram-layout.js';
import type { DiagramEdge, DiagramNode, WorkflowGraph } from '../protocol/graph-model.js';
import { EdgeRouter } from './edge-routing.js';
import { LANE_HEADER, LANE_PADDING, LAYER_GAP, MARGIN, NODE_SIZES, ROW_GAP, SLOT } from './layout-metrics.js';
import { SIMPLE_LAYERING_FROM, simpleLayering } from './simple-layering.js';

/** The part of the ELK API the layout needs (elkjs's `ELK` instance). */
export interface ElkLike {
    layout(graph: ElkInput): Promise<ElkOutput>;
}
interface ElkInput {
    id: string;
    layoutOptions: Record<string, string>;
    children: Array<{ id: string; width: number; height: number }>;
    edges: Array<{ id: string; sources: string[]; targets: string[] }>;
}
interface ElkOutput {
    children?: Array<{ id: string; x?: number; y?: number }>;
}


/** Lays out a graph with ELK for the layering and in-layer order, then with lanes of its own. */
export async function layoutGraph(graph: WorkflowGraph, elk: ElkLike, direction: Direction = 'RIGHT'): Promise<DiagramLayout> {
    const order = await elkOrder(graph, elk, direction);
    return placeInLanes(graph, order, direction);
}

export interface ElkOrder {
    /** Layer index of each node, from ELK's coordinates along the flow. */
    readonly layer: Map<string, number>;
    /** ELK's position across the flow, to keep its crossing-minimised order inside each lane. */
    readonly rank: Map<string, number>;
}

/**
 * ELK's settings for the layering. Its own edge routes are not used, so the cheap polyline router
 * is enough; a lower thoroughness than the default keeps 1,000 nodes under a second. (Asking ELK
 * to follow the model order, `considerModelOrder`, multiplied the time by ten and was dropped.)
 */
export const ELK_OPTIONS: Record<string, string> = {
    'elk.algorithm': 'layered',
    'elk.edgeRouting': 'POLYLINE',
    'elk.layered.spacing.nodeNodeBetweenLayers': '40',
    'elk.spacing.nodeNode': '20',
    'elk.layered.thoroughness': '3',
};

async function elkOrder(graph: WorkflowGraph, elk: ElkLike, direction: Direction): Promise<ElkOrder> {
    // Ends are leaves, and edges into them are often long (every `otherwise -> Rejected`): ELK
    // would route each through every layer it spans. They are placed after ELK instead, one layer
    // after their latest predecessor, which is where ELK would put them.
    const ends = new Set(graph.nodes.filter(node => node.kind === 'end').map(node => node.id));
    const laidOut = graph.nodes.filter(node => !ends.has(node.id)).map(node => node.id);
    const inside = new Set(laidOut);
    const back = backEdges(graph);
    // Rework loops are turned round before the layering, so it gets a DAG whose order follows
    // the flow from the start (ELK's own cycle breaking may put a rework step before the work).
    const edges = graph.edges.filter(edge => inside.has(edge.from) && inside.has(edge.to))
        .map(edge => back.has(edge.id) ? { id: edge.id, from: edge.to, to: edge.from } : edge);
    const order = laidOut.length >= SIMPLE_LAYERING_FROM
        ? simpleLayering(laidOut, edges)
        : await elkLayering(laidOut, edges, elk, direction);
    const { layer, rank } = order;
    for (const end of ends) {
        const before = graph.edges.filter(edge => edge.to === end && layer.has(edge.from)).map(edge => edge.from);
        layer.set(end, before.length > 0 ? 1 + before.reduce((max, id) => Math.max(max, layer.get(id)!), 0) : 0);
        rank.set(end, before.length > 0 ? before.reduce((sum, id) => sum + rank.get(id)!, 0) / before.length : 0);
    }
    return order;
}

/** ELK's layers and in-layer order for a DAG: its coordinates along and across the flow. */
async function elkLayering(ids: string[], edges: Array<{ id: string; from: string; to: string }>, elk: ElkLike, direction: Direction): Promise<ElkOrder> {
    const result = await elk.layout({
        id: 'root',
        layoutOptions: { ...ELK_OPTIONS, 'elk.direction': direction },
        // Every node gets the same slot, so all nodes of a layer share one coordinate along the flow.
        children: ids.map(id => ({ id, ...SLOT })),
        edges: edges.map(edge => ({ id: edge.id, sources: [edge.from], targets: [edge.to] })),
    });
    const along = new Map<string, number>();
    const rank = new Map<string, number>();
    for (const child of result.children ?? []) {
        along.set(child.id, Math.round((direction === 'RIGHT' ? child.x : child.y) ?? 0));
        rank.set(child.id, (direction === 'RIGHT' ? child.y : child.x) ?? 0);
    }
    const layerOf = new Map([...new Set(along.values())].sort((a, b) => a - b).map((value, index) => [value, index]));
    return { layer: new Map(ids.map(id => [id, layerOf.get(along.get(id) ?? 0) ?? 0])), rank };
}

/**
 * The edges that close a cycle when the graph is walked depth-first from the start node (then from
 * any node not reached yet, in declaration order): the rework loops.
 */
export function backEdges(graph: WorkflowGraph): Set<string> {
    const outgoing = new Map<string, DiagramEdge[]>(graph.nodes.map(node => [node.id, []]));
    for (const edge of graph.edges) outgoing.get(edge.from)?.push(edge);
    const state = new Map<string, 'open' | 'done'>();
    const back = new Set<string>();
    const roots = [...graph.nodes.filter(node => node.start), ...graph.nodes];
    for (const root of roots) {
        if (state.has(root.id)) continue;
        const stack: Array<{ id: string; index: number }> = [{ id: root.id, index: 0 }];
        state.set(root.id, 'open');
        while (stack.length > 0) {
            const frame = stack[stack.length - 1];
            const edges = outgoing.get(frame.id) ?? [];
            if (frame.index >= edges.length) {
                state.set(frame.id, 'done');
                stack.pop();
                continue;
            }
            const edge = edges[frame.index++];
            const seen = state.get(edge.to);
            if (seen === 'open') back.add(edge.id);
            else if (seen === undefined && outgoing.has(edge.to)) {
                state.set(edge.to, 'open');
                stack.push({ id: edge.to, index: 0 });
            }
        }
    }
    return back;
}

/** Abstract geometry: `main` along the flow, `cross` across lanes. */
export interface Placed { main: number; cross: number; mainSize: number; crossSize: number }

function placeInLanes(graph: WorkflowGraph, order: ElkOrder, direction: Direction): DiagramLayout {
    const horizontal = direction === 'RIGHT';
    const slotMain = horizontal ? SLOT.width : SLOT.height;
    const slotCross = horizontal ? SLOT.height : SLOT.width;
    const sizeOf = (node: DiagramNode) => {
        const size = NODE_SIZES[node.kind];
        return horizontal ? { main: size.width, cross: size.height } : { main: size.height, cross: size.width };
    };

    // Cells: the nodes of one lane in one layer, in ELK's order.
    let layerCount = 1;
    for (const layer of order.layer.values()) layerCount = Math.max(layerCount, layer + 1);
    const cells = new Map<string, DiagramNode[]>();
    for (const node of [...graph.nodes].sort((a, b) => (order.rank.get(a.id) ?? 0) - (order.rank.get(b.id) ?? 0))) {
        const key = `${node.lane}\u0000${order.layer.get(node.id)}`;
        (cells.get(key) ?? cells.set(key, []).get(key)!).push(node);
    }

    const header = LANE_HEADER[direction];
    const mainStart = MARGIN + header + LAYER_GAP / 2;
    const layerMain = (layer: number) => mainStart + layer * (slotMain + LAYER_GAP);
    const mainEnd = layerMain(layerCount) - LAYER_GAP / 2 + MARGIN;

    const placed = new Map<string, Placed>();
    const lanes: Array<{ id: string; label: string; title?: string; cross: number; size: number }> = [];
    let cross = MARGIN;
    for (const lane of graph.lanes) {
        let rows = 1;
        for (let layer = 0; layer < layerCount; layer++) rows = Math.max(rows, cells.get(`${lane.id}\u0000${layer}`)?.length ?? 0);
        const size = 2 * LANE_PADDING + rows * slotCross + (rows - 1) * ROW_GAP;
        for (let layer = 0; layer < layerCount; layer++) {
            const cell = cells.get(`${lane.id}\u0000${layer}`) ?? [];
            const used = cell.length * slotCross + Math.max(0, cell.length - 1) * ROW_GAP;
            let at = cross + (size - used) / 2;
            for (const node of cell) {
                const own = sizeOf(node);
                placed.set(node.id, {
                    main: layerMain(layer) + (slotMain - own.main) / 2,
                    cross: at + (slotCross - own.cross) / 2,
                    mainSize: own.main,
                    crossSize: own.cross,
                });
                at += slotCross + ROW_GAP;
            }
        }
        lanes.push({ id: lane.id, label: lane.label, title: lane.title, cross, size });
        cross += size;
    }
    const crossEnd = cross + MARGIN;

    const laneBounds = new Map(lanes.map(lane => [lane.id, lane]));
    const router = new EdgeRouter(graph, order, placed, layerMain, slotMain, laneBounds, horizontal);
    const edges = graph.edges.filter(edge => placed.has(edge.from) && placed.has(edge.to)).map(edge => router.route(edge));

    const toBox = (main: number, crossPos: number, mainSize: number, crossSize: number): Box => horizontal
        ? { x: main, y: crossPos, width: mainSize, height: crossSize }
        : { x: crossPos, y: main, width: crossSize, height: mainSize };
    const toPoint = (p: { main: number; cross: number }): Point => horizontal ? { x: p.main, y: p.cross } : { x: p.cross, y: p.main };

    return {
        direction,
        width: horizontal ? mainEnd : crossEnd,
        height: horizontal ? crossEnd : mainEnd,
        lanes: lanes.map(lane => ({ id: lane.id, label: lane.label, title: lane.title, ...toBox(MARGIN, lane.cross, mainEnd - 2 * MARGIN, lane.size) })),
        nodes: graph.nodes.filter(node => placed.has(node.id)).map(node => {
            const p = placed.get(node.id)!;
            return { id: node.id, ...toBox(p.main, p.cross, p.mainSize, p.crossSize) };
        }),
        edges: edges.map(edge => ({
            id: edge.id, back: edge.back,
            points: edge.points.map(toPoint),
            labelAt: edge.labelAt ? toPoint(edge.labelAt) : undefined,
        })),
    };
}
