/**
 * `workflow-architect simulate`: the JSON shape of the language reference, reproducible figures
 * for a seed, the Markdown report, calls into other files, and one-line errors for bad usage.
 */
import * as assert from 'node:assert/strict';
import { runCli as run, scratchFolder } from './run-cli.js';

const FILE = 'examples/purchase-to-pay.workflow';
const KEYS = [
    'workflow',
    'runs',
    'seed',
    'p50',
    'p80',
    'p95',
    'mean',
    'sla',
    'overSla',
    'didNotFinish',
    'handoffs',
    'criticality',
    'histogram',
];

describe('workflow-architect simulate', function () {
    this.timeout(60_000);
    const scratch = scratchFolder('simulate-');

    it('prints the figures as JSON: times in minutes, shares from 0 to 1, defaults 10,000 runs and seed 1', () => {
        const result = run(['simulate', FILE, '--format', 'json']);
        assert.equal(result.code, 0, result.stderr);
        const report = JSON.parse(result.stdout);
        assert.deepEqual(Object.keys(report), KEYS);
        assert.equal(report.workflow, 'PurchaseToPay');
        assert.equal(report.runs, 10_000);
        assert.equal(report.seed, 1);
        assert.equal(report.sla, 10 * 24 * 60);
        assert.ok(report.p50 <= report.p80 && report.p80 <= report.p95, 'percentiles in order');
        for (const share of [report.overSla, report.didNotFinish, ...Object.values(report.criticality)]) {
            assert.ok(typeof share === 'number' && share >= 0 && share <= 1, `share ${share}`);
        }
        // The start is on every longest path; a run reaches Paid or Rejected, never both.
        assert.equal(report.criticality.Request, 1);
        assert.ok(Math.abs(report.criticality.Paid + report.criticality.Rejected - 1) < 1e-9);
        const histogram = report.histogram as Array<{ from: number; to: number; runs: number }>;
        assert.equal(
            histogram.reduce((sum, bin) => sum + bin.runs, 0),
            10_000,
        );
        histogram.slice(1).forEach((bin, i) => assert.equal(bin.from, histogram[i].to, 'bins follow each other'));
        // The archive calls RecordsRetention, declared in another file of the folder: its time counts.
        assert.ok(report.p50 > 0);
    });

    it('gives the same figures for the same seed, others for another, and honours --runs and --workflow', () => {
        const once = run(['simulate', FILE, '--format', 'json', '--runs', '2000', '--seed', '42']);
        const again = run(['simulate', FILE, '--format=json', '--runs=2000', '--seed=42']);
        const other = run(['simulate', FILE, '--format', 'json', '--runs', '2000', '--seed', '43']);
        assert.equal(once.stdout, again.stdout);
        assert.notEqual(once.stdout, other.stdout);
        assert.equal(JSON.parse(once.stdout).runs, 2000);
        const file = scratch.write(
            'two.workflow',
            `team T { role R }
workflow First { owner T.R; step A { owner T.R; duration 1h; next Done }; end Done }
workflow Second { owner T.R; sla 1d; step B { owner T.R; duration 1h..3h; calls First; next Done }; end Done }
`,
        );
        const second = JSON.parse(run(['simulate', file, '--workflow', 'Second', '--format', 'json', '--runs', '1000']).stdout);
        assert.equal(second.workflow, 'Second');
        // 1h..3h of its own plus the 1h of the called workflow.
        assert.ok(second.p50 > 120 && second.p95 <= 240, JSON.stringify(second));
        assert.equal(second.overSla, 0);
    });

    it('prints a Markdown report by default', () => {
        const result = run(['simulate', FILE, '--runs', '1000']);
        assert.equal(result.code, 0, result.stderr);
        assert.match(result.stdout, /^# Simulation of PurchaseToPay\n/);
        assert.match(result.stdout, /1,000 runs, seed 1\./);
        assert.match(result.stdout, /\| P80 \| \d+d/);
        assert.match(result.stdout, /\| over the SLA \| \d+(\.\d)?% of runs \|/);
        assert.match(result.stdout, /\| Request \| 100% \|/);
        assert.match(result.stdout, /```text\n.*│█+ *│ \d+(\.\d)?%\n/);
    });

    it('refuses bad usage with one line and exit 2', () => {
        for (const [args, message] of [
            [['simulate', FILE, '--runs', '0'], /--runs' takes 1 to 1,000,000, not 0/],
            [['simulate', FILE, '--runs', 'many'], /needs a whole number/],
            [['simulate', FILE, '--seed=-1'], /needs a whole number/],
            [['simulate', FILE, '--workflow', 'Nope'], /no workflow named 'Nope'/],
            [['simulate', FILE, '--format', 'svg'], /invalid value 'svg'/],
            [['simulate', 'missing.workflow'], /missing\.workflow/],
        ] as const) {
            const result = run([...args]);
            assert.equal(result.code, 2, `${args.join(' ')}: ${result.stderr}`);
            assert.match(result.stderr, message);
            assert.equal(result.stderr.trim().split('\n').length, 1);
            assert.equal(result.stdout, '');
        }
    });
});
