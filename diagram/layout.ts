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
 * The routing is built so that the quality checker's rules hold by construction:
 * - every edge end has its own port, spread along the side it leaves or enters (on the drawn
 *   outline: a diamond's edges, a pill's round end), in the order of where the other end lies;
 *   nodes grow across the flow to give every port, and every label, its room;
 * - an edge's label sits on its first run, right after its source, inside the slice of the
 *   source's side its port owns, so no other line reaches it;
 * - each run across the flow gets a track of its own in its gap (`assignTracks`), clear of the
 *   labels there, and each gap is as wide as its labels and tracks need;
 * - a long edge forward runs straight along its source's row when no node is in the way; other
 *   long edges and rework loops run along a line of their own in a lane's margin (lanes grow by
 *   the lines they hold), never through the lane headers: a gap before the first layer holds the
 *   tracks of the loops back to it.
 *
 * Everything is computed on two abstract axes — `main` along the flow, `cross` across the lanes —
 * and mapped to x/y at the end, so left-to-right and top-to-bottom share one algorithm.
 */
import type { Box, DiagramLayout, Direction, Point } from '../protocol/diagram-layout.js';
import type { DiagramEdge, DiagramNode, WorkflowGraph } from '../protocol/graph-model.js';
import type { AbstractPoint, GapLabel, GapRun } from './edge-routing.js';
import { assignTracks, outlineInset, simplify, TRACK } from './edge-routing.js';
import { CHAR_WIDTH, edgeLabelLines, labelSize, LANE_LINE_HEIGHT, laneHeaderLines, nodeTextBox } from './labels.js';
import { LANE_HEADER, MARGIN, NODE_SIZES, ROW_GAP, SLOT } from './layout-metrics.js';
import { reworkEdges } from './flow-structure.js';
import { SIMPLE_LAYERING_FROM, simpleLayering } from './simple-layering.js';
import { mergeLayers, spreadEnds } from './columns.js';

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
export async function layoutGraph(
    graph: WorkflowGraph,
    elk: ElkLike,
    direction: Direction = 'RIGHT',
    options: LayoutOptions = {},
): Promise<DiagramLayout> {
    const order = await elkOrder(graph, elk, direction);
    return placeInLanes(graph, order, direction, options.minLayerGap ?? MIN_GAP, options.compact ?? true);
}

export interface LayoutOptions {
    /**
     * The least gap between two layers, and before the first. The BPMN export asks for room for
     * the gateways it puts between a node and the next.
     */
    readonly minLayerGap?: number;
    /**
     * Merge layers into columns where their nodes lie in different lanes, a hand-off between them
     * drawn straight across the flow (`columns.ts`); on by default. The BPMN export keeps one
     * layer per column: it puts gateways between a node and the next along the flow.
     */
    readonly compact?: boolean;
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
    const back = reworkEdges(graph);
    // Rework loops are turned round before the layering, so it gets a DAG whose order follows
    // the flow from the start (ELK's own cycle breaking may put a rework step before the work).
    const edges = graph.edges
        .filter(edge => inside.has(edge.from) && inside.has(edge.to))
        .map(edge => (back.has(edge.id) ? { id: edge.id, from: edge.to, to: edge.from } : edge));
    const order =
        laidOut.length >= SIMPLE_LAYERING_FROM ? simpleLayering(laidOut, edges) : await elkLayering(laidOut, edges, elk, direction);
    const { layer, rank } = order;
    for (const end of ends) {
        const before = graph.edges.filter(edge => edge.to === end && layer.has(edge.from)).map(edge => edge.from);
        layer.set(end, before.length > 0 ? 1 + before.reduce((max, id) => Math.max(max, layer.get(id)!), 0) : 0);
        rank.set(end, before.length > 0 ? before.reduce((sum, id) => sum + rank.get(id)!, 0) / before.length : 0);
    }
    return order;
}

/** ELK's layers and in-layer order for a DAG: its coordinates along and across the flow. */
async function elkLayering(
    ids: string[],
    edges: Array<{ id: string; from: string; to: string }>,
    elk: ElkLike,
    direction: Direction,
): Promise<ElkOrder> {
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

/** Abstract geometry: `main` along the flow, `cross` across lanes. */
export interface Placed {
    main: number;
    cross: number;
    mainSize: number;
    crossSize: number;
}

/** Room along a node's side for one edge end without a label, and at the side's ends. */
const PORT = 12;
const PORT_EDGE = 8;
/** Space between a layer and the first track of the gap after it, and after the last. */
const GAP_PAD = 12;
/** Least gap between two layers, and before the first (the BPMN start event goes there). */
const MIN_GAP = 28;
const FIRST_GAP = 64;
/** Space between a node and the labels on the edges leaving it. */
const LABEL_PAD = 4;
/** Free space at each side of a lane, inside which its margin lines run. */
const LANE_EDGE = 8;
const MARGIN_FIRST = 8;

interface Route {
    readonly edge: DiagramEdge;
    readonly fromLayer: number;
    readonly toLayer: number;
    /** Through a lane margin (long edges and rework loops), or straight across one gap. */
    margin?: { lane: string; side: 'before' | 'after'; track: number };
    /** A long edge forward that runs straight along its source's row, no node being in the way. */
    direct?: boolean;
    exitCross: number;
    entryCross: number;
    first?: GapRun;
    second?: GapRun;
    label?: { main: number; cross: number };
}

function placeInLanes(graph: WorkflowGraph, order: ElkOrder, direction: Direction, minGap: number, compact: boolean): DiagramLayout {
    const horizontal = direction === 'RIGHT';
    const nodesById = new Map(graph.nodes.map(node => [node.id, node]));
    const laneIndex = new Map(graph.lanes.map((lane, index) => [lane.id, index]));
    const allEdges = graph.edges.filter(
        edge =>
            nodesById.has(edge.from) &&
            nodesById.has(edge.to) &&
            laneIndex.has(nodesById.get(edge.from)!.lane) &&
            laneIndex.has(nodesById.get(edge.to)!.lane),
    );
    const laneOf = (id: string) => nodesById.get(id)!.lane;

    // The label of an edge sits on its first run, next to its source: its extent along and across the flow.
    const labelExtent = new Map<string, { main: number; cross: number }>();
    for (const edge of allEdges) {
        const lines = edgeLabelLines(edge, direction);
        if (lines.length === 0) continue;
        const size = labelSize(lines);
        labelExtent.set(edge.id, horizontal ? { main: size.width, cross: size.height } : { main: size.height, cross: size.width });
    }

    // Columns: ELK's layers, merged where hand-offs can run straight across the flow.
    const inLanes = graph.nodes.filter(node => laneIndex.has(node.lane)).map(node => node.id);
    // Each node's box for its whole text, once: the columns, the spreading of ends and the sizes below ask for it.
    const textBoxes = new Map(graph.nodes.map(node => [node.id, nodeTextBox(node, NODE_SIZES[node.kind], horizontal)]));
    const textMain = (id: string) => {
        const box = textBoxes.get(id)!;
        return horizontal ? box.width : box.height;
    };
    const columns = compact
        ? mergeLayers({
              ids: inLanes,
              edges: allEdges,
              layerOf: id => order.layer.get(id) ?? 0,
              laneOf: id => laneIndex.get(laneOf(id))!,
              nodeMain: textMain,
              labelMain: id => labelExtent.get(id)?.main ?? 0,
              labelCross: id => labelExtent.get(id)?.cross ?? 0,
          })
        : undefined;
    if (columns) {
        spreadEnds(columns, {
            ends: inLanes.filter(id => nodesById.get(id)!.kind === 'end'),
            laneOf: id => laneIndex.get(laneOf(id))!,
            cross: id => {
                const box = textBoxes.get(id)!;
                return horizontal ? box.height : box.width;
            },
            gap: ROW_GAP,
            across: allEdges.filter(edge => columns.across.has(edge.id)),
        });
    }
    const layerOf = (id: string) => (columns ? (columns.column.get(id) ?? 0) : (order.layer.get(id) ?? 0));
    let layerCount = 1;
    for (const node of graph.nodes) layerCount = Math.max(layerCount, layerOf(node.id) + 1);
    const edges = allEdges.filter(edge => !columns?.across.has(edge.id));
    const acrossEdges = allEdges.filter(edge => columns?.across.has(edge.id));

    // Routes, and which lane margin the long ones take (one line each, apart from those whose gaps they share).
    const outs = new Map<string, Route[]>(graph.nodes.map(node => [node.id, []]));
    const ins = new Map<string, Route[]>(graph.nodes.map(node => [node.id, []]));
    const routes: Route[] = [];
    for (const edge of edges) {
        const fromLayer = layerOf(edge.from);
        const toLayer = layerOf(edge.to);
        let margin: Route['margin'];
        if (toLayer !== fromLayer + 1) {
            const fromLane = laneIndex.get(laneOf(edge.from))!;
            const toLane = laneIndex.get(laneOf(edge.to))!;
            const side = fromLane < toLane ? 'before' : fromLane > toLane ? 'after' : toLayer > fromLayer ? 'before' : 'after';
            margin = { lane: laneOf(edge.to), side, track: 0 };
        }
        const route: Route = { edge, fromLayer, toLayer, margin, exitCross: 0, entryCross: 0 };
        routes.push(route);
        outs.get(edge.from)!.push(route);
        ins.get(edge.to)!.push(route);
    }
    const marginTracks = new Map<string, number>();
    const assignMargins = () => {
        const marginRuns = new Map<string, Array<{ route: Route; lo: number; hi: number }>>();
        for (const route of routes) {
            const margin = route.margin;
            if (!margin || route.direct) continue;
            const key = `${margin.lane}\u0000${margin.side}`;
            const [lo, hi] = [Math.min(route.fromLayer, route.toLayer - 1), Math.max(route.fromLayer, route.toLayer - 1)];
            (marginRuns.get(key) ?? marginRuns.set(key, []).get(key)!).push({ route, lo, hi });
        }
        marginTracks.clear();
        for (const [key, runs] of marginRuns) {
            runs.sort((p, q) => p.lo - q.lo || p.hi - q.hi);
            const lastHi: number[] = [];
            for (const run of runs) {
                let track = lastHi.findIndex(hi => hi < run.lo);
                if (track < 0) track = lastHi.length;
                lastHi[track] = run.hi;
                run.route.margin!.track = track;
            }
            marginTracks.set(key, lastHi.length);
        }
    };

    // Node sizes: the whole text, and room along the sides for every edge end and label.
    const sizes = new Map<string, { main: number; cross: number }>();
    for (const node of graph.nodes) {
        const box = textBoxes.get(node.id)!;
        let [main, cross] = horizontal ? [box.width, box.height] : [box.height, box.width];
        const outRoom = outs.get(node.id)!.reduce((sum, route) => sum + portRoom(route), 0);
        const inRoom = ins.get(node.id)!.length * PORT;
        const needed = Math.max(outRoom, inRoom) + 2 * PORT_EDGE;
        if (node.kind === 'decision') {
            // The far half of a diamond narrows towards its vertices: grow it whole, but along the flow by at most a fifth.
            if (needed > cross) {
                main = Math.max(main, Math.min(main * 1.2, (main * needed) / cross));
                cross = needed;
            }
        } else if (node.kind === 'end' && horizontal) {
            cross = Math.max(cross, needed);
        } else {
            cross = Math.max(cross, needed);
        }
        // A box grown for its ports may hold its text differently (a taller pill has longer round ends): fit it again.
        const grown = nodeTextBox(node, horizontal ? { width: main, height: cross } : { width: cross, height: main }, horizontal);
        [main, cross] = horizontal ? [grown.width, grown.height] : [grown.height, grown.width];
        sizes.set(node.id, { main: Math.ceil(main), cross: Math.ceil(cross) });
    }
    function portRoom(route: Route): number {
        const label = labelExtent.get(route.edge.id);
        return label ? label.cross + 4 : PORT;
    }

    // Cells: the nodes of one lane in one layer, in ELK's order.
    const cells = new Map<string, DiagramNode[]>();
    for (const node of [...graph.nodes].sort((a, b) => (order.rank.get(a.id) ?? 0) - (order.rank.get(b.id) ?? 0))) {
        if (!laneIndex.has(node.lane)) continue;
        const key = `${node.lane}\u0000${layerOf(node.id)}`;
        (cells.get(key) ?? cells.set(key, []).get(key)!).push(node);
    }
    const cellsOfLane = new Map<string, DiagramNode[][]>(graph.lanes.map(lane => [lane.id, []]));
    for (const [key, cell] of cells) cellsOfLane.get(key.slice(0, key.indexOf('\u0000')))!.push(cell);

    // Across the flow: lanes one after the other, each its margins and its tallest cell (or its header's text).
    const header = LANE_HEADER[direction];
    const crossOf = new Map<string, number>();
    type PlacedLane = { id: string; label: string; title?: string; cross: number; size: number };
    const lanes: PlacedLane[] = [];
    let crossEnd = 0;
    const laneById = new Map<string, PlacedLane>();
    // The label of a hand-off across the flow sits right after its source, as every label does: its
    // room is part of the source's cell (the source is alone in its lane in its column), so a lane
    // grows for it only where that cell is its tallest. Long edges along the lane keep clear of it.
    const acrossRoom = new Map<string, { before: number; after: number }>();
    for (const edge of acrossEdges) {
        const label = labelExtent.get(edge.id);
        if (!label) continue;
        const room = acrossRoom.get(edge.from) ?? { before: 0, after: 0 };
        room[acrossDown(edge) ? 'after' : 'before'] = label.cross + 2 * LABEL_PAD;
        acrossRoom.set(edge.from, room);
    }
    const roomOf = (id: string) => acrossRoom.get(id) ?? { before: 0, after: 0 };
    const cellCross = (cell: DiagramNode[]) =>
        cell.reduce((sum, node) => sum + sizes.get(node.id)!.cross + roomOf(node.id).before + roomOf(node.id).after, 0) +
        (cell.length - 1) * ROW_GAP;
    function acrossDown(edge: DiagramEdge): boolean {
        return laneIndex.get(laneOf(edge.from))! < laneIndex.get(laneOf(edge.to))!;
    }
    const marginCross = (laneCross: number, laneSize: number, side: 'before' | 'after', track: number) =>
        side === 'before' ? laneCross + MARGIN_FIRST + track * TRACK : laneCross + laneSize - MARGIN_FIRST - track * TRACK;
    const placeAcross = () => {
        crossOf.clear();
        lanes.length = 0;
        let cross = MARGIN;
        for (const lane of graph.lanes) {
            const before = LANE_EDGE + Math.max(0, marginTracks.get(`${lane.id}\u0000before`) ?? 0) * TRACK;
            const after = LANE_EDGE + Math.max(0, marginTracks.get(`${lane.id}\u0000after`) ?? 0) * TRACK;
            let content = 0;
            for (const cell of cellsOfLane.get(lane.id)!) content = Math.max(content, cellCross(cell));
            let size = before + content + after;
            if (horizontal) size = Math.max(size, laneHeaderLines(lane, header) * LANE_LINE_HEIGHT + 16);
            else size = Math.max(size, laneTextWidth(lane));
            size = Math.ceil(size);
            for (const cell of cellsOfLane.get(lane.id)!) {
                let at = cross + before + (size - before - after - cellCross(cell)) / 2;
                for (const node of cell) {
                    crossOf.set(node.id, at + roomOf(node.id).before);
                    at += roomOf(node.id).before + sizes.get(node.id)!.cross + roomOf(node.id).after + ROW_GAP;
                }
            }
            lanes.push({ id: lane.id, label: lane.label, title: lane.title, cross, size });
            cross += size;
        }
        crossEnd = cross + MARGIN;
        laneById.clear();
        for (const lane of lanes) laneById.set(lane.id, lane);
    };
    const marginAt = (route: Route) => {
        const lane = laneById.get(route.margin!.lane)!;
        return marginCross(lane.cross, lane.size, route.margin!.side, route.margin!.track);
    };

    // Ports: each edge its own point on the side it leaves and the side it enters, in the order of where its other end lies.
    const centre = (id: string) => crossOf.get(id)! + sizes.get(id)!.cross / 2;
    // An edge through a margin is keyed by the side of the lane it takes, not by its line, so that
    // the order does not change when the margins are sized (the straight long edges are chosen on it).
    const towards = (route: Route, end: 'from' | 'to') => {
        if (route.margin && !route.direct) {
            const lane = laneById.get(route.margin.lane)!;
            return route.margin.side === 'before' ? lane.cross : lane.cross + lane.size;
        }
        return centre(end === 'from' ? route.edge.to : route.edge.from);
    };
    const placePorts = () => {
        for (const node of graph.nodes) {
            if (!crossOf.has(node.id)) continue;
            const size = sizes.get(node.id)!.cross;
            const out = [...outs.get(node.id)!].sort((p, q) => towards(p, 'from') - towards(q, 'from') || p.toLayer - q.toLayer);
            const outRoom = out.reduce((sum, route) => sum + portRoom(route), 0);
            let at = crossOf.get(node.id)! + (size - outRoom) / 2;
            for (const route of out) {
                route.exitCross = at + portRoom(route) / 2;
                at += portRoom(route);
            }
            const into = [...ins.get(node.id)!].sort((p, q) => towards(p, 'to') - towards(q, 'to') || q.fromLayer - p.fromLayer);
            at = crossOf.get(node.id)! + (size - into.length * PORT) / 2;
            for (const route of into) {
                route.entryCross = at + PORT / 2;
                at += PORT;
            }
        }
    };

    // Long edges forward run straight along their source's row when no node of the layers between is in the way;
    // the rest take a lane margin. Positions inside a lane only shift as a whole when its margins grow.
    placeAcross();
    placePorts();
    let byLayer: Array<Array<{ lo: number; hi: number }>> = [];
    const indexLayers = () => {
        byLayer = Array.from({ length: layerCount }, () => []);
        for (const node of graph.nodes) {
            if (crossOf.has(node.id))
                byLayer[layerOf(node.id)].push({
                    lo: crossOf.get(node.id)! - roomOf(node.id).before,
                    hi: crossOf.get(node.id)! + sizes.get(node.id)!.cross + roomOf(node.id).after,
                });
        }
        for (const list of byLayer) list.sort((p, q) => p.lo - q.lo);
    };
    indexLayers();
    const blocked = (layer: number, at: number) => {
        const list = byLayer[layer];
        let lo = 0;
        let hi = list.length;
        while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (list[mid].hi + 6 < at) lo = mid + 1;
            else hi = mid;
        }
        return lo < list.length && list[lo].lo - 6 <= at;
    };
    const straight = (route: Route) => {
        for (let layer = route.fromLayer + 1; layer < route.toLayer; layer++) if (blocked(layer, route.exitCross)) return false;
        return true;
    };
    for (const route of routes) route.direct = route.margin !== undefined && route.toLayer > route.fromLayer + 1 && straight(route);
    // The ports of a node move when an edge of it leaves through a margin instead: check again until none is in the way.
    for (let changed = true; changed;) {
        assignMargins();
        placeAcross();
        placePorts();
        indexLayers();
        changed = false;
        for (const route of routes) {
            if (route.direct && !straight(route)) {
                route.direct = false;
                changed = true;
            }
        }
    }

    // The runs across the flow in each gap (gap g follows layer g; gap -1 comes before layer 0), and their tracks.
    const gapRuns = new Map<number, GapRun[]>();
    const addRun = (gap: number, run: GapRun) => {
        (gapRuns.get(gap) ?? gapRuns.set(gap, []).get(gap)!).push(run);
        return run;
    };
    for (const route of routes) {
        const id = route.edge.id;
        if (route.direct) {
            if (Math.abs(route.exitCross - route.entryCross) > 0.5) {
                route.second = addRun(route.toLayer - 1, {
                    edge: id,
                    a: route.exitCross,
                    b: route.entryCross,
                    exitAt: route.exitCross,
                    entryAt: route.entryCross,
                });
            }
        } else if (!route.margin) {
            if (Math.abs(route.exitCross - route.entryCross) > 0.5) {
                route.first = addRun(route.fromLayer, {
                    edge: id,
                    a: route.exitCross,
                    b: route.entryCross,
                    exitAt: route.exitCross,
                    entryAt: route.entryCross,
                });
            }
        } else {
            const m = marginAt(route);
            route.first = addRun(route.fromLayer, { edge: id, a: route.exitCross, b: m, exitAt: route.exitCross });
            route.second = addRun(route.toLayer - 1, { edge: id, a: m, b: route.entryCross, entryAt: route.entryCross });
        }
    }
    const labelRoom = new Map<number, number>();
    const gapLabels = new Map<number, GapLabel[]>();
    for (const route of routes) {
        const label = labelExtent.get(route.edge.id);
        if (!label) continue;
        labelRoom.set(route.fromLayer, Math.max(labelRoom.get(route.fromLayer) ?? 0, label.main + 2 * LABEL_PAD));
        const labels = gapLabels.get(route.fromLayer) ?? gapLabels.set(route.fromLayer, []).get(route.fromLayer)!;
        labels.push({
            edge: route.edge.id,
            main0: LABEL_PAD,
            main1: LABEL_PAD + label.main,
            cross0: route.exitCross - label.cross / 2,
            cross1: route.exitCross + label.cross / 2,
        });
    }
    const farthest = new Map<number, number>();
    for (const [gap, runs] of gapRuns) farthest.set(gap, assignTracks(runs, gapLabels.get(gap) ?? [], GAP_PAD));

    // Along the flow: the header, then each gap as wide as its labels and tracks, each layer as long as its longest node.
    const layerSize = new Array<number>(layerCount).fill(0);
    for (const node of graph.nodes)
        if (crossOf.has(node.id)) layerSize[layerOf(node.id)] = Math.max(layerSize[layerOf(node.id)], sizes.get(node.id)!.main);
    const gapStart = new Map<number, number>();
    const layerStart: number[] = [];
    let main = MARGIN + header;
    for (let gap = -1; gap < layerCount; gap++) {
        if (gap >= 0) {
            layerStart[gap] = main;
            main += layerSize[gap];
        }
        gapStart.set(gap, main);
        const width = Math.max(labelRoom.get(gap) ?? 0, gapRuns.has(gap) ? farthest.get(gap)! + GAP_PAD : 0);
        main += Math.max(width, gap === -1 ? Math.max(FIRST_GAP, minGap) : gap === layerCount - 1 ? GAP_PAD : minGap);
    }
    const mainEnd = main + MARGIN;
    const trackMain = (gap: number, run: GapRun) => gapStart.get(gap)! + run.track!;

    const placed = new Map<string, Placed>();
    for (const node of graph.nodes) {
        if (!crossOf.has(node.id)) continue;
        const size = sizes.get(node.id)!;
        const layer = layerOf(node.id);
        placed.set(node.id, {
            main: layerStart[layer] + (layerSize[layer] - size.main) / 2,
            cross: crossOf.get(node.id)!,
            mainSize: size.main,
            crossSize: size.cross,
        });
    }
    const radius = (node: DiagramNode, p: Placed) => (node.kind === 'end' ? (horizontal ? p.crossSize : p.mainSize) / 2 : 8);

    const laidOut = routes.map(route => {
        const from = placed.get(route.edge.from)!;
        const to = placed.get(route.edge.to)!;
        const fromNode = nodesById.get(route.edge.from)!;
        const toNode = nodesById.get(route.edge.to)!;
        const exit = {
            main: from.main + from.mainSize - outlineInset(fromNode.kind, from, radius(fromNode, from), route.exitCross),
            cross: route.exitCross,
        };
        const entry = { main: to.main + outlineInset(toNode.kind, to, radius(toNode, to), route.entryCross), cross: route.entryCross };
        let points: AbstractPoint[];
        if (route.direct) {
            if (!route.second) points = [exit, entry];
            else {
                const t = trackMain(route.toLayer - 1, route.second);
                points = [exit, { main: t, cross: exit.cross }, { main: t, cross: entry.cross }, entry];
            }
        } else if (!route.margin) {
            if (!route.first) points = [exit, entry];
            else {
                const t = trackMain(route.fromLayer, route.first);
                points = [exit, { main: t, cross: exit.cross }, { main: t, cross: entry.cross }, entry];
            }
        } else {
            const m = marginAt(route);
            const t1 = trackMain(route.fromLayer, route.first!);
            const t2 = trackMain(route.toLayer - 1, route.second!);
            points = [
                exit,
                { main: t1, cross: exit.cross },
                { main: t1, cross: m },
                { main: t2, cross: m },
                { main: t2, cross: entry.cross },
                entry,
            ];
        }
        const label = labelExtent.get(route.edge.id);
        const labelAt = label ? { main: gapStart.get(route.fromLayer)! + LABEL_PAD + label.main / 2, cross: route.exitCross } : undefined;
        return { id: route.edge.id, back: route.toLayer <= route.fromLayer, points: simplify(points), labelAt };
    });

    // Hand-offs inside a column: straight across the flow, middle of a side to middle of a side.
    for (const edge of acrossEdges) {
        const from = placed.get(edge.from)!;
        const to = placed.get(edge.to)!;
        const main = from.main + from.mainSize / 2;
        const down = acrossDown(edge);
        const exit = { main, cross: down ? from.cross + from.crossSize : from.cross };
        const entry = { main, cross: down ? to.cross : to.cross + to.crossSize };
        const label = labelExtent.get(edge.id);
        const labelAt = label
            ? { main, cross: down ? exit.cross + LABEL_PAD + label.cross / 2 : exit.cross - LABEL_PAD - label.cross / 2 }
            : undefined;
        laidOut.push({ id: edge.id, back: false, points: [exit, entry], labelAt });
    }

    const toBox = (mainPos: number, crossPos: number, mainSize: number, crossSize: number): Box =>
        horizontal
            ? { x: mainPos, y: crossPos, width: mainSize, height: crossSize }
            : { x: crossPos, y: mainPos, width: crossSize, height: mainSize };
    const toPoint = (p: { main: number; cross: number }): Point => (horizontal ? { x: p.main, y: p.cross } : { x: p.cross, y: p.main });
    const edgeOrder = new Map(graph.edges.map((edge, index) => [edge.id, index]));
    laidOut.sort((p, q) => edgeOrder.get(p.id)! - edgeOrder.get(q.id)!);

    return {
        direction,
        width: horizontal ? mainEnd : crossEnd,
        height: horizontal ? crossEnd : mainEnd,
        lanes: lanes.map(lane => ({
            id: lane.id,
            label: lane.label,
            title: lane.title,
            ...toBox(MARGIN, lane.cross, mainEnd - 2 * MARGIN, lane.size),
        })),
        nodes: graph.nodes
            .filter(node => placed.has(node.id))
            .map(node => {
                const p = placed.get(node.id)!;
                return { id: node.id, ...toBox(p.main, p.cross, p.mainSize, p.crossSize) };
            }),
        edges: laidOut.map(edge => ({
            id: edge.id,
            back: edge.back,
            points: edge.points.map(toPoint),
            labelAt: edge.labelAt ? toPoint(edge.labelAt) : undefined,
        })),
    };
}

/** The width a lane needs, top to bottom, to show its label and title on one line each. */
function laneTextWidth(lane: { readonly label: string; readonly title?: string }): number {
    const chars = Math.max([...lane.label].length, lane.title !== undefined && lane.title !== lane.label ? [...lane.title].length - 2 : 0);
    return chars * (CHAR_WIDTH + 0.6) + 16 + 2;
}
