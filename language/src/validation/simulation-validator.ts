/**
 * `sla-at-risk`: the critical path fits the SLA, but simulation puts the 80th percentile of the
 * cycle time over it. Only for a workflow with an `sla` and some uncertainty (a range, or a
 * likelihood, in it or in a workflow it calls): without either, simulation only repeats the
 * critical path. Skipped while the file does not parse, since its figures would be of a
 * half-typed flow.
 *
 * The check is asynchronous: the figures come from the editor's simulation cache, and a run
 * that is needed yields between chunks, so that a newer edit cancels it (see
 * `analysis/simulation/simulation-cache.ts`).
 */
import type { Cancellation, ValidationAcceptor } from 'langium';
import { AstUtils } from 'langium';
import type { Workflow } from '../generated/ast.js';
import { memoCompileWorkflow, memoCriticalPath, memoUncertaintyScan } from '../analysis/flow-memo.js';
import { editorSimulation } from '../analysis/simulation/simulation-cache.js';
import { mayBeUncertain } from '../analysis/simulation/uncertainty.js';
import { formatShare } from '../analysis/simulation/simulation-text.js';
import { formatDuration, parseDuration } from '../model/duration.js';
import { IssueCodes } from './issue-codes.js';

export class SimulationValidator {
    async checkSlaAtRisk(workflow: Workflow, accept: ValidationAcceptor, cancelToken?: Cancellation.CancellationToken): Promise<void> {
        const sla = workflow.slas[0];
        const budget = parseDuration(sla?.duration);
        if (!sla || !budget) return;
        const parsed = AstUtils.getDocument(workflow).parseResult;
        if (parsed.lexerErrors.length > 0 || parsed.parserErrors.length > 0) return;
        const path = memoCriticalPath(workflow);
        if (!path || path.minutes > budget) return; // `sla-exceeded` says it already
        // A scan of the estimates and likelihoods rules most workflows out before any model is compiled.
        if (!mayBeUncertain(workflow, memoUncertaintyScan)) return;
        const compiled = memoCompileWorkflow(workflow);
        if (!compiled.uncertain) return;
        const report = await editorSimulation(compiled, cancelToken);
        if (report.p80 === null || report.p80 <= budget) return;
        const over = report.overSla ?? 0;
        accept(
            'warning',
            `Simulation puts P80 at ${formatDuration(report.p80)}, over the SLA of ${formatDuration(budget)}: ` +
                `${formatShare(over)} of runs take longer (critical path ${formatDuration(path.minutes)}; ` +
                `${report.runs.toLocaleString('en')} runs, seed ${report.seed}).`,
            { node: sla, code: IssueCodes.SlaAtRisk },
        );
    }
}
