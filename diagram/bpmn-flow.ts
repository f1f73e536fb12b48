/**
 * The gateways a workflow needs as BPMN, by the join rule of the language (LANGUAGE.md, "Parallel
 * work and joins"): for each node, how the transitions into it are merged before it starts.
 *
 * - Transitions from different branches of one parallel split (`next A, B`) are synchronized: a
 *   parallel gateway, or an inclusive one when a branch can go on past the node without it and
 *   without ending the case (an end terminates the case, so a branch that ends never blocks),
 *   or when a transition comes from after an earlier join of the split and so carries several of
 *   its branches (the branch may then come along it or on its own, not both).
 * - Transitions that are alternatives (different branches of a decision, a rework loop and the
 *   way in, the start and a loop back to it) meet at an exclusive gateway.
 * - Nested splits nest: the outermost split that separates the transitions is joined last.
 * - Rework loops (transitions closing a cycle) enter after any synchronization, so the repeated
 *   work starts once per loop taken.
 * - An end is reached by the first branch that gets there: only exclusive merges before it.
 */
import type { DiagramEdge, WorkflowGraph } from '../protocol/graph-model.js';
import { outgoingEdges, reworkEdges } from './flow-structure.js';

/** What arrives at a node: the start of the case, or one transition. */
export type Arrival = { readonly kind: 'start' } | { readonly kind: 'edge'; readonly edge: DiagramEdge };

export type MergeTree =
    | { readonly kind: 'arrival'; readonly arrival: Arrival }
    | { readonly kind: 'exclusive' | 'parallel' | 'inclusive'; readonly children: MergeTree[] };

export interface FlowStructure {
    /** The rework loops, by edge id. */
    readonly back: Set<string>;
    /** The nodes that are parallel splits: a step with more than one `next`. */
    readonly splits: Set<string>;
    /** How the arrivals at each node are merged (a single arrival is a leaf). */
    readonly merges: Map<string, MergeTree>;
}

export function flowStructure(graph: WorkflowGraph): FlowStructure {
    const back = reworkEdges(graph);
    const outgoing = outgoingEdges(graph);
    const forward = new Map([...outgoing].map(([id, edges]) => [id, edges.filter(edge => !back.has(edge.id))]));
    const kinds = new Map(graph.nodes.map(node => [node.id, node.kind]));
    const splits = new Set(
        graph.nodes.filter(node => node.kind === 'step' && (outgoing.get(node.id)?.length ?? 0) > 1).map(node => node.id),
    );
    const order = topologicalOrder(graph, forward);

    const reach = (from: string, avoid?: string): Set<string> => {
        const seen = new Set<string>();
        const stack = from === avoid ? [] : [from];
        while (stack.length > 0) {
            const id = stack.pop()!;
            if (seen.has(id)) continue;
            seen.add(id);
            for (const edge of forward.get(id) ?? []) if (edge.to !== avoid && !seen.has(edge.to)) stack.push(edge.to);
        }
        return seen;
    };
    // For each split, the nodes each of its branches reaches.
    const branchReach = new Map<string, Array<{ edge: DiagramEdge; reached: Set<string> }>>();
    for (const split of [...splits].sort((a, b) => order.get(a)! - order.get(b)!)) {
        branchReach.set(
            split,
            (outgoing.get(split) ?? []).map(edge => ({ edge, reached: back.has(edge.id) ? new Set<string>() : reach(edge.to) })),
        );
    }
    const descendants = new Map<string, Set<string>>();
    const descendantsOf = (id: string) => descendants.get(id) ?? descendants.set(id, reach(id)).get(id)!;

    /** The branches of `split` an arrival comes along: the branch it is, or the branches reaching its source. */
    const branchesOf = (arrival: Arrival, split: string): number[] => {
        if (arrival.kind === 'start') return [];
        return branchReach
            .get(split)!
            .flatMap((branch, index) =>
                branch.edge.id === arrival.edge.id || (arrival.edge.from !== split && branch.reached.has(arrival.edge.from)) ? [index] : [],
            );
    };
    /** Whether a branch of the split can get past `target` without it and without ending the case. */
    const bypasses = (split: string, index: number, target: string): boolean => {
        const branch = branchReach.get(split)![index];
        const after = descendantsOf(target);
        for (const id of reach(branch.edge.to, target)) {
            if (after.has(id) && id !== target) return true;
            if (kinds.get(id) !== 'end' && (outgoing.get(id)?.length ?? 0) === 0) return true;
        }
        return false;
    };

    const mergeForward = (arrivals: Arrival[], target: string): MergeTree => {
        if (arrivals.length === 1) return { kind: 'arrival', arrival: arrivals[0] };
        for (const [split] of branchReach) {
            // Arrivals grouped by the branches of the split they carry: one branch, or several
            // when they come from after an earlier (inclusive) join of the split.
            const groups = new Map<string, { branches: number[]; arrivals: Arrival[] }>();
            const rest: Arrival[] = [];
            for (const arrival of arrivals) {
                const branches = branchesOf(arrival, split);
                if (branches.length === 0) {
                    rest.push(arrival);
                    continue;
                }
                const key = branches.join(',');
                (groups.get(key) ?? groups.set(key, { branches, arrivals: [] }).get(key)!).arrivals.push(arrival);
            }
            if (groups.size < 2) continue;
            const ordered = [...groups.values()].sort((a, b) => a.branches[0] - b.branches[0] || a.branches.length - b.branches.length);
            // A branch that can also come along a group carrying several branches may not come on
            // its own: only an inclusive join knows when to stop waiting for it.
            const inclusive =
                ordered.some(group => group.branches.length > 1) || ordered.some(group => bypasses(split, group.branches[0], target));
            const joined: MergeTree = {
                kind: inclusive ? 'inclusive' : 'parallel',
                children: ordered.map(group => mergeForward(group.arrivals, target)),
            };
            return rest.length === 0 ? joined : { kind: 'exclusive', children: [joined, mergeForward(rest, target)] };
        }
        return { kind: 'exclusive', children: arrivals.map(arrival => ({ kind: 'arrival', arrival })) };
    };

    const incoming = new Map<string, Arrival[]>(graph.nodes.map(node => [node.id, node.start ? [{ kind: 'start' }] : []]));
    for (const edge of graph.edges) incoming.get(edge.to)?.push({ kind: 'edge', edge });
    const merges = new Map<string, MergeTree>();
    for (const node of graph.nodes) {
        const arrivals = incoming.get(node.id)!;
        if (arrivals.length === 0) continue;
        const loops = arrivals.filter(arrival => arrival.kind === 'edge' && back.has(arrival.edge.id));
        const ahead = arrivals.filter(arrival => !loops.includes(arrival));
        let tree: MergeTree;
        if (node.kind === 'end' || ahead.length === 0) {
            tree =
                arrivals.length === 1
                    ? { kind: 'arrival', arrival: arrivals[0] }
                    : { kind: 'exclusive', children: arrivals.map(arrival => ({ kind: 'arrival', arrival })) };
        } else {
            const merged = mergeForward(ahead, node.id);
            tree =
                loops.length === 0
                    ? merged
                    : { kind: 'exclusive', children: [merged, ...loops.map(arrival => ({ kind: 'arrival' as const, arrival }))] };
        }
        merges.set(node.id, tree);
    }
    return { back, splits, merges };
}

/** Position of each node in a topological order of the forward transitions, from the start. */
function topologicalOrder(graph: WorkflowGraph, forward: Map<string, DiagramEdge[]>): Map<string, number> {
    const indegree = new Map(graph.nodes.map(node => [node.id, 0]));
    for (const edges of forward.values()) for (const edge of edges) indegree.set(edge.to, (indegree.get(edge.to) ?? 0) + 1);
    const queue = graph.nodes.filter(node => indegree.get(node.id) === 0).map(node => node.id);
    const order = new Map<string, number>();
    for (let head = 0; head < queue.length; head++) {
        const id = queue[head];
        order.set(id, head);
        for (const edge of forward.get(id) ?? []) {
            const left = indegree.get(edge.to)! - 1;
            indegree.set(edge.to, left);
            if (left === 0) queue.push(edge.to);
        }
    }
    for (const node of graph.nodes) if (!order.has(node.id)) order.set(node.id, order.size);
    return order;
}
