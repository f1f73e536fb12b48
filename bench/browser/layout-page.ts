/**
 * Runs in Chromium for `npm run bench`: times, for each graph, the preview's layout (ELK layers +
 * lanes) and rendering to DOM, beside ELK's plain layered layout of the same graph without lanes,
 * and the drawing path the preview had before it drew into the live page (the baseline of the
 * real preview's timings, bench/browser/preview-page.ts).
 */
import type { DiagramParts } from '../../diagram/svg.js';
import { isDeferred } from '../../diagram/svg.js';
import { createElk } from '../../diagram/elk.js';
import type { WorkflowGraph } from '../../protocol/graph-model.js';
import type { LayoutPiece, LayoutReply } from '../../protocol/layout-worker-messages.js';
import { ELK_OPTIONS, layoutGraph } from '../../diagram/layout.js';
import { SIMPLE_LAYERING_FROM } from '../../diagram/simple-layering.js';
import { diagramParts, renderDiagram } from '../../diagram/svg.js';
import { toDom } from '../../webview/dom-render.js';

/** What the page measures for one graph (read back by bench/preview-bench.ts). */
export interface Timing {
    layout: number[];
    render: number[];
    plain: number[];
    plainSame: number[];
    longestTask: number[];
    /** The previous drawing path: layout in the preview's worker, the reply read, the DOM built off the page in slices, attached. */
    workerPath: number[];
    /** The longest task Chromium reported on the UI thread meanwhile (it reports tasks over 50 ms only; 0: none). */
    workerPathLongestTask: number[];
}

/**
 * The DOM of the whole diagram built off the page, a member at a time in slices of 12 ms of
 * script, as the preview did before: style and layout then all happen once it is attached.
 */
async function toDomInSlices(
    { root, parts }: DiagramParts,
    yieldNow: () => Promise<void> = () => new Promise(resolve => setTimeout(resolve, 0)),
): Promise<SVGElement> {
    let sliceStart = performance.now();
    const element = toDom(root);
    for (const part of parts) {
        if (!isDeferred(part)) {
            element.appendChild(toDom(part));
            continue;
        }
        const group = element.appendChild(toDom(part.group));
        for (let index = 0; index < part.size; index++) {
            if (performance.now() - sliceStart > 12) {
                await yieldNow();
                sliceStart = performance.now();
            }
            group.appendChild(toDom(part.member(index)));
        }
    }
    return element;
}

/** Lays the graph out in the preview's own worker and draws it as the preview did before (see `toDomInSlices`). */
async function drawThroughWorker(worker: Worker, graph: WorkflowGraph): Promise<{ total: number; longestTask: number }> {
    const longTasks: number[] = [];
    const observer = new PerformanceObserver(list => longTasks.push(...list.getEntries().map(entry => entry.duration)));
    observer.observe({ type: 'longtask', buffered: false });
    const start = performance.now();
    const layout = await new Promise<Awaited<ReturnType<typeof layoutGraph>>>((resolve, reject) => {
        // A large layout comes in pieces before the rest (protocol/layout-worker-messages.ts).
        const pieces: LayoutPiece = { nodes: [], edges: [] };
        worker.onmessage = (event: MessageEvent<LayoutReply>) => {
            const reply = event.data;
            if (reply.piece) {
                pieces.nodes.push(...reply.piece.nodes);
                pieces.edges.push(...reply.piece.edges);
            } else if (reply.layout) {
                resolve({
                    ...reply.layout,
                    nodes: pieces.nodes.concat(reply.layout.nodes),
                    edges: pieces.edges.concat(reply.layout.edges),
                });
            } else {
                reject(new Error(reply.error));
            }
        };
        worker.postMessage({ id: 1, graph, direction: 'RIGHT' });
    });
    const element = await toDomInSlices(diagramParts(graph, layout));
    document.body.replaceChildren(element);
    document.body.getBoundingClientRect();
    const total = performance.now() - start;
    // Long tasks are reported after they end: give the observer a turn.
    await new Promise(resolve => setTimeout(resolve, 50));
    observer.disconnect();
    return { total, longestTask: Math.max(0, ...longTasks) };
}

/** ELK's layered layout of the graph without lanes: with its default settings, or with the preview's. */
async function plainElk(graph: WorkflowGraph, options: Record<string, string> = {}): Promise<void> {
    await createElk().layout({
        id: 'root',
        layoutOptions: { 'elk.algorithm': 'layered', 'elk.direction': 'RIGHT', ...options },
        children: graph.nodes.map(node => ({ id: node.id, width: 168, height: 76 })),
        edges: graph.edges.map(edge => ({ id: edge.id, sources: [edge.from], targets: [edge.to] })),
    });
}

async function time(task: () => Promise<unknown> | unknown): Promise<number> {
    const start = performance.now();
    await task();
    return performance.now() - start;
}

(window as unknown as { runBench: (graphs: WorkflowGraph[], runs: number[], workerSource: string) => Promise<Timing[]> }).runBench = async (
    graphs,
    runsOf,
    workerSource,
) => {
    const elk = createElk();
    const worker = new Worker(URL.createObjectURL(new Blob([workerSource], { type: 'text/javascript' })));
    const results: Timing[] = [];
    for (const [index, graph] of graphs.entries()) {
        const runs = runsOf[index];
        const timing: Timing = {
            layout: [],
            render: [],
            plain: [],
            plainSame: [],
            longestTask: [],
            workerPath: [],
            workerPathLongestTask: [],
        };
        for (let run = 0; run < runs; run++) {
            let layout: Awaited<ReturnType<typeof layoutGraph>> | undefined;
            timing.layout.push(
                await time(async () => {
                    layout = await layoutGraph(graph, elk, 'RIGHT');
                }),
            );
            timing.render.push(
                await time(() => {
                    const stage = document.body;
                    stage.replaceChildren(toDom(renderDiagram(graph, layout!)));
                    stage.getBoundingClientRect();
                }),
            );
            // The preview draws in slices: the longest task on the UI thread is what typing feels.
            let longest = 0;
            let sliceStart = performance.now();
            await toDomInSlices(diagramParts(graph, layout!), async () => {
                longest = Math.max(longest, performance.now() - sliceStart);
                await new Promise(resolve => setTimeout(resolve, 0));
                sliceStart = performance.now();
            });
            timing.longestTask.push(Math.max(longest, performance.now() - sliceStart));
            const throughWorker = await drawThroughWorker(worker, graph);
            timing.workerPath.push(throughWorker.total);
            timing.workerPathLongestTask.push(throughWorker.longestTask);
            // Past the simple-layering size ELK itself is not used (its recursion overflows on long chains).
            if (graph.nodes.length < SIMPLE_LAYERING_FROM) {
                timing.plain.push(await time(() => plainElk(graph)));
                timing.plainSame.push(await time(() => plainElk(graph, ELK_OPTIONS)));
            }
        }
        results.push(timing);
    }
    worker.terminate();
    return results;
};
