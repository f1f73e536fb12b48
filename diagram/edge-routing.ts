/**
 * Edge routing helpers of the swimlane layout (see `layout.ts`), in its abstract `main`/`cross`
 * axes: where a port lies on a node's drawn outline, and the assignment of the runs across the flow
 * to tracks in the gap between two layers, so that no two of them lie on top of each other.
 */
import type { NodeKind } from '../protocol/graph-model.js';

export interface AbstractPoint {
    main: number;
    cross: number;
}

/** Distance between two tracks in a gap, and between two lines in a lane margin. */
export const TRACK = 10;

/**
 * How far inside a node's box, along the flow, its drawn outline lies at a position across the
 * flow: 0 on the flat side of a box, more towards a rounded corner, most towards a diamond's vertex.
 */
export function outlineInset(
    kind: NodeKind,
    box: { cross: number; mainSize: number; crossSize: number },
    radius: number,
    at: number,
): number {
    const offset = Math.min(Math.max(at - box.cross, 0), box.crossSize);
    if (kind === 'decision') {
        const half = box.crossSize / 2;
        return (box.mainSize / 2) * (Math.abs(offset - half) / half);
    }
    const r = Math.min(radius, box.crossSize / 2, box.mainSize / 2);
    const d = Math.min(offset, box.crossSize - offset);
    if (d >= r) return 0;
    return r - Math.sqrt(Math.max(0, r * r - (r - d) * (r - d)));
}

/** A run across the flow in one gap: from `a` to `b`; `exitAt`/`entryAt` when a run along the flow leaves a node there / enters one. */
export interface GapRun {
    readonly edge: string;
    readonly a: number;
    readonly b: number;
    readonly exitAt?: number;
    readonly entryAt?: number;
    track?: number;
}

/** An edge label in a gap, relative to the gap's start along the flow. */
export interface GapLabel {
    readonly edge: string;
    readonly main0: number;
    readonly main1: number;
    readonly cross0: number;
    readonly cross1: number;
}

/**
 * Gives every run its track, `track` px along the flow from the gap's start: runs whose spans
 * come near each other never share a track; a run that leaves a node at the height where another
 * enters one is put before it, so the two stubs along the flow do not overlap; no run, nor the
 * stub from its track into its target, goes through another edge's label, and a run leaves its
 * own label before it turns. Otherwise the order keeps runs apart that would cross (downward runs
 * starting lower first, upward runs starting higher first). Returns the farthest track.
 */
export function assignTracks(runs: GapRun[], labels: readonly GapLabel[], first: number): number {
    if (runs.length === 0) return 0;
    const key = (run: GapRun) => (run.b >= run.a ? [0, -run.a] : [1, run.a]);
    const order = [...runs].sort((p, q) => {
        const [kp, kq] = [key(p), key(q)];
        return kp[0] - kq[0] || kp[1] - kq[1];
    });
    // before.get(r): runs that must take a track before r's.
    const before = new Map<GapRun, GapRun[]>();
    const exits = runs.filter(run => run.exitAt !== undefined).sort((p, q) => p.exitAt! - q.exitAt!);
    for (const entering of runs) {
        if (entering.entryAt === undefined) continue;
        for (const leaving of nearby(exits, entering.entryAt, 3)) {
            if (leaving !== entering) (before.get(entering) ?? before.set(entering, []).get(entering)!).push(leaving);
        }
    }
    const ownLabel = new Map(labels.map(label => [label.edge, label]));
    const allowed = (run: GapRun, at: number, lo: number, hi: number) => {
        for (const label of labels) {
            if (label.edge === run.edge) continue;
            if (label.main0 - 2 < at && at < label.main1 + 2 && label.cross0 - 2 < hi && lo < label.cross1 + 2) return false;
            if (run.entryAt !== undefined && label.main1 + 2 > at && label.cross0 - 2 < run.entryAt && run.entryAt < label.cross1 + 2)
                return false;
        }
        const own = run.exitAt !== undefined ? ownLabel.get(run.edge) : undefined;
        return !own || at > own.main1 + 4;
    };
    const tracks: Array<Array<[number, number]>> = [];
    const done = new Set<GapRun>();
    const pending = [...order];
    let farthest = 0;
    while (pending.length > 0) {
        let index = pending.findIndex(run => (before.get(run) ?? []).every(other => done.has(other)));
        if (index < 0) index = 0;
        const run = pending.splice(index, 1)[0];
        let min = 0;
        for (const other of before.get(run) ?? [])
            if (other.track !== undefined) min = Math.max(min, Math.round((other.track - first) / TRACK) + 1);
        const lo = Math.min(run.a, run.b) - 4;
        const hi = Math.max(run.a, run.b) + 4;
        let k = min;
        while (tracks[k]?.some(([p, q]) => p < hi && lo < q) || !allowed(run, first + k * TRACK, lo, hi)) k++;
        (tracks[k] ??= []).push([lo, hi]);
        run.track = first + k * TRACK;
        farthest = Math.max(farthest, run.track);
        done.add(run);
    }
    return farthest;
}

/** The runs of a list sorted by `exitAt` whose `exitAt` lies within `by` of a value. */
function nearby(sorted: GapRun[], value: number, by: number): GapRun[] {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (sorted[mid].exitAt! < value - by) lo = mid + 1;
        else hi = mid;
    }
    const result: GapRun[] = [];
    for (let i = lo; i < sorted.length && sorted[i].exitAt! <= value + by; i++) result.push(sorted[i]);
    return result;
}

/** Drops points that lie on a straight line between their neighbours. */
export function simplify(points: AbstractPoint[]): AbstractPoint[] {
    const result: AbstractPoint[] = [];
    for (const point of points) {
        const last = result[result.length - 1];
        if (last && Math.abs(last.main - point.main) < 1e-6 && Math.abs(last.cross - point.cross) < 1e-6) continue;
        const before = result[result.length - 2];
        if (
            last &&
            before &&
            ((Math.abs(before.main - last.main) < 1e-6 && Math.abs(last.main - point.main) < 1e-6) ||
                (Math.abs(before.cross - last.cross) < 1e-6 && Math.abs(last.cross - point.cross) < 1e-6))
        ) {
            result[result.length - 1] = point;
        } else {
            result.push(point);
        }
    }
    return result;
}
