/**
 * Columns of the swimlane layout: consecutive layers merged where their nodes lie in different
 * lanes, so that a hand-off down (or up) to another team shares its source's column instead of
 * taking one of its own. With one layer per column a workflow of many short hand-offs is as long
 * as its longest path and most of its cells are empty; merging fills them.
 *
 * An edge between two nodes of one column is drawn straight across the flow, from the middle of
 * its source's side that faces the target's lane to the middle of the target's side facing back
 * (`layout.ts`). That is only readable, and only free of every defect the checker counts, when:
 * - no other node of the column lies in a lane between the two (the line would run through it);
 * - each node is alone in its lane in the column (a cell-mate would be in the way);
 * - each side across the flow carries at most one such edge (two would share an arrowhead);
 * - the edge's label, which sits on the line in the source lane's margin, is no longer along the
 *   flow than the column is wide (it would reach into the gaps where other edges run), and no
 *   longer across it than `MAX_LABEL_CROSS`: the margin grows by it along the whole lane, which
 *   for a label's width (lanes side by side, top to bottom) costs more than the column saves.
 * A layer that cannot join the column under these rules starts the next one.
 */

export interface ColumnInput {
    readonly ids: readonly string[];
    /** Forward and backward edges alike, in their own direction. */
    readonly edges: ReadonlyArray<{ readonly id: string; readonly from: string; readonly to: string }>;
    readonly layerOf: (id: string) => number;
    readonly laneOf: (id: string) => number;
    /** The extent along the flow of a node, and of an edge's label (0 without one). */
    readonly nodeMain: (id: string) => number;
    readonly labelMain: (edge: string) => number;
    readonly labelCross: (edge: string) => number;
}

/** The longest label across the flow a hand-off inside a column may carry: three lines of text. */
export const MAX_LABEL_CROSS = 48;

export interface Columns {
    readonly column: Map<string, number>;
    /** The edges drawn across the flow inside a column. */
    readonly across: Set<string>;
}

/** Merges layers into columns, first layer first. */
export function mergeLayers(input: ColumnInput): Columns {
    const layers: string[][] = [];
    for (const id of input.ids) (layers[input.layerOf(id)] ??= []).push(id);
    const into = new Map<string, Array<{ id: string; from: string }>>();
    for (const edge of input.edges) (into.get(edge.to) ?? into.set(edge.to, []).get(edge.to)!).push(edge);
    const column = new Map<string, number>();
    const across = new Set<string>();
    let current = -1;
    // The column being filled: nodes by lane, the lane spans of its edges across, the sides they use.
    let lanes = new Map<number, string[]>();
    let spans: Array<[number, number]> = [];
    let sides = new Set<string>();
    const start = () => {
        current++;
        lanes = new Map();
        spans = [];
        sides = new Set();
    };
    start();
    for (const members of layers) {
        if (!members || members.length === 0) continue;
        // A layer's nodes join the column lane by lane (a lane's nodes of one layer stay together);
        // the lanes that cannot join start the next column.
        const groups = new Map<number, string[]>();
        for (const id of members) {
            const lane = input.laneOf(id);
            (groups.get(lane) ?? groups.set(lane, []).get(lane)!).push(id);
        }
        const rest: string[][] = [];
        for (const group of groups.values()) {
            const joining = lanes.size > 0 ? tryJoin(group) : [];
            if (joining) add(group, joining);
            else rest.push(group);
        }
        if (rest.length === 0) continue;
        start();
        for (const group of rest) add(group, []);
    }
    return { column, across };

    function add(group: readonly string[], joining: ReadonlyArray<{ id: string; from: string; to: string }>): void {
        for (const id of group) {
            column.set(id, current);
            const lane = input.laneOf(id);
            (lanes.get(lane) ?? lanes.set(lane, []).get(lane)!).push(id);
        }
        for (const edge of joining) {
            across.add(edge.id);
            const [a, b] = [input.laneOf(edge.from), input.laneOf(edge.to)];
            spans.push([Math.min(a, b), Math.max(a, b)]);
            sides.add(sideKey(edge.from, b > a));
            sides.add(sideKey(edge.to, a > b));
        }
    }

    /**
     * The edges across the flow the nodes of one lane in one layer need to join the column, or
     * undefined when they cannot join it.
     */
    function tryJoin(group: readonly string[]): Array<{ id: string; from: string; to: string }> | undefined {
        const lane = input.laneOf(group[0]);
        if (lanes.has(lane)) return undefined;
        if (spans.some(([lo, hi]) => lane > lo && lane < hi)) return undefined;
        const occupied = [...lanes.keys(), lane];
        const joining: Array<{ id: string; from: string; to: string }> = [];
        const used = new Set(sides);
        for (const to of group) {
            for (const edge of into.get(to) ?? []) {
                if (column.get(edge.from) !== current || edge.from === to) continue;
                const a = input.laneOf(edge.from);
                if (lanes.get(a)!.length !== 1 || group.length !== 1) return undefined;
                if (occupied.some(other => other > Math.min(a, lane) && other < Math.max(a, lane))) return undefined;
                if (input.labelMain(edge.id) > Math.max(input.nodeMain(edge.from), input.nodeMain(to))) return undefined;
                if (input.labelCross(edge.id) > MAX_LABEL_CROSS) return undefined;
                const [out, inn] = [sideKey(edge.from, lane > a), sideKey(to, a > lane)];
                if (used.has(out) || used.has(inn)) return undefined;
                used.add(out);
                used.add(inn);
                joining.push({ id: edge.id, from: edge.from, to });
            }
        }
        return joining;
    }
}

/** A node's side across the flow: towards the lanes after its own, or before. */
function sideKey(id: string, after: boolean): string {
    return `${id}\u0000${after ? 'after' : 'before'}`;
}

export interface SpreadInput {
    /** The ends of the flow (nodes without successors), in the order they are tried. */
    readonly ends: readonly string[];
    readonly laneOf: (id: string) => number;
    /** A node's extent across the flow, as its text needs it, and the space between two of a cell. */
    readonly cross: (id: string) => number;
    readonly gap: number;
    /** The hand-offs drawn across the flow: their ends stay, and no end moves onto one's line. */
    readonly across: ReadonlyArray<{ readonly from: string; readonly to: string }>;
}

/**
 * Moves ends out of a lane's tallest cell: a lane is as tall as its tallest cell, along the whole
 * drawing, so an end stacked under a cell-mate there costs its height everywhere. An end has no
 * successors, so it may take any later column; it takes the nearest one where its lane is empty.
 * The edge into it then runs along the lane (straight where nothing is in the way, else on a
 * margin line, which costs a line's height instead of a node's). Ends at either end of a hand-off
 * drawn across the flow stay where they are.
 */
export function spreadEnds(columns: Columns, input: SpreadInput): void {
    const { column } = columns;
    const cells = new Map<string, string[]>();
    const key = (lane: number, at: number) => `${lane}\u0000${at}`;
    const pinned = new Set(input.across.flatMap(edge => [edge.from, edge.to]));
    const crossed = new Set<string>();
    for (const edge of input.across) {
        const [a, b] = [input.laneOf(edge.from), input.laneOf(edge.to)];
        for (let lane = Math.min(a, b) + 1; lane < Math.max(a, b); lane++) crossed.add(key(lane, column.get(edge.from)!));
    }
    let last = 0;
    for (const [id, at] of column) {
        const cellKey = key(input.laneOf(id), at);
        (cells.get(cellKey) ?? cells.set(cellKey, []).get(cellKey)!).push(id);
        last = Math.max(last, at);
    }
    const height = (members: readonly string[]) =>
        members.reduce((sum, id) => sum + input.cross(id), 0) + Math.max(0, members.length - 1) * input.gap;
    const tallest = new Map<number, number>();
    for (const [cellKey, members] of cells) {
        const lane = Number(cellKey.slice(0, cellKey.indexOf('\u0000')));
        tallest.set(lane, Math.max(tallest.get(lane) ?? 0, height(members)));
    }
    for (const end of input.ends) {
        const at = column.get(end);
        if (at === undefined || pinned.has(end)) continue;
        const lane = input.laneOf(end);
        const members = cells.get(key(lane, at))!;
        if (members.length < 2 || height(members) < tallest.get(lane)!) continue;
        let free = at + 1;
        while (free <= last && (cells.has(key(lane, free)) || crossed.has(key(lane, free)))) free++;
        if (free > last) continue;
        members.splice(members.indexOf(end), 1);
        cells.set(key(lane, free), [end]);
        column.set(end, free);
        let max = 0;
        for (const [cellKey, cell] of cells) if (cellKey.startsWith(`${lane}\u0000`)) max = Math.max(max, height(cell));
        tallest.set(lane, max);
    }
}
