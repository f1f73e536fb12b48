/**
 * Whether a workflow may be uncertain, read straight from the tree: a step or decision with more
 * than one estimate point, or a decision with a likelihood, here or in a workflow it calls,
 * directly or not. It never says "no" where `compileWorkflow` would say `uncertain` (it looks at
 * more nodes than the compiled model keeps, e.g. both of two nodes with one name), so validation
 * compiles the simulation model only for a workflow where this says "yes", and most workflows
 * (fixed durations, no likelihoods) are checked without building one.
 */
import type { Workflow } from '../../generated/ast.js';

export function mayBeUncertain(workflow: Workflow, seen: Set<Workflow> = new Set()): boolean {
    if (seen.has(workflow)) return false;
    seen.add(workflow);
    for (const node of workflow.nodes) {
        if (node.$type === 'End') continue;
        if (node.durations[0] && node.durations[0].further.length > 0) return true;
        if (node.$type === 'Decision' && node.branches.some(branch => branch.likelihood !== undefined)) return true;
    }
    for (const node of workflow.nodes) {
        if (node.$type === 'End') continue;
        const called = node.calls[0]?.workflow?.ref;
        if (called && mayBeUncertain(called, seen)) return true;
    }
    return false;
}
