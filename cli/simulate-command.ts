/**
 * `workflow-architect simulate FILE [--workflow NAME] [--runs N] [--seed S] [--format md|json]`:
 * runs the simulation of one workflow (default 10,000 runs, seed 1) and prints the percentiles,
 * the share over the SLA, the criticality of each node and a histogram. JSON times are minutes,
 * shares 0..1. The file is loaded with the workspace of its folder, so that `calls` into a
 * workflow of another file are simulated too.
 */
import { simulateWorkflow } from '../language/src/analysis/simulation/simulation.js';
import { markdownReport } from '../language/src/analysis/simulation/simulation-text.js';
import type { CommandOptions } from './commands.js';
import { loadFileWorkflow } from './load-workspace.js';
import { UsageError } from './input-files.js';

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
    const { workflow } = await loadFileWorkflow(args.file, args.workflow, note);
    const report = simulateWorkflow(workflow, args.runs, args.seed);
    write(args.format === 'json' ? JSON.stringify(report, undefined, 2) + '\n' : markdownReport(report));
    return 0;
}
