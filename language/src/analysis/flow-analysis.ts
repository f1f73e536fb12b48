/**
 * Graph questions about one workflow: which nodes the start reaches, and the critical path.
 * Iterative traversals only, so a workflow of tens of thousands of steps cannot overflow the stack.
 */
import type { Node, Workflow } from '../generated/ast.js';
import { isEnd } from '../generated/ast.js';
import { nodeMinutes, outgoingTransitions, startNode } from '../model/workflow-model.js';

/** Resolved successors of a node, skipping transitions whose target does not resolve. */
export function successors(node: Node): Node[] {
    const result: Node[] = [];
    for (const transition of outgoingTransitions(node)) {
        const target = transition.target?.ref;
        if (target && target.$container === node.$container) {
            result.push(target);
        }
    }
    return result;
}

/** The nodes that some path from the workflow's start reaches (the start included). */
export function reachableNodes(workflow: Workflow): Set<Node> {
    const start = startNode(workflow);
    const seen = new Set<Node>();
    if (!start) {
        return seen;
    }
    const stack: Node[] = [start];
    seen.add(start);
    while (stack.length > 0) {
        for (const next of successors(stack.pop()!)) {
            if (!seen.has(next)) {
                seen.add(next);
                stack.push(next);
            }
        }
    }
    return seen;
}

export interface CriticalPath {
    /** The nodes of the longest path, start first. */
    readonly nodes: Node[];
    /** Sum of the durations of those nodes, in minutes. */
    readonly minutes: number;
}

/**
 * The longest sum of durations over paths from the start to any end. Transitions that close a
 * cycle (rework loops) are ignored, which leaves a DAG of the reachable nodes. When no end is
 * reachable, the longest path to any reachable node is returned instead, so a workflow still
 * being written gets a figure.
 */
export function criticalPath(workflow: Workflow): CriticalPath | undefined {
    const start = startNode(workflow);
    if (!start) {
        return undefined;
    }
    const { order, forwardSuccessors } = acyclicOrder(start);
    // Longest path from the start to each node, in topological order.
    const best = new Map<Node, number>([[start, nodeMinutes(start)]]);
    const previous = new Map<Node, Node>();
    for (const node of order) {
        const here = best.get(node)!;
        for (const next of forwardSuccessors.get(node)!) {
            const candidate = here + nodeMinutes(next);
            if (candidate > (best.get(next) ?? -1)) {
                best.set(next, candidate);
                previous.set(next, node);
            }
        }
    }
    // Among equally long paths, the one to the end declared first wins: stable and easy to explain.
    const reached = workflow.nodes.filter(node => best.has(node));
    const ends = reached.filter(isEnd);
    const finals = ends.length > 0 ? ends : reached;
    let last = finals[0];
    for (const node of finals) {
        if (best.get(node)! > best.get(last)!) {
            last = node;
        }
    }
    const nodes: Node[] = [last];
    for (let at = previous.get(last); at; at = previous.get(at)) {
        nodes.push(at);
    }
    return { nodes: nodes.reverse(), minutes: best.get(last)! };
}

/**
 * Depth-first search from the start that drops back edges (those to a node still on the DFS
 * path). Returns the reachable nodes in topological order of the remaining edges.
 */
function acyclicOrder(start: Node): { order: Node[]; forwardSuccessors: Map<Node, Node[]> } {
    const forwardSuccessors = new Map<Node, Node[]>();
    const onPath = new Set<Node>();
    const postOrder: Node[] = [];
    const stack: Array<{ node: Node; next: Node[]; index: number }> = [];
    const enter = (node: Node) => {
        onPath.add(node);
        forwardSuccessors.set(node, []);
        stack.push({ node, next: successors(node), index: 0 });
    };
    enter(start);
    while (stack.length > 0) {
        const frame = stack[stack.length - 1];
        if (frame.index < frame.next.length) {
            const child = frame.next[frame.index++];
            if (onPath.has(child)) {
                continue; // closes a cycle: a rework loop
            }
            forwardSuccessors.get(frame.node)!.push(child);
            if (!forwardSuccessors.has(child)) {
                enter(child);
            }
        } else {
            stack.pop();
            onPath.delete(frame.node);
            postOrder.push(frame.node);
        }
    }
    return { order: postOrder.reverse(), forwardSuccessors };
}
