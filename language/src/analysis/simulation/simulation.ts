/**
 * Simulation of a workflow (LANGUAGE.md, "Simulation"): many seeded runs, summarized as the
 * figures the command line, the hover, the code lens, the preview and `sla-at-risk` show.
 *
 * - Times are calendar minutes (`1d` is 24h). Percentiles are nearest-rank over the runs that
 *   finished; the mean too. `overSla` is the share of all runs that finished after the SLA or did
 *   not finish at all (a case that never ends misses any SLA).
 * - Criticality of a node: the share of finished runs in which it lies on the longest path.
 * - Hand-offs: the mean number of hand-offs taken per finished run.
 * - Runs are made in chunks (`SimulationRun.advance`), so that a caller can yield between them
 *   and stop when the result is no longer wanted.
 */
import type { Workflow } from '../../generated/ast.js';
import type { CompiledWorkflow } from './compiled-workflow.js';
import { compileWorkflow } from './compiled-workflow.js';
import { SimulationEngine } from './engine.js';
import { Random } from './random.js';

export const DEFAULT_RUNS = 10_000;
export const DEFAULT_SEED = 1;

export interface HistogramBin {
    /** Minutes, inclusive. */
    readonly from: number;
    /** Minutes, exclusive (the last bin includes it). */
    readonly to: number;
    readonly runs: number;
}

export interface SimulationReport {
    readonly workflow: string;
    readonly runs: number;
    readonly seed: number;
    /** Cycle-time percentiles and mean, in minutes; `null` when no run finished. */
    readonly p50: number | null;
    readonly p80: number | null;
    readonly p95: number | null;
    readonly mean: number | null;
    /** The SLA in minutes, `null` without one. */
    readonly sla: number | null;
    /** Share of runs over the SLA (0..1), `null` without one. */
    readonly overSla: number | null;
    /** Share of runs cut at the visit limit (0..1). */
    readonly didNotFinish: number;
    /** Mean hand-offs per finished run. */
    readonly handoffs: number;
    /** Node name → share of finished runs in which it lies on the longest path (0..1). */
    readonly criticality: Record<string, number>;
    readonly histogram: HistogramBin[];
}

/** A simulation in progress: `advance` makes more runs, `report` summarizes the ones made. */
export class SimulationRun {
    private readonly engine: SimulationEngine;
    private readonly times: Float64Array;
    private finished = 0;
    private made = 0;
    private handoffs = 0;
    private readonly critical: Int32Array;
    private readonly stamp: Int32Array;

    constructor(
        readonly workflow: CompiledWorkflow,
        readonly runs: number,
        readonly seed: number,
    ) {
        this.engine = new SimulationEngine(new Random(seed));
        this.times = new Float64Array(runs);
        this.critical = new Int32Array(workflow.names.length);
        this.stamp = new Int32Array(workflow.names.length).fill(-1);
    }

    get done(): boolean {
        return this.made >= this.runs;
    }

    /** Makes up to `count` more runs; returns whether all are made. */
    advance(count: number): boolean {
        const until = Math.min(this.runs, this.made + count);
        const { node, parent } = this.engine.visits(this.workflow);
        for (; this.made < until; this.made++) {
            const result = this.engine.run(this.workflow);
            if (result.time < 0) continue;
            this.times[this.finished++] = result.time;
            this.handoffs += result.handoffs;
            for (let visit = result.last; visit >= 0; visit = parent[visit]) {
                const at = node[visit];
                if (this.stamp[at] !== this.made) {
                    this.stamp[at] = this.made;
                    this.critical[at]++;
                }
            }
        }
        return this.done;
    }

    /** The cycle times of the finished runs, shortest first, in minutes (unrounded). */
    sortedTimes(): Float64Array {
        return this.times.subarray(0, this.finished).slice().sort();
    }

    report(): SimulationReport {
        const times = this.sortedTimes();
        const runs = this.made;
        const finished = this.finished;
        const sla = this.workflow.slaMinutes > 0 ? this.workflow.slaMinutes : null;
        let over = runs - finished;
        let sum = 0;
        for (let i = 0; i < finished; i++) {
            sum += times[i];
            if (sla !== null && times[i] > sla) over++;
        }
        const percentile = (q: number) => (finished > 0 ? Math.round(times[Math.max(0, Math.ceil(q * finished) - 1)]) : null);
        const criticality: Record<string, number> = {};
        this.workflow.names.forEach((name, i) => {
            criticality[name] = finished > 0 ? share(this.critical[i], finished) : 0;
        });
        return {
            workflow: this.workflow.name,
            runs,
            seed: this.seed,
            p50: percentile(0.5),
            p80: percentile(0.8),
            p95: percentile(0.95),
            mean: finished > 0 ? Math.round(sum / finished) : null,
            sla,
            overSla: sla !== null && runs > 0 ? share(over, runs) : null,
            didNotFinish: runs > 0 ? share(runs - finished, runs) : 0,
            handoffs: finished > 0 ? Math.round((this.handoffs / finished) * 100) / 100 : 0,
            criticality,
            histogram: histogram(times),
        };
    }
}

/** Runs a compiled workflow to the end. */
export function simulateCompiled(workflow: CompiledWorkflow, runs = DEFAULT_RUNS, seed = DEFAULT_SEED): SimulationReport {
    const run = new SimulationRun(workflow, runs, seed);
    run.advance(runs);
    return run.report();
}

/** Compiles and simulates a workflow of the AST (with every workflow it calls). */
export function simulateWorkflow(workflow: Workflow, runs = DEFAULT_RUNS, seed = DEFAULT_SEED): SimulationReport {
    return simulateCompiled(compileWorkflow(workflow), runs, seed);
}

/** A share rounded to four decimals, so that reports print and compare cleanly. */
function share(count: number, total: number): number {
    return Math.round((count / total) * 10000) / 10000;
}

/** Bin widths that read well as durations: minutes up to weeks. */
const NICE_WIDTHS = [1, 2, 5, 10, 15, 30, 60, 120, 180, 240, 360, 480, 720, 1440, 2880, 4320, 10080, 20160, 40320, 100800];
const MAX_BINS = 20;

/** At most 20 bins of a width that reads well, from the shortest time to the longest. */
export function histogram(sorted: Float64Array): HistogramBin[] {
    if (sorted.length === 0) return [];
    const min = sorted[0];
    const max = sorted[sorted.length - 1];
    const needed = (max - min) / MAX_BINS;
    const width = NICE_WIDTHS.find(w => w >= needed) ?? Math.ceil(needed / 100800) * 100800;
    const from = Math.floor(min / width) * width;
    const count = Math.max(1, Math.min(MAX_BINS + 1, Math.floor((max - from) / width) + 1));
    const bins = Array.from({ length: count }, (_, i) => ({ from: from + i * width, to: from + (i + 1) * width, runs: 0 }));
    for (let i = 0; i < sorted.length; i++) bins[Math.min(count - 1, Math.floor((sorted[i] - from) / width))].runs++;
    // A last bin that would start exactly at the longest time folds into the one before it.
    if (count > 1 && bins[count - 1].from >= max && bins[count - 1].runs > 0 && max === bins[count - 1].from) {
        bins[count - 2].runs += bins[count - 1].runs;
        bins.pop();
    }
    return bins;
}
