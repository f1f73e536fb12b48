/**
 * Large messages go in pieces so that no task clones or reads a whole graph at once: the
 * extension's model to the webview, the webview's graph to its layout worker and the worker's
 * layout back. One way to cut them and one way to collect them, for all three.
 */

export interface Piece<N, E> {
    readonly nodes: N[];
    readonly edges: E[];
}

/**
 * The nodes and edges in slices of at most `size` items together, nodes first. The last slice
 * (`last: true`) is what is left, at most `size` items and possibly none; it travels in the
 * message that completes the others.
 */
export function* slices<N, E>(nodes: readonly N[], edges: readonly E[], size: number): Generator<Piece<N, E> & { readonly last: boolean }> {
    let nodesDone = 0;
    let edgesDone = 0;
    while (nodes.length - nodesDone + edges.length - edgesDone > size) {
        const nodeCount = Math.min(size, nodes.length - nodesDone);
        const edgeCount = Math.min(size - nodeCount, edges.length - edgesDone);
        yield {
            nodes: nodes.slice(nodesDone, nodesDone + nodeCount),
            edges: edges.slice(edgesDone, edgesDone + edgeCount),
            last: false,
        };
        nodesDone += nodeCount;
        edgesDone += edgeCount;
    }
    yield { nodes: nodes.slice(nodesDone), edges: edges.slice(edgesDone), last: true };
}

/** The pieces received so far, by the id of the message they belong to. */
export class PieceCollector<N, E> {
    private readonly pending = new Map<number, Piece<N, E>>();

    add(id: number, piece: { readonly nodes: readonly N[]; readonly edges: readonly E[] }): void {
        const collected = this.pending.get(id) ?? { nodes: [], edges: [] };
        collected.nodes.push(...piece.nodes);
        collected.edges.push(...piece.edges);
        this.pending.set(id, collected);
    }

    /** What came before the message that completes `id` (nothing for a message sent whole), forgotten from now on. */
    take(id: number): Piece<N, E> {
        const collected = this.pending.get(id) ?? { nodes: [], edges: [] };
        this.pending.delete(id);
        return collected;
    }
}
