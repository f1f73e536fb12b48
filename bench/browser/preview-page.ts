/**
 * Times the real preview for `npm run bench -- preview`: the built webview bundle on its
 * production page (the webview test harness serves it to headless Chromium), sent a model as the
 * extension sends it (a large one in pieces, a message each: `modelMessages`), or, for the
 * baseline, in one message. For each step a user takes — opening the diagram, Fit, an edit that keeps
 * the view — it records the longest main-thread task Chromium's longtask observer reports (tasks
 * over 50 ms only) and, from a Chromium trace of the same step, the longest task of any length
 * and what its time went to.
 */
import type { Page } from 'playwright-core';
import type { WorkflowGraph } from '../../protocol/graph-model.js';
import type { Harness } from '../../test/webview/harness.js';
import { openHarness } from '../../test/webview/harness.js';
import { model } from '../../test/webview/examples.js';
import type { ModelMessage } from '../../protocol/webview-messages.js';
import { modelMessages } from '../../protocol/webview-messages.js';
import type { LongestTask } from './trace-tasks.js';
import { longestTask } from './trace-tasks.js';

export const PREVIEW_STEPS = ['open', 'fit', 'edit'] as const;
export type PreviewStep = (typeof PREVIEW_STEPS)[number];

export interface StepTiming {
    /** From the message (or click) until the diagram is on show and nothing is left to draw. */
    total: number;
    /** The longest task the longtask observer reported (0: none over 50 ms). */
    longestObserved: number;
    /** The longest task in the trace, when traced. */
    traced?: LongestTask;
    /** The longest task in the trace that received a message of the model. */
    receiving?: LongestTask;
    /** Members drawn when the step ended. */
    drawn: number;
}

/** A half-width editor panel of a 1920 px screen. */
export const PANEL = { width: 960, height: 800 };

const OBSERVER = `
window.__longTasks = [];
new PerformanceObserver(list => {
  for (const entry of list.getEntries()) window.__longTasks.push({ start: entry.startTime, duration: entry.duration });
}).observe({ type: 'longtask', buffered: false });
`;

/** How the model reaches the page: as the extension sends it, or in one message (the baseline). */
export type Delivery = 'pieces' | 'one message';

/** Runs the three steps on a fresh preview page (of `dist`, another build); with `trace`, each step is also traced. */
export async function timePreview(
    graph: WorkflowGraph,
    trace: boolean,
    delivery: Delivery = 'pieces',
    dist?: string,
): Promise<Record<PreviewStep, StepTiming>> {
    const harness = await openHarness({ ...PANEL, dist });
    try {
        await harness.page.evaluate(OBSERVER);
        const edited: WorkflowGraph = {
            ...graph,
            nodes: graph.nodes.map((node, index) => (index === 1 ? { ...node, title: `${node.title ?? node.name} (edited)` } : node)),
        };
        const messages = (shown: WorkflowGraph, version: number) =>
            delivery === 'pieces' ? modelMessages(model(shown) as ModelMessage, version) : [model(shown)];
        const open = await step(harness, trace, messages(graph, 1));
        const fit = await step(harness, trace, 'fit');
        const edit = await step(harness, trace, messages(edited, 2));
        return { open, fit, edit };
    } finally {
        await harness.close();
    }
}

/** Posts a model's messages to the page, or clicks the toolbar button of that id, and waits until drawing is done. */
async function step(harness: Harness, trace: boolean, action: unknown): Promise<StepTiming> {
    const page = harness.page;
    const browser = page.context().browser()!;
    // Handed over before the clock starts: parsing a large model is the test's work, not the preview's.
    await page.evaluate(data => ((window as unknown as { __next: unknown }).__next = data), action);
    const act = () => (typeof action === 'string' ? clickAndWait(page) : sendAndWait(page));
    const since = await page.evaluate(() => performance.now());
    if (trace) await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel'] });
    const total = await act();
    // Long tasks are reported after they end: give the observer a turn.
    await page.waitForTimeout(100);
    const events = trace ? JSON.parse((await browser.stopTracing()).toString('utf8')) : undefined;
    const traced = events && longestTask(events);
    const receiving = events && longestTask(events, true);
    const { longestObserved, drawn } = await page.evaluate(start => {
        const page = window as unknown as { __longTasks: Array<{ start: number; duration: number }>; __sentAt?: number[] };
        const sending = (task: { start: number; duration: number }) =>
            (page.__sentAt ?? []).some(at => at >= start && task.start <= at && at <= task.start + task.duration);
        return {
            longestObserved: Math.max(
                0,
                ...page.__longTasks.filter(task => task.start >= start && !sending(task)).map(task => task.duration),
            ),
            drawn: document.querySelectorAll('#stage > .wa-layer:not(.wa-pending) :is(.wa-lane, .wa-edge, .wa-node)').length,
        };
    }, since);
    return { total, longestObserved, traced, receiving, drawn };
}

/** In the page: resolves once the stage shows a diagram and has nothing left to draw. */
const WAIT_IDLE = `new Promise(resolve => {
    const check = () => {
      const stage = document.getElementById('stage');
      const rendered = window.__posted.filter(message => message.type === 'rendered').length;
      if (rendered > before && !('drawing' in stage.dataset)) resolve(performance.now() - start);
      else setTimeout(check, 4);
    };
    check();
  })`;

/**
 * Posts each message from a task of its own and notes when: serializing a message is the sender's
 * work (in VS Code another process's), so those tasks are left out of the preview's figures.
 */
function sendAndWait(page: Page): Promise<number> {
    return page.evaluate(
        `(() => { const before = window.__posted.filter(m => m.type === 'rendered').length; const start = performance.now();
          window.__sentAt = [];
          const sendFrom = index => setTimeout(() => {
            if (index >= window.__next.length) return;
            window.__sentAt.push(performance.now()); window.postMessage(window.__next[index], '*'); sendFrom(index + 1);
          });
          sendFrom(0);
          return ${WAIT_IDLE}; })()`,
    );
}

function clickAndWait(page: Page): Promise<number> {
    return page.evaluate(
        `(() => { const before = 0; const start = performance.now();
          document.getElementById(window.__next).click(); return ${WAIT_IDLE}; })()`,
    );
}
