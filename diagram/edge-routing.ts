/**
 * Edge routing helpers of the swimlane layout (see `layout.ts`), in its abstract `main`/`cross`
 * axes: where a port lies on a node's drawn outline, and the assignment of the runs across the flow
 * to tracks in the gap between two layers, so that no two of them lie on top of each other.
 */
import type { NodeKind } from '../protocol/graph-model.js';

export interface AbstractPoint { main: number; cross: number }

/** Distance between two tracks in a gap, and between two lines in a lane margin. */
export const TRACK = 10;

/**
 * How far inside a node's box, along the flow, its drawn outline lies at a position across the
 * flow: 0 on the flat side of a box, more towards a rounded corner, most towards a diamond's vertex.
 */
export function outlineInset(kind: NodeKind, box: { cross: number; mainSize: number; crossSize: number }, radius: number, at: number): number {
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

/**
 * Gives every run its track (0 next to the layer before the gap): runs whose spans come near
 * each other never share a track; a run that leaves a node at the height where another enters one
 * is put before it, so the two stubs along the flow do not overlap; otherwise the order keeps
 * runs apart that would cross (downward runs starting lower first, upward runs starting higher
 * first). Returns the number of tracks used.
 */
export function assignTracks(runs: GapRun[]): number {
    if (runs.length === 0) return 0;
    const key = (run: GapRun) => run.b >= run.a ? [0, -run.a] : [1, run.a];
    const order = [...runs].sort((p, q) => {
        const [kp, kq] = [key(p), key(q)];
        return kp[0] - kq[0] || kp[1] - kq[1];
    });
    // before.get(r): runs that must take a smaller track than r.
    const before = new Map<GapRun, GapRun[]>();
    const exits = runs.filter(run => run.exitAt !== undefined).sort((p, q) => p.exitAt! - q.exitAt!);
    for (const entering of runs) {
        if (entering.entryAt === undefined) continue;
        for (const leaving of nearby(exits, entering.entryAt, 3)) {
            if (leaving !== entering) (before.get(entering) ?? before.set(entering, []).get(entering)!).push(leaving);
        }
    }
    const tracks: Array<Array<[number, number]>> = [];
    const done = new Set<GapRun>();
    const pending = [...order];
    let used = 0;
    while (pending.length > 0) {
        let index = pending.findIndex(run => (before.get(run) ?? []).every(other => done.has(other)));
        if (index < 0) index = 0;
        const run = pending.splice(index, 1)[0];
        let min = 0;
        for (const other of before.get(run) ?? []) if (other.track !== undefined) min = Math.max(min, other.track + 1);
        const lo = Math.min(run.a, run.b) - 4;
        const hi = Math.max(run.a, run.b) + 4;
        let track = min;
        while (tracks[track]?.some(([p, q]) => p < hi && lo < q)) track++;
        (tracks[track] ??= []).push([lo, hi]);
        run.track = track;
        used = Math.max(used, track + 1);
        done.add(run);
    }
    return used;
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
        if (last && before && ((Math.abs(before.main - last.main) < 1e-6 && Math.abs(last.main - point.main) < 1e-6)
            || (Math.abs(before.cross - last.cross) < 1e-6 && Math.abs(last.cross - point.cross) < 1e-6))) {
            result[result.length - 1] = point;
        } else {
            result.push(point);
        }
    }
    return result;
}
