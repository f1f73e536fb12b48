/**
 * Adds the simulated figures to the preview's graph: percentiles for its header and criticality
 * for shading, from the same cache as `sla-at-risk`, the hover and the code lens, so they agree
 * and a workflow already simulated while validating costs nothing here.
 */
import type { Cancellation, LangiumDocument } from 'langium';
import { compileWorkflow } from '../language/src/analysis/simulation/compiled-workflow.js';
import { editorSimulation } from '../language/src/analysis/simulation/simulation-cache.js';
import { workflowsOf } from '../language/src/workspace/workspace-queries.js';
import type { GraphResult } from '../protocol/lsp-methods.js';

/** The result with `simulation` set when the drawn workflow has ranges or likelihoods. */
export async function withSimulation(
    document: LangiumDocument,
    result: GraphResult,
    cancelToken?: Cancellation.CancellationToken,
): Promise<GraphResult> {
    const workflow = result.graph && workflowsOf(document).find(candidate => candidate.name === result.graph!.workflow);
    if (!workflow) return result;
    const compiled = compileWorkflow(workflow);
    if (!compiled.uncertain) return result;
    const report = await editorSimulation(compiled, cancelToken);
    const { runs, seed, p50, p80, p95, sla, overSla, criticality } = report;
    return { ...result, simulation: { runs, seed, p50, p80, p95, sla, overSla, criticality } };
}
