/**
 * Edge routes of the swimlane layout (see `layout.ts`), in its abstract `main`/`cross` axes:
 * orthogonal lines through the gaps between layers and the free margins of the lanes, and label
 * places that cover neither a node nor another label.
 */
import type { DiagramEdge, WorkflowGraph } from '../protocol/graph-model.js';
import { edgeLabelLines, labelSize } from './labels.js';
import type { ElkOrder, Placed } from './layout.js';
import { LANE_PADDING, LAYER_GAP, MARGIN } from './layout-metrics.js';

export interface AbstractPoint { main: number; cross: number }

/**
 * Orthogonal routes: out of the source's far side, along the gap after the source's layer, into
 * the target's near side. Long edges whose straight run would cross a node, and edges that go
 * back (rework loops), run along the free margin of a lane instead.
 */
export class EdgeRouter {
    /** How many edges already use the gap after each layer, to spread them apart. */
    private readonly gapUse = new Map<number, number>();
    private readonly marginUse = new Map<string, number>();
    private readonly byLayer = new Map<number, Placed[]>();
    private readonly laneById: Map<string, string>;
    /** Nodes and labels placed so far, which a new label must not cover. */
    private readonly obstacles: Placed[];

    constructor(
        graph: WorkflowGraph,
        private readonly order: ElkOrder,
        private readonly placed: Map<string, Placed>,
        private readonly layerMain: (layer: number) => number,
        private readonly slotMain: number,
        private readonly lanes: Map<string, { cross: number; size: number }>,
        private readonly horizontal: boolean,
    ) {
        this.laneById = new Map(graph.nodes.map(node => [node.id, node.lane]));
        this.obstacles = [...placed.values()];
        for (const node of graph.nodes) {
            const layer = order.layer.get(node.id) ?? 0;
            const p = placed.get(node.id);
            if (p) (this.byLayer.get(layer) ?? this.byLayer.set(layer, []).get(layer)!).push(p);
        }
    }

    route(edge: DiagramEdge): { id: string; points: AbstractPoint[]; labelAt?: AbstractPoint; back: boolean } {
        const from = this.placed.get(edge.from)!;
        const to = this.placed.get(edge.to)!;
        const fromLayer = this.order.layer.get(edge.from) ?? 0;
        const toLayer = this.order.layer.get(edge.to) ?? 0;
        const exit = { main: from.main + from.mainSize, cross: from.cross + from.crossSize / 2 };
        const entry = { main: to.main, cross: to.cross + to.crossSize / 2 };
        const back = toLayer <= fromLayer;
        let points: AbstractPoint[];
        if (!back) {
            const gap = this.gapAfter(fromLayer);
            const direct = [exit, { main: gap, cross: exit.cross }, { main: gap, cross: entry.cross }, entry];
            if (toLayer === fromLayer + 1 || !this.crossesNodes(entry.cross, fromLayer + 1, toLayer - 1, edge)) {
                points = direct;
            } else {
                const margin = this.laneMargin(this.laneOf(edge.to), 'before');
                const lastGap = this.gapAfter(toLayer - 1);
                points = [exit, { main: gap, cross: exit.cross }, { main: gap, cross: margin }, { main: lastGap, cross: margin }, { main: lastGap, cross: entry.cross }, entry];
            }
        } else {
            const gap = this.gapAfter(fromLayer);
            const before = this.gapAfter(toLayer - 1);
            const margin = this.laneMargin(this.laneOf(edge.from), 'after');
            points = [exit, { main: gap, cross: exit.cross }, { main: gap, cross: margin }, { main: before, cross: margin }, { main: before, cross: entry.cross }, entry];
        }
        points = simplify(points);
        const lines = edgeLabelLines(edge);
        return { id: edge.id, points, back, labelAt: lines.length > 0 ? this.placeLabel(labelSize(lines), points, back) : undefined };
    }

    /**
     * Slides a label along its segment (see `labelPoint`) until it overlaps neither a node nor a
     * label placed before it; keeps the preferred spot when the segment has no free place.
     */
    private placeLabel(size: { width: number; height: number }, points: AbstractPoint[], back: boolean): AbstractPoint {
        const { at, along } = labelPoint(points, back);
        const [mainSize, crossSize] = this.horizontal ? [size.width, size.height] : [size.height, size.width];
        const boxAt = (p: AbstractPoint): Placed => ({ main: p.main - mainSize / 2, cross: p.cross - crossSize / 2, mainSize, crossSize });
        const step = along === 'cross' ? crossSize / 2 + 2 : mainSize / 2 + 2;
        for (let k = 0; k < 12; k++) {
            const offset = (k % 2 === 0 ? 1 : -1) * Math.ceil(k / 2) * step;
            const candidate = along === 'cross' ? { main: at.main, cross: at.cross + offset } : { main: at.main + offset, cross: at.cross };
            const box = boxAt(candidate);
            if (!this.obstacles.some(other => overlaps(box, other))) {
                this.obstacles.push(box);
                return candidate;
            }
        }
        this.obstacles.push(boxAt(at));
        return at;
    }

    private laneOf(id: string): string {
        return this.laneById.get(id) ?? '';
    }

    /** A position in the gap after a layer, a little apart from the edges already there. */
    private gapAfter(layer: number): number {
        const used = this.gapUse.get(layer) ?? 0;
        this.gapUse.set(layer, used + 1);
        const spread = ((used % 7) - 3) * 6;
        return this.layerMain(layer) + this.slotMain + LAYER_GAP / 2 + spread;
    }

    /** A line in the free padding at one side of a lane. */
    private laneMargin(laneId: string, side: 'before' | 'after'): number {
        const lane = this.lanes.get(laneId) ?? { cross: MARGIN, size: 2 * LANE_PADDING };
        const key = `${laneId}:${side}`;
        const used = this.marginUse.get(key) ?? 0;
        this.marginUse.set(key, used + 1);
        const offset = LANE_PADDING / 2 - 3 + (used % 4) * 3;
        return side === 'before' ? lane.cross + offset : lane.cross + lane.size - offset;
    }

    private crossesNodes(crossAt: number, firstLayer: number, lastLayer: number, edge: DiagramEdge): boolean {
        for (let layer = firstLayer; layer <= lastLayer; layer++) {
            for (const p of this.byLayer.get(layer) ?? []) {
                if (crossAt >= p.cross - 4 && crossAt <= p.cross + p.crossSize + 4 && p !== this.placed.get(edge.to)) return true;
            }
        }
        return false;
    }
}

/** Drops points that lie on a straight line between their neighbours. */
function simplify(points: AbstractPoint[]): AbstractPoint[] {
    const result: AbstractPoint[] = [];
    for (const point of points) {
        const last = result[result.length - 1];
        if (last && last.main === point.main && last.cross === point.cross) continue;
        const before = result[result.length - 2];
        if (last && before && ((before.main === last.main && last.main === point.main) || (before.cross === last.cross && last.cross === point.cross))) {
            result[result.length - 1] = point;
        } else {
            result.push(point);
        }
    }
    return result;
}

/**
 * Where an edge's label goes: in the gap between layers, which holds no node — on the edge's
 * first run across the flow (its bend), or halfway along a straight edge. A rework loop is
 * labelled on its long run through the lane margin.
 */
function labelPoint(points: AbstractPoint[], back: boolean): { at: AbstractPoint; along: 'main' | 'cross' } {
    if (back) {
        let best = points[0];
        let length = -1;
        for (let i = 0; i + 1 < points.length; i++) {
            const [a, b] = [points[i], points[i + 1]];
            if (a.cross === b.cross && Math.abs(b.main - a.main) > length) {
                length = Math.abs(b.main - a.main);
                best = { main: (a.main + b.main) / 2, cross: a.cross };
            }
        }
        return { at: best, along: 'main' };
    }
    for (let i = 0; i + 1 < points.length; i++) {
        const [a, b] = [points[i], points[i + 1]];
        if (a.main === b.main) return { at: { main: a.main, cross: (a.cross + b.cross) / 2 }, along: 'cross' };
    }
    return { at: { main: (points[0].main + points[points.length - 1].main) / 2, cross: points[0].cross }, along: 'main' };
}

function overlaps(a: Placed, b: Placed): boolean {
    return a.main < b.main + b.mainSize && b.main < a.main + a.mainSize && a.cross < b.cross + b.crossSize && b.cross < a.cross + a.crossSize;
}
