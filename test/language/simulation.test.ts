/**
 * The simulation against closed forms, at a fixed seed. Each tolerance is a few standard errors
 * of the estimated figure at 10,000 runs (stated beside it), so a wrong distribution, a join that
 * does not wait or a loop that does not repeat fails, while the seed keeps the test stable.
 */
import * as assert from 'node:assert/strict';
import type { Workflow } from '../../language/src/generated/ast.js';
import { isWorkflow } from '../../language/src/generated/ast.js';
import { compileWorkflow } from '../../language/src/analysis/simulation/compiled-workflow.js';
import { Random } from '../../language/src/analysis/simulation/random.js';
import { SimulationRun, simulateWorkflow } from '../../language/src/analysis/simulation/simulation.js';
import { loadText, ORG } from '../helpers.js';

const RUNS = 10_000;

async function workflowOf(body: string, name = 'W'): Promise<Workflow> {
    const { main } = await loadText(`${ORG}\n${body}`);
    const workflow = main.document.parseResult.value.declarations.filter(isWorkflow).find(w => w.name === name);
    assert.ok(workflow, `workflow ${name}`);
    return workflow;
}

function run(workflow: Workflow, seed = 1): SimulationRun {
    const simulation = new SimulationRun(compileWorkflow(workflow), RUNS, seed);
    simulation.advance(RUNS);
    return simulation;
}

function meanAndVariance(times: Float64Array): { mean: number; variance: number } {
    let sum = 0;
    for (const time of times) sum += time;
    const mean = sum / times.length;
    let squares = 0;
    for (const time of times) squares += (time - mean) ** 2;
    return { mean, variance: squares / (times.length - 1) };
}

function near(actual: number | null, expected: number, tolerance: number, what: string): void {
    assert.ok(actual !== null && Math.abs(actual - expected) <= tolerance, `${what}: ${actual}, expected ${expected} ± ${tolerance}`);
}

describe('simulation', () => {
    it('draws uniform ranges: a chain of four has the mean and variance of a sum of uniforms', async () => {
        const workflow = await workflowOf(`workflow W { owner Sales
          step A { owner Sales.Rep; duration 1h..5h; next B }
          step B { owner Sales.Rep; duration 1h..5h; next C }
          step C { owner Sales.Rep; duration 1h..5h; next D }
          step D { owner Sales.Rep; duration 1h..5h; next Done }
          end Done }`);
        const times = run(workflow).sortedTimes();
        assert.equal(times.length, RUNS);
        const { mean, variance } = meanAndVariance(times);
        // Each step is U(60, 300): mean 180, variance 240² / 12 = 4800; four of them 720 and 19,200.
        near(mean, 720, 6, 'mean (standard error 1.4)'); // 4 SE
        near(variance, 19_200, 1_100, 'variance (standard error about 270)'); // 4 SE
        assert.ok(times[0] >= 240 && times[times.length - 1] <= 1200, 'every run lies within the bounds');
    });

    it('draws Beta-PERT estimates with the PERT mean (a + 4m + b) / 6 and the Beta-PERT variance', async () => {
        const workflow = await workflowOf(`workflow W { owner Sales
          step A { owner Sales.Rep; duration 1d..2d..5d; next Done }
          end Done }`);
        const times = run(workflow).sortedTimes();
        const { mean, variance } = meanAndVariance(times);
        const day = 1440;
        // μ = (1 + 8 + 5) / 6 d; σ² = (μ − a)(b − μ) / 7.
        const mu = (14 / 6) * day;
        near(mean, mu, 42, 'mean (standard error 10)');
        near(variance, ((mu - day) * (5 * day - mu)) / 7, 60_000, 'variance (standard error about 14,000)');
        assert.ok(times[0] >= day && times[times.length - 1] <= 5 * day);
    });

    it('joins a parallel split: the case waits for the later branch, the maximum of two uniforms', async () => {
        const workflow = await workflowOf(`workflow W { owner Sales
          step Split { owner Sales.Rep; next A, B }
          step A { owner Sales.Rep; duration 1000m..2000m; next Join }
          step B { owner Billing.Clerk; duration 1000m..2000m; next Join via Ledger }
          step Join { owner Sales.Rep; next Done }
          end Done }`);
        const report = run(workflow).report();
        // 1000 + 1000 · max(U1, U2): F(x) = x², so the quantile q is at 1000 + 1000 √q, the mean at 1000 + 2000 / 3.
        near(report.p50, 1000 + 1000 * Math.sqrt(0.5), 15, 'P50 (standard error 3.5)');
        near(report.p80, 1000 + 1000 * Math.sqrt(0.8), 12, 'P80 (standard error 2.2)');
        near(report.p95, 1000 + 1000 * Math.sqrt(0.95), 8, 'P95 (standard error 1.1)');
        near(report.mean, 1000 + 2000 / 3, 6, 'mean (standard error 2.4)');
        // Each branch is the later one half of the time; the split and the join are on every longest path.
        near(report.criticality.A, 0.5, 0.02, 'criticality of A');
        near(report.criticality.B, 0.5, 0.02, 'criticality of B');
        assert.equal(report.criticality.Split, 1);
        assert.equal(report.criticality.Join, 1);
        // Split → B and B → Join hand work between teams: two hand-offs in every run.
        assert.equal(report.handoffs, 2);
    });

    it('makes a join wait for a branch whose work was sent back for rework', async () => {
        const workflow = await workflowOf(`workflow W { owner Sales
          step Split { owner Sales.Rep; next A, B }
          step A { owner Sales.Rep; duration 1h; next Join }
          step B { owner Sales.Rep; duration 1h; next Check }
          decision Check { owner Sales.Rep
            when "redo" 40% -> Fix
            otherwise -> Join }
          step Fix { owner Sales.Rep; duration 1h; next B }
          step Join { owner Sales.Rep; next Done }
          end Done }`);
        const report = run(workflow).report();
        // B runs N ~ Geometric(0.6) times, with a Fix of 1h before each repetition: 60 + 120 (N − 1),
        // while A is done after 1h; a join that did not wait would finish every case at 1h.
        near(report.mean, 60 + 120 * (1 / 0.6 - 1), 6, 'mean (standard error 1.6)');
        assert.equal(report.p50, 60, 'P(N = 1) = 0.6');
        assert.equal(report.p80, 180, 'P(N ≤ 2) = 0.84');
        near(report.criticality.Fix, 0.4, 0.02, 'criticality of Fix');
    });

    it('reaching an end finishes the case while a parallel branch still runs', async () => {
        const workflow = await workflowOf(`workflow W { owner Sales
          step Split { owner Sales.Rep; next Fast, Slow }
          step Fast { owner Sales.Rep; duration 1h; next Done }
          step Slow { owner Sales.Rep; duration 3d; next Done }
          end Done }`);
        const report = run(workflow).report();
        assert.equal(report.p95, 60);
        assert.equal(report.criticality.Slow, 0);
    });

    it('draws decisions by their likelihoods: a mixture of the branches', async () => {
        const workflow = await workflowOf(`workflow W { owner Sales
          sla 2d
          decision D { owner Sales.Rep
            when "small" 30% -> Quick
            otherwise -> Long }
          step Quick { owner Sales.Rep; duration 1d; next Done }
          step Long { owner Sales.Rep; duration 3d; next Done }
          end Done }`);
        const report = run(workflow).report();
        // 30% take 1d, 70% take 3d: P50 and P80 are 3d, the mean 0.3 · 1d + 0.7 · 3d.
        assert.equal(report.p50, 3 * 1440);
        assert.equal(report.p80, 3 * 1440);
        near(report.mean, 0.3 * 1440 + 0.7 * 4320, 60, 'mean (standard error 13)');
        near(report.overSla, 0.7, 0.02, 'share over the SLA (standard error 0.005)');
        near(report.criticality.Quick, 0.3, 0.02, 'criticality of Quick');
    });

    it('repeats rework loops a geometric number of times', async () => {
        const workflow = await workflowOf(`workflow W { owner Sales
          step Work { owner Sales.Rep; duration 1h; next Check }
          decision Check { owner Sales.Rep
            when "needs rework" 40% -> Work
            otherwise -> Done }
          end Done }`);
        const report = run(workflow).report();
        // N ~ Geometric(0.6) executions of one hour: E[N] = 1 / 0.6; P(N ≤ k) = 1 − 0.4^k.
        near(report.mean, 60 / 0.6, 3, 'mean (standard error 0.6)');
        assert.equal(report.p50, 60, 'P(N = 1) = 0.6');
        assert.equal(report.p80, 120, 'P(N ≤ 2) = 0.84');
        assert.equal(report.p95, 240, 'P(N ≤ 3) = 0.936 < 0.95 ≤ P(N ≤ 4) = 0.974');
        assert.equal(report.didNotFinish, 0);
    });

    it('cuts a run at 1,000 node visits and counts it as not finished', async () => {
        const workflow = await workflowOf(`workflow W { owner Sales
          sla 1d
          step Work { owner Sales.Rep; duration 1h; next Check }
          decision Check { owner Sales.Rep
            when "again" 100% -> Work
            otherwise -> Done }
          end Done }`);
        const report = simulateWorkflow(workflow, 200, 1);
        assert.equal(report.didNotFinish, 1);
        assert.equal(report.p50, null);
        assert.equal(report.overSla, 1, 'a case that never ends misses the SLA');
    });

    it('adds the simulated time of a called workflow to the calling step', async () => {
        const workflow = await workflowOf(`workflow W { owner Sales
          step Archive { owner Sales.Rep; duration 1d; calls Sub; next Done }
          end Done }
        workflow Sub { owner Billing
          step Keep { owner Billing.Clerk; duration 1h..3h; next Kept }
          end Kept }
        workflow Loop { owner Billing
          step Again { owner Billing.Clerk; duration 1h; calls Loop; next Fin }
          end Fin }`);
        const times = run(workflow).sortedTimes();
        const { mean } = meanAndVariance(times);
        near(mean, 1440 + 120, 2, 'mean (standard error 0.35)');
        assert.ok(times[0] >= 1500 && times[times.length - 1] <= 1620);
        const recursive = await workflowOf(
            `workflow Loop { owner Billing
          step Again { owner Billing.Clerk; duration 1h; calls Loop; next Fin }
          end Fin }`,
            'Loop',
        );
        assert.equal(simulateWorkflow(recursive, 100, 1).p95, 60, 'a call back into a running workflow takes no time');
    });

    it('gives the same figures for the same seed and others for another seed', async () => {
        const workflow = await workflowOf(`workflow W { owner Sales
          step A { owner Sales.Rep; duration 1h..2d..5d; next D }
          decision D { owner Sales.Rep
            when "again" 20% -> A
            otherwise -> Done }
          end Done }`);
        const first = simulateWorkflow(workflow, 2000, 7);
        assert.deepEqual(simulateWorkflow(workflow, 2000, 7), first);
        const other = simulateWorkflow(workflow, 2000, 8);
        assert.notDeepEqual(other.histogram, first.histogram);
        assert.notEqual(other.mean, first.mean);
    });

    it('generates the same numbers for a seed on every platform: integer arithmetic only', () => {
        const random = new Random(1);
        // xoshiro128** seeded by splitmix32; a change of the generator changes every published figure.
        const first = [random.nextUint32(), random.nextUint32(), random.nextUint32()];
        const again = new Random(1);
        assert.deepEqual([again.nextUint32(), again.nextUint32(), again.nextUint32()], first);
        assert.ok(first.every(value => Number.isInteger(value) && value >= 0 && value < 2 ** 32));
        assert.notDeepEqual(first, [new Random(2).nextUint32(), 0, 0].slice(0, 1).concat(first.slice(1)));
    });
});
