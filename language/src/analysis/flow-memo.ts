/**
 * The flow analyses that validation runs on every workflow after every keystroke, kept while the
 * workflow's flow stays the same (`flowVersion` in `langium-patches/node-replacement.ts`): typing
 * in a title, a comment or the layout of a 20,000-step workflow does not compute its critical
 * path, reachability, uncertainty scan, namesakes and simulation model again (a node's name is
 * part of its flow). A node replaced by a keystroke keeps its index,
 * so results that name nodes are read back through the workflow's current nodes.
 */
import type { Node, Workflow } from '../generated/ast.js';
import { flowVersion, isAnchored } from '../langium-patches/node-replacement.js';
import type { CriticalPath } from './flow-analysis.js';
import { criticalPath, reachableNodes } from './flow-analysis.js';
import type { CompiledWorkflow } from './simulation/compiled-workflow.js';
import { compileWorkflow } from './simulation/compiled-workflow.js';
import type { UncertaintyScan } from './simulation/uncertainty.js';
import { scanUncertainty } from './simulation/uncertainty.js';
import { namesakeIndices } from '../model/workflow-model.js';

interface Memo {
    readonly version: number;
    critical?: { readonly value: CriticalPath | undefined };
    /** Indices of the reached nodes. */
    reached?: number[];
    compiled?: CompiledWorkflow;
    uncertainty?: UncertaintyScan;
    /** Indices of the nodes whose name another node of the workflow has too. */
    namesakes?: number[];
}

/** The last few, newest first: a flow that comes back after a typo (to the anchored version) finds its analyses. */
const memos = new WeakMap<Workflow, Memo[]>();
const KEPT = 3;

function memoOf(workflow: Workflow): Memo | undefined {
    const version = flowVersion(workflow);
    if (version === 0) return undefined; // never linked: nothing to key on
    let kept = memos.get(workflow);
    if (!kept) memos.set(workflow, (kept = []));
    const at = kept.findIndex(memo => memo.version === version);
    const memo = at >= 0 ? kept.splice(at, 1)[0] : { version };
    kept.unshift(memo);
    if (kept.length > KEPT) {
        // The oldest, unless a typo deleted again would bring it back.
        let evicted = kept.length - 1;
        if (isAnchored(workflow, kept[evicted].version)) evicted--;
        kept.splice(evicted, 1);
    }
    return memo;
}

const current = (workflow: Workflow, node: Node): Node => workflow.nodes[node.$containerIndex!] ?? node;

export function memoCriticalPath(workflow: Workflow): CriticalPath | undefined {
    const memo = memoOf(workflow);
    if (!memo) return criticalPath(workflow);
    memo.critical ??= { value: criticalPath(workflow) };
    const value = memo.critical.value;
    return value && { minutes: value.minutes, nodes: value.nodes.map(node => current(workflow, node)) };
}

export function memoReachableNodes(workflow: Workflow): Set<Node> {
    const memo = memoOf(workflow);
    if (!memo) return reachableNodes(workflow);
    memo.reached ??= [...reachableNodes(workflow)].map(node => node.$containerIndex!);
    return new Set(memo.reached.map(index => workflow.nodes[index]));
}

/** The compiled model; treat as read-only (it is shared). */
export function memoCompileWorkflow(workflow: Workflow): CompiledWorkflow {
    const memo = memoOf(workflow);
    if (!memo) return compileWorkflow(workflow);
    return (memo.compiled ??= compileWorkflow(workflow));
}

/** The workflow's own ranges and likelihoods, and the workflows it calls (`mayBeUncertain`'s scan). */
export function memoUncertaintyScan(workflow: Workflow): UncertaintyScan {
    const memo = memoOf(workflow);
    if (!memo) return scanUncertainty(workflow);
    return (memo.uncertainty ??= scanUncertainty(workflow));
}

/** The nodes that share their name with another node of the workflow, in the workflow's order. */
export function memoNamesakeNodes(workflow: Workflow): Node[] {
    const memo = memoOf(workflow);
    const indices = memo ? (memo.namesakes ??= namesakeIndices(workflow.nodes)) : namesakeIndices(workflow.nodes);
    return indices.map(index => workflow.nodes[index]);
}
