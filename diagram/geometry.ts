/**
 * Plane geometry for checking a laid-out diagram: node shapes as convex polygons, how much of a
 * segment lies inside one, whether two shapes overlap, how far a point is from an outline.
 * Plain functions on points; no DOM.
 */
import type { Box, Point } from '../protocol/diagram-layout.js';
import type { NodeOutline } from './layout-metrics.js';

/** A convex polygon, vertices in order (either orientation). */
export type Polygon = readonly Point[];

/** Chords per quarter circle: the widest gap to the true arc is under 0.1 px for the radii drawn. */
const ARC_STEPS = 6;

export function boxPolygon(box: Box): Polygon {
    return [
        { x: box.x, y: box.y },
        { x: box.x + box.width, y: box.y },
        { x: box.x + box.width, y: box.y + box.height },
        { x: box.x, y: box.y + box.height },
    ];
}

/** A box shrunk by `inset` on every side (a negative inset grows it). */
export function insetBox(box: Box, inset: number): Box {
    return { x: box.x + inset, y: box.y + inset, width: Math.max(0, box.width - 2 * inset), height: Math.max(0, box.height - 2 * inset) };
}

/**
 * The outline of a node's shape as a polygon, moved `inset` px inwards: the shape the reader sees
 * is `inset` 0; a positive inset gives the part of it that a line must reach to cross the node.
 */
export function outlinePolygon(outline: NodeOutline, box: Box, inset = 0): Polygon {
    if (outline.shape === 'diamond') {
        const a = box.width / 2;
        const b = box.height / 2;
        // Each side moves `inset` along its normal: the diamond scales about its centre by k.
        const k = Math.max(0, 1 - inset * Math.hypot(1 / a, 1 / b));
        const cx = box.x + a;
        const cy = box.y + b;
        return [
            { x: cx, y: cy - b * k },
            { x: cx + a * k, y: cy },
            { x: cx, y: cy + b * k },
            { x: cx - a * k, y: cy },
        ];
    }
    const inner = insetBox(box, inset);
    const r = Math.max(0, Math.min(outline.radius - inset, inner.width / 2, inner.height / 2));
    if (r === 0) return boxPolygon(inner);
    const corners = [
        { cx: inner.x + inner.width - r, cy: inner.y + r, from: -Math.PI / 2 },
        { cx: inner.x + inner.width - r, cy: inner.y + inner.height - r, from: 0 },
        { cx: inner.x + r, cy: inner.y + inner.height - r, from: Math.PI / 2 },
        { cx: inner.x + r, cy: inner.y + r, from: Math.PI },
    ];
    const points: Point[] = [];
    for (const corner of corners) {
        for (let i = 0; i <= ARC_STEPS; i++) {
            const angle = corner.from + (i / ARC_STEPS) * (Math.PI / 2);
            points.push({ x: corner.cx + r * Math.cos(angle), y: corner.cy + r * Math.sin(angle) });
        }
    }
    return points;
}

/** A box grown by `by` on every side. */
export function grow(box: Box, by: number): Box {
    return { x: box.x - by, y: box.y - by, width: box.width + 2 * by, height: box.height + 2 * by };
}

/** To one decimal, for messages. */
export function round(value: number): number {
    return Math.round(value * 10) / 10;
}

export function boundsOf(points: readonly Point[]): Box {
    let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const p of points) {
        minX = Math.min(minX, p.x);
        minY = Math.min(minY, p.y);
        maxX = Math.max(maxX, p.x);
        maxY = Math.max(maxY, p.y);
    }
    return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

export function distance(a: Point, b: Point): number {
    return Math.hypot(a.x - b.x, a.y - b.y);
}

export function distanceToSegment(p: Point, a: Point, b: Point): number {
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const length2 = dx * dx + dy * dy;
    const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / length2));
    return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

/** How far a point is from a polygon's outline, inside or out. */
export function distanceToOutline(p: Point, polygon: Polygon): number {
    let best = Infinity;
    for (let i = 0; i < polygon.length; i++) best = Math.min(best, distanceToSegment(p, polygon[i], polygon[(i + 1) % polygon.length]));
    return best;
}

function signedArea(polygon: Polygon): number {
    let area = 0;
    for (let i = 0; i < polygon.length; i++) {
        const [p, q] = [polygon[i], polygon[(i + 1) % polygon.length]];
        area += p.x * q.y - q.x * p.y;
    }
    return area / 2;
}

/** The part of segment a–b inside a convex polygon (Cyrus–Beck clipping), as a sub-segment, or nothing. */
export function clipToPolygon(a: Point, b: Point, polygon: Polygon): [Point, Point] | undefined {
    if (polygon.length < 3) return undefined;
    const orientation = signedArea(polygon) >= 0 ? 1 : -1;
    const d = { x: b.x - a.x, y: b.y - a.y };
    let [t0, t1] = [0, 1];
    for (let i = 0; i < polygon.length; i++) {
        const [p, q] = [polygon[i], polygon[(i + 1) % polygon.length]];
        // Normal pointing into the polygon: inside is where n·(x − p) ≥ 0.
        const n = { x: -(q.y - p.y) * orientation, y: (q.x - p.x) * orientation };
        const num = n.x * (a.x - p.x) + n.y * (a.y - p.y);
        const den = n.x * d.x + n.y * d.y;
        if (den === 0) {
            if (num < 0) return undefined;
            continue;
        }
        const t = -num / den;
        if (den > 0) t0 = Math.max(t0, t);
        else t1 = Math.min(t1, t);
        if (t0 > t1) return undefined;
    }
    return [
        { x: a.x + t0 * d.x, y: a.y + t0 * d.y },
        { x: a.x + t1 * d.x, y: a.y + t1 * d.y },
    ];
}

/** The length of segment a–b inside a convex polygon. */
export function lengthInside(a: Point, b: Point, polygon: Polygon): number {
    const clipped = clipToPolygon(a, b, polygon);
    return clipped ? distance(clipped[0], clipped[1]) : 0;
}

/**
 * Whether two convex polygons overlap by more than `depth` px (separating axis test): a shared
 * border, or a sliver thinner than `depth`, is not an overlap.
 */
export function polygonsOverlap(p: Polygon, q: Polygon, depth = 0): boolean {
    for (const polygon of [p, q]) {
        for (let i = 0; i < polygon.length; i++) {
            const [a, b] = [polygon[i], polygon[(i + 1) % polygon.length]];
            const length = Math.hypot(b.x - a.x, b.y - a.y);
            if (length === 0) continue;
            const axis = { x: -(b.y - a.y) / length, y: (b.x - a.x) / length };
            const [pMin, pMax] = project(p, axis);
            const [qMin, qMax] = project(q, axis);
            if (Math.min(pMax, qMax) - Math.max(pMin, qMin) <= depth) return false;
        }
    }
    return true;
}

function project(polygon: Polygon, axis: Point): [number, number] {
    let [min, max] = [Infinity, -Infinity];
    for (const p of polygon) {
        const value = p.x * axis.x + p.y * axis.y;
        min = Math.min(min, value);
        max = Math.max(max, value);
    }
    return [min, max];
}

export function boxesOverlap(a: Box, b: Box, depth = 0): boolean {
    return (
        Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x) > depth &&
        Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y) > depth
    );
}

export function boxContains(outer: Box, inner: Box, tolerance = 0): boolean {
    return (
        inner.x >= outer.x - tolerance &&
        inner.y >= outer.y - tolerance &&
        inner.x + inner.width <= outer.x + outer.width + tolerance &&
        inner.y + inner.height <= outer.y + outer.height + tolerance
    );
}

/** A uniform grid over the plane, to find the items whose bounds meet a box without trying them all. */
export class BoxGrid<T> {
    private readonly cells = new Map<string, T[]>();

    constructor(private readonly cell = 128) {}

    add(bounds: Box, item: T): void {
        for (const key of this.keys(bounds)) (this.cells.get(key) ?? this.cells.set(key, []).get(key)!).push(item);
    }

    /** The items whose bounds share a cell with `bounds`: a superset of those that meet it, each once. */
    near(bounds: Box): Set<T> {
        const found = new Set<T>();
        for (const key of this.keys(bounds)) for (const item of this.cells.get(key) ?? []) found.add(item);
        return found;
    }

    private *keys(bounds: Box): Iterable<string> {
        const [x0, x1] = [Math.floor(bounds.x / this.cell), Math.floor((bounds.x + bounds.width) / this.cell)];
        const [y0, y1] = [Math.floor(bounds.y / this.cell), Math.floor((bounds.y + bounds.height) / this.cell)];
        for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) yield `${x},${y}`;
    }
}
