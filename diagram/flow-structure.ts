/**
 * Questions about the flow of a graph model that exports answer the same way: which transitions
 * are rework loops. Plain graph code over `protocol/` types, iterative, no layout.
 */
import type { DiagramEdge, WorkflowGraph } from '../protocol/graph-model.js';

/**
 * The rework loops: the transitions that close a cycle when the graph is walked depth-first from
 * the start, each node's transitions in the order written (the definition the critical path
 * uses), then from any node not reached yet, in declaration order.
 */
export function reworkEdges(graph: WorkflowGraph): Set<string> {
    const outgoing = outgoingEdges(graph);
    const state = new Map<string, 'open' | 'done'>();
    const back = new Set<string>();
    for (const root of [...graph.nodes.filter(node => node.start), ...graph.nodes]) {
        if (state.has(root.id)) continue;
        state.set(root.id, 'open');
        const stack: Array<{ id: string; index: number }> = [{ id: root.id, index: 0 }];
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

/** Each node's outgoing edges, in the order written. */
export function outgoingEdges(graph: WorkflowGraph): Map<string, DiagramEdge[]> {
    const outgoing = new Map<string, DiagramEdge[]>(graph.nodes.map(node => [node.id, []]));
    for (const edge of graph.edges) outgoing.get(edge.from)?.push(edge);
    return outgoing;
}
