/**
 * Whether a workflow may be uncertain, read straight from the tree: a step or decision with more
 * than one estimate point, or a decision with a likelihood, here or in a workflow it calls,
 * directly or not. It never says "no" where `compileWorkflow` would say `uncertain` (it looks at
 * more nodes than the compiled model keeps, e.g. both of two nodes with one name), so validation
 * compiles the simulation model only for a workflow where this says "yes", and most workflows
 * (fixed durations, no likelihoods) are checked without building one.
 */
import type { Workflow } from '../../generated/ast.js';

/** What one workflow's own nodes say: whether they hold a range or a likelihood, and the workflows they call. */
export interface UncertaintyScan {
    readonly own: boolean;
    readonly called: readonly Workflow[];
}

export function scanUncertainty(workflow: Workflow): UncertaintyScan {
    let own = false;
    const called: Workflow[] = [];
    for (const node of workflow.nodes) {
        if (node.$type === 'End') continue;
        if (node.durations[0] && node.durations[0].further.length > 0) own = true;
        if (node.$type === 'Decision' && node.branches.some(branch => branch.likelihood !== undefined)) own = true;
        const target = node.calls[0]?.workflow?.ref;
        if (target) called.push(target);
    }
    return { own, called };
}

/** `scan` gives a workflow's own scan (the flow memo keeps them while the flow stays the same). */
export function mayBeUncertain(
    workflow: Workflow,
    scan: (workflow: Workflow) => UncertaintyScan = scanUncertainty,
    seen: Set<Workflow> = new Set(),
): boolean {
    if (seen.has(workflow)) return false;
    seen.add(workflow);
    const { own, called } = scan(workflow);
    return own || called.some(target => mayBeUncertain(target, scan, seen));
}
