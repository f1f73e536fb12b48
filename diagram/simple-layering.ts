/**
 * A layered placement without ELK, for graphs past `SIMPLE_LAYERING_FROM` nodes: elkjs recurses
 * about as deep as the longest path of the graph, so a chain of a few thousand steps overflows
 * the stack in Node and in a browser. Everything here is loops over arrays: longest-path layers
 * from a topological order, then a few barycentre sweeps for the order inside each layer.
 */
import type { ElkOrder } from './layout.js';

/** From this many laid-out nodes on, the layering is this file's rather than ELK's. */
export const SIMPLE_LAYERING_FROM = 2000;

const SWEEPS = 4;

/** Layers and in-layer ranks of a graph that has no cycles (rework loops already turned round). */
export function simpleLayering(ids: string[], edges: Array<{ from: string; to: string }>): ElkOrder {
    const index = new Map(ids.map((id, i) => [id, i]));
    const successors: number[][] = ids.map(() => []);
    const predecessors: number[][] = ids.map(() => []);
    const indegree = new Array<number>(ids.length).fill(0);
    for (const edge of edges) {
        const from = index.get(edge.from);
        const to = index.get(edge.to);
        if (from === undefined || to === undefined || from === to) continue;
        successors[from].push(to);
        predecessors[to].push(from);
        indegree[to]++;
    }
    // Longest path from the sources, in topological order (Kahn): each node one layer after its latest predecessor.
    const layer = new Array<number>(ids.length).fill(0);
    const queue = ids.map((_, i) => i).filter(i => indegree[i] === 0);
    for (let head = 0; head < queue.length; head++) {
        const node = queue[head];
        for (const next of successors[node]) {
            layer[next] = Math.max(layer[next], layer[node] + 1);
            if (--indegree[next] === 0) queue.push(next);
        }
    }
    // Order inside each layer: first by discovery, then by the mean rank of the neighbours.
    const layers: number[][] = [];
    for (const node of queue) (layers[layer[node]] ??= []).push(node);
    const rank = new Array<number>(ids.length).fill(0);
    const renumber = () =>
        layers.forEach(members =>
            members?.forEach((node, i) => {
                rank[node] = i;
            }),
        );
    renumber();
    for (let sweep = 0; sweep < SWEEPS; sweep++) {
        const neighbours = sweep % 2 === 0 ? predecessors : successors;
        for (const members of sweep % 2 === 0 ? layers : [...layers].reverse()) {
            if (!members) continue;
            const key = (node: number) =>
                neighbours[node].length === 0
                    ? rank[node]
                    : neighbours[node].reduce((sum, other) => sum + rank[other], 0) / neighbours[node].length;
            const keys = new Map(members.map(node => [node, key(node)]));
            members.sort((a, b) => keys.get(a)! - keys.get(b)! || rank[a] - rank[b]);
            members.forEach((node, i) => {
                rank[node] = i;
            });
        }
    }
    return {
        layer: new Map(ids.map((id, i) => [id, layer[i]])),
        rank: new Map(ids.map((id, i) => [id, rank[i]])),
    };
}
