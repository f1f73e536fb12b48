/**
 * A workflow compiled for simulation: its nodes and transitions in typed arrays, indexed by
 * number, so that the engine's inner loop touches no AST, map or closure.
 *
 * The flow structure follows the language reference (LANGUAGE.md, "Parallel work and joins"):
 * - rework loops are the transitions that close a cycle in a depth-first walk from the start,
 *   each node's transitions in the order written (the definition of the critical path);
 * - a node is a synchronizing join when it has at least two forward transitions into it and two
 *   branches of one parallel split (`next A, B`) both reach it; it then waits for every arrival
 *   that can still come, that is while work is running, or waiting at another join, at a node
 *   from which it can be reached (through rework loops too: work sent back to fix something is
 *   still on its way). A rework loop into a join starts it at once.
 * - any other node starts once for each arrival (alternatives of a decision, loops); an end is
 *   never a join: the first branch to reach it finishes the case.
 */
import type { Node, Workflow } from '../../generated/ast.js';
import { isDecision, isEnd, isStep } from '../../generated/ast.js';
import { parseDuration } from '../../model/duration.js';
import { readEstimate } from '../../model/estimate.js';
import { branchChances } from '../../model/likelihood.js';
import { handoffTeams, nodesByName, outgoingTransitions, startNode } from '../../model/workflow-model.js';
import type { Branch, Transition } from '../../generated/ast.js';
import { gammaConstants } from './random.js';

/** Node kinds in `CompiledWorkflow.kind`. */
export const WORK = 0;
export const DECISION = 1;
export const END = 2;

/** Estimate kinds in `CompiledWorkflow.estimateKind`. */
export const FIXED = 0;
export const UNIFORM = 1;
export const PERT = 2;

export interface CompiledWorkflow {
    readonly name: string;
    /** Node names, by index. */
    readonly names: string[];
    readonly start: number;
    readonly kind: Uint8Array;
    readonly estimateKind: Uint8Array;
    /** Fixed: minutes; uniform: from; PERT: optimistic. */
    readonly low: Float64Array;
    /** Uniform: to − from; PERT: pessimistic − optimistic. */
    readonly span: Float64Array;
    /** Gamma constants of the two draws whose ratio is PERT's Beta (α, β). */
    readonly alphaD: Float64Array;
    readonly alphaC: Float64Array;
    readonly betaD: Float64Array;
    readonly betaC: Float64Array;
    /** The workflow a node `calls`, as an index into `callees`, or −1. */
    readonly callee: Int32Array;
    callees: CompiledWorkflow[];
    /** Outgoing transitions of node i: `outStart[i]` to `outStart[i + 1]` (exclusive). */
    readonly outStart: Int32Array;
    readonly outTarget: Int32Array;
    /** 1 for a rework loop. */
    readonly outBack: Uint8Array;
    readonly outHandoff: Uint8Array;
    /** For a decision's branches: the cumulative chance up to and including this branch (the last is 1). */
    readonly outCumulative: Float64Array;
    /** Index among the joins, or −1 for a node that is not a join. */
    readonly joinIndex: Int32Array;
    readonly joinCount: number;
    /** Per join, a bitset over nodes (`words` 32-bit words each): the nodes it can be reached from, by any transitions. */
    readonly ancestors: Uint32Array;
    readonly words: number;
    /** The SLA in minutes, or 0 without one. */
    readonly slaMinutes: number;
    /** Whether a step has a range or a decision has likelihoods (here or in a called workflow). */
    uncertain: boolean;
    /** Everything that changes the figures, as text: equal keys give equal simulations. */
    key: string;
}

/**
 * Compiles a workflow and every workflow it calls, directly or not. A workflow that calls itself
 * is compiled once; the engine counts a call that would recurse as taking no time.
 */
export function compileWorkflow(workflow: Workflow): CompiledWorkflow {
    const compiled = new Map<Workflow, CompiledWorkflow>();
    const result = compileOne(workflow, compiled);
    // Keys and uncertainty include the callees', in a fixed order; cycles are cut by name.
    const finish = (target: CompiledWorkflow, seen: Set<CompiledWorkflow>): { key: string; uncertain: boolean } => {
        if (seen.has(target)) return { key: `↻${target.name}`, uncertain: false };
        seen.add(target);
        let key = target.key;
        let uncertain = target.uncertain;
        for (const callee of target.callees) {
            const inner = finish(callee, seen);
            key += `|${inner.key}`;
            uncertain ||= inner.uncertain;
        }
        seen.delete(target);
        return { key, uncertain };
    };
    const whole = finish(result, new Set());
    result.key = whole.key;
    result.uncertain = whole.uncertain;
    return result;
}

function compileOne(workflow: Workflow, done: Map<Workflow, CompiledWorkflow>): CompiledWorkflow {
    const nodes = [...nodesByName(workflow).values()];
    const index = new Map<Node, number>(nodes.map((node, i) => [node, i]));
    const n = nodes.length;
    const kind = new Uint8Array(n);
    const estimateKind = new Uint8Array(n);
    const low = new Float64Array(n);
    const span = new Float64Array(n);
    const alphaD = new Float64Array(n);
    const alphaC = new Float64Array(n);
    const betaD = new Float64Array(n);
    const betaC = new Float64Array(n);
    const callee = new Int32Array(n).fill(-1);
    let uncertain = false;
    const keyParts: string[] = [];

    const edges: Array<{ from: number; to: number; handoff: boolean; chance: number }> = [];
    nodes.forEach((node, i) => {
        kind[i] = isEnd(node) ? END : isDecision(node) ? DECISION : WORK;
        const estimate = isEnd(node) ? undefined : readEstimate(node.durations[0]);
        if (estimate?.kind === 'uniform') {
            estimateKind[i] = UNIFORM;
            low[i] = estimate.low;
            span[i] = estimate.high - estimate.low;
            uncertain = true;
        } else if (estimate?.kind === 'pert') {
            estimateKind[i] = PERT;
            low[i] = estimate.low;
            span[i] = estimate.high - estimate.low;
            // Beta-PERT: α = 1 + 4 (m − a) / (b − a), β = 1 + 4 (b − m) / (b − a); both at least 1.
            const alpha = gammaConstants(1 + (4 * (estimate.mode - estimate.low)) / span[i]);
            const beta = gammaConstants(1 + (4 * (estimate.high - estimate.mode)) / span[i]);
            alphaD[i] = alpha.d;
            alphaC[i] = alpha.c;
            betaD[i] = beta.d;
            betaC[i] = beta.c;
            uncertain = true;
        } else if (estimate?.kind === 'fixed') {
            low[i] = estimate.minutes;
        }
        const transitions = usableTransitions(node, index);
        const chances = isDecision(node) ? branchChances(transitions.map(t => t.$container as Branch)) : [];
        if (isDecision(node) && node.branches.some(branch => branch.likelihood !== undefined)) uncertain = true;
        transitions.forEach((transition, t) => {
            edges.push({ from: i, to: index.get(transition.target!.ref!)!, handoff: !!handoffTeams(transition), chance: chances[t] ?? 0 });
        });
        keyParts.push(`${kind[i]}:${estimateKind[i]}:${low[i]}:${span[i]}:${alphaD[i]}:${betaD[i]}`);
    });

    // Edges grouped by source, in the order written.
    const outStart = new Int32Array(n + 1);
    for (const edge of edges) outStart[edge.from + 1]++;
    for (let i = 0; i < n; i++) outStart[i + 1] += outStart[i];
    const outTarget = new Int32Array(edges.length);
    const outHandoff = new Uint8Array(edges.length);
    const outCumulative = new Float64Array(edges.length);
    const fill = outStart.slice(0, n);
    for (const edge of edges) {
        const e = fill[edge.from]++;
        outTarget[e] = edge.to;
        outHandoff[e] = edge.handoff ? 1 : 0;
        outCumulative[e] = edge.chance;
    }
    for (let i = 0; i < n; i++) {
        let sum = 0;
        for (let e = outStart[i]; e < outStart[i + 1]; e++) outCumulative[e] = sum += outCumulative[e];
        if (outStart[i + 1] > outStart[i]) outCumulative[outStart[i + 1] - 1] = 1;
    }
    const start = startNode(workflow);
    const startIndex = start ? (index.get(start) ?? -1) : -1;
    const outBack = backEdges(n, startIndex, outStart, outTarget);
    const { joinIndex, joinCount, ancestors, words } = joins(n, nodes, outStart, outTarget, outBack);

    for (let e = 0; e < outTarget.length; e++) keyParts.push(`${outTarget[e]}:${outBack[e]}:${outHandoff[e]}:${outCumulative[e]}`);
    const compiled: CompiledWorkflow = {
        name: workflow.name,
        names: nodes.map(node => node.name),
        start: startIndex,
        kind,
        estimateKind,
        low,
        span,
        alphaD,
        alphaC,
        betaD,
        betaC,
        callee,
        callees: [],
        outStart,
        outTarget,
        outBack,
        outHandoff,
        outCumulative,
        joinIndex,
        joinCount,
        ancestors,
        words,
        slaMinutes: parseDuration(workflow.slas[0]?.duration) ?? 0,
        uncertain,
        key: '',
    };
    done.set(workflow, compiled);
    nodes.forEach((node, i) => {
        const called = isStep(node) || isDecision(node) ? node.calls[0]?.workflow?.ref : undefined;
        if (!called) return;
        const target = done.get(called) ?? compileOne(called, done);
        let at = compiled.callees.indexOf(target);
        if (at < 0) at = compiled.callees.push(target) - 1;
        callee[i] = at;
        keyParts.push(`c${i}:${called.name}`);
    });
    compiled.key = `${workflow.name}#${compiled.slaMinutes}#${startIndex}#${keyParts.join(',')}`;
    return compiled;
}

/** The transitions of a node that lead to a node of the same workflow that the simulation knows. */
function usableTransitions(node: Node, index: Map<Node, number>): Transition[] {
    return outgoingTransitions(node).filter(transition => {
        const target = transition.target?.ref;
        return target !== undefined && target.$container === node.$container && index.has(target);
    });
}

/** Rework loops: transitions to a node still on the depth-first path from the start. */
function backEdges(n: number, start: number, outStart: Int32Array, outTarget: Int32Array): Uint8Array {
    const back = new Uint8Array(outTarget.length);
    if (start < 0) return back;
    const state = new Uint8Array(n); // 0 unseen, 1 on the path, 2 done
    const nodeStack = new Int32Array(n);
    const edgeStack = new Int32Array(n);
    let depth: number;
    nodeStack[0] = start;
    edgeStack[0] = outStart[start];
    state[start] = 1;
    depth = 1;
    while (depth > 0) {
        const node = nodeStack[depth - 1];
        const e = edgeStack[depth - 1];
        if (e >= outStart[node + 1]) {
            state[node] = 2;
            depth--;
            continue;
        }
        edgeStack[depth - 1] = e + 1;
        const target = outTarget[e];
        if (state[target] === 1) back[e] = 1;
        else if (state[target] === 0) {
            state[target] = 1;
            nodeStack[depth] = target;
            edgeStack[depth] = outStart[target];
            depth++;
        }
    }
    return back;
}

/** The synchronizing joins and, for each, the nodes from which it can be reached. */
function joins(
    n: number,
    nodes: Node[],
    outStart: Int32Array,
    outTarget: Int32Array,
    outBack: Uint8Array,
): { joinIndex: Int32Array; joinCount: number; ancestors: Uint32Array; words: number } {
    const forwardIn = new Int32Array(n);
    for (let e = 0; e < outTarget.length; e++) if (!outBack[e]) forwardIn[outTarget[e]]++;
    const words = (n + 31) >>> 5;
    const reach = (from: number): Uint8Array => {
        const seen = new Uint8Array(n);
        const stack = [from];
        seen[from] = 1;
        while (stack.length > 0) {
            const node = stack.pop()!;
            for (let e = outStart[node]; e < outStart[node + 1]; e++) {
                if (outBack[e] || seen[outTarget[e]]) continue;
                seen[outTarget[e]] = 1;
                stack.push(outTarget[e]);
            }
        }
        return seen;
    };
    // A node reached by two branches of one split (and entered by two forward transitions) is a join.
    const isJoin = new Uint8Array(n);
    for (let split = 0; split < n; split++) {
        if (!isStep(nodes[split]) || outStart[split + 1] - outStart[split] < 2) continue;
        const reachedBy = new Uint8Array(n);
        for (let e = outStart[split]; e < outStart[split + 1]; e++) {
            if (outBack[e]) continue;
            const seen = reach(outTarget[e]);
            for (let node = 0; node < n; node++) {
                if (!seen[node]) continue;
                // An end is never a join: the first branch to reach it finishes the case.
                if (reachedBy[node] && forwardIn[node] >= 2 && !isEnd(nodes[node])) isJoin[node] = 1;
                reachedBy[node] = 1;
            }
        }
    }
    const joinIndex = new Int32Array(n).fill(-1);
    let joinCount = 0;
    for (let node = 0; node < n; node++) if (isJoin[node]) joinIndex[node] = joinCount++;
    // Ancestors by a walk backwards over every transition, rework loops included.
    const inStart = new Int32Array(n + 1);
    for (let e = 0; e < outTarget.length; e++) inStart[outTarget[e] + 1]++;
    for (let i = 0; i < n; i++) inStart[i + 1] += inStart[i];
    const inSource = new Int32Array(inStart[n]);
    const fill = inStart.slice(0, n);
    for (let node = 0; node < n; node++) {
        for (let e = outStart[node]; e < outStart[node + 1]; e++) inSource[fill[outTarget[e]]++] = node;
    }
    const ancestors = new Uint32Array(joinCount * words);
    for (let node = 0; node < n; node++) {
        const j = joinIndex[node];
        if (j < 0) continue;
        const base = j * words;
        const stack = [node];
        while (stack.length > 0) {
            const at = stack.pop()!;
            for (let k = inStart[at]; k < inStart[at + 1]; k++) {
                const source = inSource[k];
                const bit = 1 << (source & 31);
                if (ancestors[base + (source >>> 5)] & bit) continue;
                ancestors[base + (source >>> 5)] |= bit;
                stack.push(source);
            }
        }
    }
    return { joinIndex, joinCount, ancestors, words };
}
