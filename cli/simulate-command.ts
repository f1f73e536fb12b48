/**
 * `workflow-architect simulate FILE [--workflow NAME] [--runs N] [--seed S] [--format md|json]`:
 * runs the simulation of one workflow (default 10,000 runs, seed 1) and prints the percentiles,
 * the share over the SLA, the criticality of each node and a histogram. JSON times are minutes,
 * shares 0..1. The file is loaded with the workspace of its folder, so that `calls` into a
 * workflow of another file are simulated too.
 */
import { pathToFileURL } from 'node:url';
import { simulateWorkflow } from '../language/src/analysis/simulation/simulation.js';
import { markdownReport } from '../language/src/analysis/simulation/simulation-text.js';
import { workflowsOf } from '../language/src/workspace/workspace-queries.js';
import { buildWorkspace } from '../language/src/workspace/workflow-workspace.js';
import type { CommandOptions } from './commands.js';
import { printable, readFileWorkspace, UsageError } from './input-files.js';

/** More runs than this take minutes and say nothing new. */
export const MAX_RUNS = 1_000_000;

export interface SimulateArgs extends CommandOptions<'simulate'> {
    readonly file: string;
}

export async function simulateCommand(
    args: SimulateArgs,
    write: (text: string) => void,
    note: (line: string) => void = () => {},
): Promise<number> {
    if (args.runs < 1 || args.runs > MAX_RUNS) {
        throw new UsageError(`simulate: option '--runs' takes 1 to ${MAX_RUNS.toLocaleString('en')}, not ${args.runs}`);
    }
    if (args.seed > 0xffffffff) throw new UsageError(`simulate: option '--seed' takes 0 to 4294967295, not ${args.seed}`);
    const { target, others, skipped } = readFileWorkspace(args.file);
    for (const problem of skipped) note(`skipped ${problem}`);
    const { documents } = await buildWorkspace(
        [target, ...others].map(file => ({ uri: pathToFileURL(file.absolutePath).toString(), text: file.text })),
    );
    const workflows = workflowsOf(documents[0]);
    if (workflows.length === 0) throw new UsageError(`${printable(args.file)}: no workflow in this file`);
    const workflow = args.workflow === undefined ? workflows[0] : workflows.find(w => w.name === args.workflow);
    if (!workflow) {
        throw new UsageError(
            `${printable(args.file)}: no workflow named '${args.workflow}' (this file has ${workflows.map(w => w.name).join(', ')})`,
        );
    }
    const report = simulateWorkflow(workflow, args.runs, args.seed);
    write(args.format === 'json' ? JSON.stringify(report, undefined, 2) + '\n' : markdownReport(report));
    return 0;
}
