/**
 * `npm run bench -- simulation`: 10,000 seeded runs of workflows of 10 to 300 nodes, beside the
 * same-run baseline of the deterministic critical path (one longest-path pass over the same
 * workflow). The workflows are the realistic ones of the layout benchmarks (splits, joins,
 * decisions, rework loops, calls) with every fixed duration turned into a range, alternately
 * `a..b` and `a..m..b`, and the 50-node chain of the language benchmark likewise.
 */
import { EmptyFileSystem } from 'langium';
import type { Workflow } from '../language/src/generated/ast.js';
import { isWorkflow } from '../language/src/generated/ast.js';
import { criticalPath } from '../language/src/analysis/flow-analysis.js';
import { compileWorkflow } from '../language/src/analysis/simulation/compiled-workflow.js';
import { simulateCompiled } from '../language/src/analysis/simulation/simulation.js';
import { createWorkflowServices } from '../language/src/workflow-module.js';
import { buildWorkspace } from '../language/src/workspace/workflow-workspace.js';
import { organizationText, workflowText } from './generate.js';
import { median, ms, percentile, printTable, timeRuns } from './measure.js';
import { generateWorkflow } from './realistic-workflows.js';

const RUNS = 10_000;
const REPEATS = 15;

/** `duration 2h` → `duration 1h..2h..5h` or `duration 1h..3h`: the same scale, now uncertain. */
function withRanges(text: string): string {
    let count = 0;
    return text.replace(/duration ([0-9]+)([mhdw])\b/g, (_, digits: string, unit: string) => {
        const value = Number(digits);
        return count++ % 2 === 0
            ? `duration ${value}${unit}..${value * 2}${unit}..${value * 4}${unit}`
            : `duration ${value}${unit}..${value * 3}${unit}`;
    });
}

async function workflowFrom(sources: Array<{ uri: string; text: string }>, name: string): Promise<Workflow> {
    const services = createWorkflowServices(EmptyFileSystem).Workflow;
    const { documents } = await buildWorkspace(sources, services);
    const workflow = documents.flatMap(document => document.parseResult.value.declarations.filter(isWorkflow)).find(w => w.name === name);
    if (!workflow) throw new Error(`no workflow ${name}`);
    return workflow;
}

/**
 * Process CPU time of each run of `task`, in milliseconds: on a machine shared with other work,
 * wall time includes the waits for a core, CPU time only the work done.
 */
function cpuTimes(runs: number, task: () => unknown): number[] {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
        const before = process.cpuUsage();
        task();
        const used = process.cpuUsage(before);
        times.push((used.user + used.system) / 1000);
    }
    return times;
}

export async function simulationBench(): Promise<void> {
    const scenarios: Array<{ label: string; workflow: Workflow }> = [];
    scenarios.push({
        label: 'chain of 50 nodes',
        workflow: await workflowFrom(
            [
                { uri: 'file:///bench/org.workflow', text: organizationText() },
                { uri: 'file:///bench/w.workflow', text: withRanges(workflowText('Chain', 50)) },
            ],
            'Chain',
        ),
    });
    for (const size of [10, 50, 120, 300]) {
        const generated = generateWorkflow(size);
        scenarios.push({
            label: `realistic, ${size} nodes`,
            workflow: await workflowFrom([{ uri: 'file:///bench/g.workflow', text: withRanges(generated.text) }], generated.name),
        });
    }
    const rows: string[][] = [];
    for (const { label, workflow } of scenarios) {
        const compiled = compileWorkflow(workflow);
        simulateCompiled(compiled, 1000, 1); // warm up
        const compile = await timeRuns(REPEATS, () => compileWorkflow(workflow));
        const simulate = await timeRuns(REPEATS, () => simulateCompiled(compiled, RUNS, 1));
        const cpu = cpuTimes(REPEATS, () => simulateCompiled(compiled, RUNS, 1));
        const baseline = await timeRuns(REPEATS * 4, () => criticalPath(workflow));
        const report = simulateCompiled(compiled, RUNS, 1);
        rows.push([
            label,
            ms(median(compile)),
            ms(median(simulate)),
            ms(percentile(simulate, 95)),
            ms(median(cpu)),
            ms(median(baseline)),
            `${Math.round((median(simulate) * 1000) / RUNS)} µs`,
            `${report.didNotFinish > 0 ? `${(report.didNotFinish * 100).toFixed(1)}% dnf` : 'all finish'}`,
        ]);
    }
    printTable(
        `Simulation: ${RUNS.toLocaleString('en')} runs at seed 1, ${REPEATS} repetitions (median, p95), beside one critical-path pass`,
        ['workflow', 'compile', `${RUNS} runs (median)`, '(p95)', 'CPU time (median)', 'critical path (baseline)', 'per run', 'runs'],
        rows,
    );
}
