/**
 * The simulation figures the editor shows (`sla-at-risk`, the code lens, the hover, the preview),
 * computed once per time-relevant structure of a workflow and kept.
 *
 * The key is the compiled workflow's `key`: nodes, estimates, transitions, rework loops, joins,
 * likelihoods, hand-offs, calls and SLA, with those of the workflows it calls. An edit that
 * changes none of them (a title, a comment, a rename that keeps the hand-offs) finds the figures
 * in the cache; one that changes them simulates again, in chunks that yield to the event loop,
 * so that a newer edit cancels the run in progress instead of waiting for it.
 *
 * Every surface uses the command line's defaults (10,000 runs, seed 1), so they agree with
 * `workflow-architect simulate`; only a workflow of more than 200 nodes gets fewer runs in the
 * editor (two million node visits' worth, at least 1,000), and its figures say how many.
 */
import type { Cancellation } from 'langium';
import { interruptAndCheck } from 'langium';
import type { Workflow } from '../../generated/ast.js';
import type { CompiledWorkflow } from './compiled-workflow.js';
import { compileWorkflow } from './compiled-workflow.js';
import type { SimulationReport } from './simulation.js';
import { DEFAULT_RUNS, DEFAULT_SEED, SimulationRun } from './simulation.js';

const CACHE_SIZE = 200;
const RUNS_PER_CHUNK = 1000;
const NODE_VISIT_BUDGET = 2_000_000;

const cache = new Map<string, SimulationReport>();

/** The runs the editor makes for a workflow: the default, fewer for a very large one. */
export function editorRuns(workflow: CompiledWorkflow): number {
    const nodes = Math.max(1, workflow.names.length);
    if (nodes * DEFAULT_RUNS <= NODE_VISIT_BUDGET) return DEFAULT_RUNS;
    return Math.max(1000, Math.floor(NODE_VISIT_BUDGET / nodes / 1000) * 1000);
}

function remember(key: string, report: SimulationReport): SimulationReport {
    cache.delete(key);
    cache.set(key, report);
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
    return report;
}

/** The figures of a workflow, simulating in chunks when they are not known; cancellable between chunks. */
export async function editorSimulation(
    workflow: Workflow | CompiledWorkflow,
    cancelToken?: Cancellation.CancellationToken,
): Promise<SimulationReport> {
    const compiled = 'key' in workflow ? workflow : compileWorkflow(workflow);
    const known = cache.get(compiled.key);
    if (known) return remember(compiled.key, known);
    const run = new SimulationRun(compiled, editorRuns(compiled), DEFAULT_SEED);
    while (!run.advance(RUNS_PER_CHUNK)) {
        if (cancelToken) await interruptAndCheck(cancelToken);
    }
    return remember(compiled.key, run.report());
}

/** The figures of a workflow when they are already known, else `undefined`. */
export function knownSimulation(workflow: Workflow | CompiledWorkflow): SimulationReport | undefined {
    const compiled = 'key' in workflow ? workflow : compileWorkflow(workflow);
    return cache.get(compiled.key);
}
