/**
 * Preview benchmark: for generated workflows of 100 / 200 / 500 / 1,000 / 5,000 nodes over 10 lanes,
 * the graph model (language server), then in Debian's Chromium the preview's layout and its
 * rendering, beside ELK's plain layered layout without lanes measured in the same run; then the
 * real preview page opening each diagram, fitting it and taking an edit, with the longest
 * main-thread task of each step, the model sent as the extension sends it (a large one in pieces)
 * beside the same run's model in one message, and beside the previous drawing path (built off the
 * page, attached). `BENCH_PREVIEW_ONLY=1` times the real preview page alone;
 * `BENCH_PREVIEW_BASELINE=<dir>` also times, workflow by workflow in the same run, another build
 * of the webview (a copy of an earlier dist/webview); `BENCH_PREVIEW_SIZES=200,1000,chain` picks
 * workflows of the real preview; `BENCH_PREVIEW_ONE_MESSAGE=0` leaves the one-message baseline out.
 */
import * as esbuild from 'esbuild';
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { WorkflowGraph } from '../protocol/graph-model.js';
import type { Timing } from './browser/layout-page.js';
import { buildGraph } from '../language/src/analysis/graph-builder.js';
import { workflowsOf } from '../language/src/workspace/workspace-queries.js';
import { buildWorkspace } from '../language/src/workspace/workflow-workspace.js';
import { chainText, organizationText, workflowText } from './generate.js';
import { median, ms, percentile, printTable } from './measure.js';
import type { Delivery, PreviewStep, StepTiming } from './browser/preview-page.js';
import { PANEL, PREVIEW_STEPS, timePreview } from './browser/preview-page.js';
import { describeParts } from './browser/trace-tasks.js';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core') as typeof import('playwright-core');
/** The last size is past `SIMPLE_LAYERING_FROM`: the preview's layout without ELK, timed fewer times. */
const SIZES = [100, 200, 500, 1000, 5000];
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
/** Runs of the real preview per size (each on a fresh page), plus one traced run. */
const PREVIEW_RUNS = Number(process.env.BENCH_PREVIEW_RUNS ?? 2);
/** The real preview's extra workflow: long and thin, where the generated ones are wide. */
const CHAIN_STEPS = 5000;
const BASELINE = process.env.BENCH_PREVIEW_BASELINE;
const ONE_MESSAGE = process.env.BENCH_PREVIEW_ONE_MESSAGE !== '0';

export async function previewBench(): Promise<void> {
    const graphs: WorkflowGraph[] = [];
    const modelTimes: number[] = [];
    for (const size of SIZES) {
        const { documents } = await buildWorkspace([
            { uri: 'file:///bench/flow.workflow', text: organizationText() + workflowText('Flow', size) },
        ]);
        const start = performance.now();
        graphs.push(buildGraph(documents[0], workflowsOf(documents[0])[0]));
        modelTimes.push(performance.now() - start);
    }

    const { documents } = await buildWorkspace([
        { uri: 'file:///bench/chain.workflow', text: organizationText() + chainText('Chain', CHAIN_STEPS) },
    ]);
    const chain = buildGraph(documents[0], workflowsOf(documents[0])[0]);

    if (process.env.BENCH_PREVIEW_ONLY === '1') return realPreview(graphs, [], chain);
    const bundle = await esbuild.build({
        entryPoints: [path.resolve('bench/browser/layout-page.ts')],
        bundle: true,
        write: false,
        format: 'iife',
        platform: 'browser',
        minify: true,
        define: { global: 'globalThis' },
    });
    // The preview's layout worker as the build wrote it.
    const workerSource = fs.readFileSync(path.resolve('dist/webview/layout-worker.js'), 'utf8');
    const browser = await chromium.launch({
        executablePath: process.env.SYSTEM_CHROMIUM_HEADLESS_SHELL ?? '/usr/lib/chromium/chromium-headless-shell',
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    try {
        const page = await browser.newPage();
        await page.setContent('<html><body></body></html>');
        await page.addScriptTag({ content: bundle.outputFiles[0].text });
        const timings = await page.evaluate(
            ([data, runs, worker]) =>
                (
                    window as unknown as {
                        runBench: (g: unknown, r: number[], w: string) => Promise<Timing[]>;
                    }
                ).runBench(data, runs, worker),
            [graphs, SIZES.map(size => (size >= 5000 ? 2 : RUNS)), workerSource] as const,
        );
        const rows = SIZES.map((size, index) => {
            const timing = timings[index];
            const total = timing.layout.map((value, run) => value + timing.render[run]);
            return [
                `${size} nodes, ${graphs[index].lanes.length} lanes`,
                ms(modelTimes[index]),
                timing.plain.length ? ms(median(timing.plain)) : 'not used',
                timing.plainSame.length ? ms(median(timing.plainSame)) : 'not used',
                ms(median(timing.layout)),
                ms(median(timing.render)),
                ms(Math.max(...timing.longestTask)),
                `${ms(median(total))} / ${ms(percentile(total, 95))}`,
                ms(median(timing.workerPath)),
                Math.max(...timing.workerPathLongestTask) > 0 ? ms(Math.max(...timing.workerPathLongestTask)) : 'none over 50 ms',
                timing.plainSame.length ? `${(median(timing.layout) / median(timing.plainSame)).toFixed(2)}×` : '–',
            ];
        });
        printTable(
            `Preview in Chromium (median of ${RUNS} runs; total: median / p95)`,
            [
                'workflow',
                'graph model (Node)',
                'plain ELK, defaults',
                'plain ELK, same options',
                'layout with lanes',
                'render to DOM',
                'longest UI task (sliced render)',
                'layout + render',
                'previous path: worker, DOM built off the page, attached',
                'longest UI task on it (longtask observer)',
                'lanes / plain (same options)',
            ],
            rows,
        );
        const previous = timings.map(timing => Math.max(...timing.workerPathLongestTask));
        await realPreview(graphs, previous, chain);
    } finally {
        await browser.close();
    }
}

/**
 * The real preview page, per workflow: its longest task in each step, the model in pieces and in
 * one message, beside the previous path's longest task (and the baseline build's, when given).
 */
async function realPreview(graphs: WorkflowGraph[], previous: number[], chain: WorkflowGraph): Promise<void> {
    const wanted = process.env.BENCH_PREVIEW_SIZES?.split(',');
    const workflows = [
        ...graphs.map((graph, index) => ({ key: String(SIZES[index]), label: `${SIZES[index]} nodes`, graph, prior: previous[index] })),
        { key: 'chain', label: `chain of ${CHAIN_STEPS} steps`, graph: chain, prior: undefined },
    ].filter(workflow => !wanted || wanted.includes(workflow.key));
    const builds = BASELINE
        ? [
              { dist: BASELINE, label: ', baseline build' },
              { dist: undefined, label: '' },
          ]
        : [{ dist: undefined, label: '' }];
    const rows: string[][] = [];
    for (const { label, graph, prior } of workflows) {
        for (const build of builds) {
            const pieces = await timeDelivery(graph, 'pieces', build.dist);
            const whole = ONE_MESSAGE ? await timeDelivery(graph, 'one message', build.dist) : undefined;
            rows.push([
                `${label}${build.label}`,
                prior === undefined ? '–' : prior > 0 ? ms(prior) : 'none > 50 ms',
                ...PREVIEW_STEPS.map(step => pieces[step]),
                ...(['open', 'edit'] as const).map(step => whole?.[step] ?? '–'),
            ]);
        }
    }
    printTable(
        `Real preview page in Chromium, ${PANEL.width} × ${PANEL.height} px (longtask observer: max of ${PREVIEW_RUNS} runs · trace: one more run, its longest task and ms by kind, and its longest task receiving a message · time: median, until nothing is left to draw)`,
        [
            'workflow',
            'previous path, longest task',
            ...PREVIEW_STEPS.map(step => `${step}, in pieces: observer · trace · receiving · time`),
            ...['open', 'edit'].map(step => `${step}, one message: observer · trace · receiving · time`),
        ],
        rows,
    );
}

/** One cell per step: the longest task observed, the traced run's longest task, the time and what was drawn. */
async function timeDelivery(graph: WorkflowGraph, delivery: Delivery, dist?: string): Promise<Record<PreviewStep, string>> {
    const runs: Array<Record<PreviewStep, StepTiming>> = [];
    for (let run = 0; run < PREVIEW_RUNS; run++) runs.push(await timePreview(graph, false, delivery, dist));
    const traced = await timePreview(graph, true, delivery, dist);
    const cell = (step: PreviewStep): string => {
        const longest = Math.max(...runs.map(timing => timing[step].longestObserved));
        const { traced: trace, receiving } = traced[step];
        return [
            longest > 0 ? ms(longest) : 'none',
            trace ? `${ms(trace.duration)} (${describeParts(trace.parts)})` : '–',
            receiving ? `receiving ${ms(receiving.duration)}` : 'receiving –',
            `${ms(median(runs.map(timing => timing[step].total)))}, ${traced[step].drawn} drawn`,
        ].join(' · ');
    };
    return { open: cell('open'), fit: cell('fit'), edit: cell('edit') };
}
