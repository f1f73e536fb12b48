/**
 * Rule (e) of the layout quality checker (`layout-quality.ts`): edges running on top of each other.
 *
 * Two segments run on top of each other when they lie within `collinear` px of one line and
 * share more than `sharedRun` px of it. A reader then cannot tell where one edge goes and the
 * other comes from. One case is allowed: edges leaving the same node may share a trunk, their
 * identical first stretch from the source, and fork — each still has one source, and from the
 * fork on its own line, label and arrowhead. The trunk must end before either edge does (two
 * routes identical to the end are one line), and edges into the same node get no such allowance:
 * a shared final run merges their arrowheads, which the product rules out. An edge that runs back
 * over itself counts too.
 */
import type { Point } from '../protocol/diagram-layout.js';
import type { DiagramEdge } from '../protocol/graph-model.js';
import { BoxGrid, boundsOf, distance, grow, round } from './geometry.js';

/** A laid-out edge's line, segment by segment, with the length of the route before each segment. */
export interface Segment {
    readonly edge: string;
    readonly index: number;
    readonly a: Point;
    readonly b: Point;
    readonly start: number;
}

export interface Overlap {
    readonly ids: readonly [string, string];
    readonly message: string;
}

/** The pairs of edges that run on top of each other somewhere, each reported once with its longest shared run. */
export function overlappingEdges(
    segments: readonly Segment[],
    routes: ReadonlyMap<string, readonly Point[]>,
    edges: ReadonlyMap<string, DiagramEdge>,
    tolerance: { readonly collinear: number; readonly sharedRun: number },
): Overlap[] {
    const grid = new BoxGrid<number>();
    segments.forEach((segment, index) => grid.add(grow(boundsOf([segment.a, segment.b]), tolerance.collinear), index));
    const found = new Map<string, { ids: [string, string]; length: number; from: Point; to: Point }>();
    const trunks = new Map<string, number>();
    segments.forEach((s, i) => {
        for (const j of grid.near(grow(boundsOf([s.a, s.b]), tolerance.collinear))) {
            if (j <= i) continue;
            const t = segments[j];
            const run = sharedRun(s, t, tolerance.collinear);
            if (!run || run.length <= tolerance.sharedRun) continue;
            if (s.edge !== t.edge && edges.get(s.edge)?.from === edges.get(t.edge)?.from) {
                const key = [s.edge, t.edge].sort().join('\u0000');
                let trunk = trunks.get(key);
                if (trunk === undefined)
                    trunks.set(key, (trunk = trunkLength(routes.get(s.edge)!, routes.get(t.edge)!, tolerance.collinear)));
                const onTrunk = Math.max(run.onS[1], run.onT[1]) <= trunk + tolerance.collinear;
                if (onTrunk && trunk < Math.min(length(routes.get(s.edge)!), length(routes.get(t.edge)!)) - tolerance.collinear) continue;
            }
            const ids: [string, string] = s.edge <= t.edge ? [s.edge, t.edge] : [t.edge, s.edge];
            const key = ids.join('\u0000');
            const known = found.get(key);
            if (!known || known.length < run.length) found.set(key, { ids, length: run.length, from: run.from, to: run.to });
        }
    });
    return [...found.values()].map(({ ids, length, from, to }) => ({
        ids,
        message:
            ids[0] === ids[1]
                ? `edge ${ids[0]} runs back over itself for ${round(length)} px, ${where(from, to)}`
                : `edges ${ids[0]} and ${ids[1]} run on top of each other for ${round(length)} px, ${where(from, to)}`,
    }));
}

interface Run {
    readonly length: number;
    readonly from: Point;
    readonly to: Point;
    /** Where the shared run lies along each edge's route, as lengths from its start. */
    readonly onS: readonly [number, number];
    readonly onT: readonly [number, number];
}

/** The stretch two segments share when both lie within `collinear` px of the first one's line. */
function sharedRun(s: Segment, t: Segment, collinear: number): Run | undefined {
    const sLength = distance(s.a, s.b);
    const u = { x: (s.b.x - s.a.x) / sLength, y: (s.b.y - s.a.y) / sLength };
    const across = (p: Point) => Math.abs((p.x - s.a.x) * u.y - (p.y - s.a.y) * u.x);
    if (across(t.a) > collinear || across(t.b) > collinear) return undefined;
    const along = (p: Point) => (p.x - s.a.x) * u.x + (p.y - s.a.y) * u.y;
    const [ta, tb] = [along(t.a), along(t.b)];
    const lo = Math.max(0, Math.min(ta, tb));
    const hi = Math.min(sLength, Math.max(ta, tb));
    if (hi - lo <= 0) return undefined;
    const tLength = distance(t.a, t.b);
    // t's own length at a point of s's line, from t's start (its direction along s may be either way).
    const onT = (v: number) => t.start + (tb === ta ? 0 : ((v - ta) / (tb - ta)) * tLength);
    const point = (v: number) => ({ x: s.a.x + u.x * v, y: s.a.y + u.y * v });
    return {
        length: hi - lo,
        from: point(lo),
        to: point(hi),
        onS: [s.start + lo, s.start + hi],
        onT: [Math.min(onT(lo), onT(hi)), Math.max(onT(lo), onT(hi))],
    };
}

/** How far from their start two routes stay within `collinear` px of each other, walked at the same pace. */
export function trunkLength(p: readonly Point[], q: readonly Point[], collinear: number): number {
    const end = Math.min(length(p), length(q));
    const gap = (s: number) => distance(pointAt(p, s), pointAt(q, s));
    if (gap(0) > collinear) return 0;
    const breaks = [...new Set([...cumulative(p), ...cumulative(q)])].filter(s => s > 0 && s < end).sort((a, b) => a - b);
    let previous = 0;
    for (const s of [...breaks, end]) {
        if (gap(s) > collinear) {
            // Between two corners both routes are straight, so the gap grows steadily: halve to where it passes the tolerance.
            let [lo, hi] = [previous, s];
            for (let k = 0; k < 30; k++) {
                const mid = (lo + hi) / 2;
                if (gap(mid) <= collinear) lo = mid;
                else hi = mid;
            }
            return lo;
        }
        previous = s;
    }
    return end;
}

function cumulative(points: readonly Point[]): number[] {
    const result = [0];
    for (let i = 1; i < points.length; i++) result.push(result[i - 1] + distance(points[i - 1], points[i]));
    return result;
}

function length(points: readonly Point[]): number {
    const all = cumulative(points);
    return all[all.length - 1];
}

function pointAt(points: readonly Point[], s: number): Point {
    let walked = 0;
    for (let i = 1; i < points.length; i++) {
        const step = distance(points[i - 1], points[i]);
        if (walked + step >= s && step > 0) {
            const f = (s - walked) / step;
            return { x: points[i - 1].x + f * (points[i].x - points[i - 1].x), y: points[i - 1].y + f * (points[i].y - points[i - 1].y) };
        }
        walked += step;
    }
    return points[points.length - 1];
}

function where(from: Point, to: Point): string {
    return `(${round(from.x)}, ${round(from.y)})–(${round(to.x)}, ${round(to.y)})`;
}
