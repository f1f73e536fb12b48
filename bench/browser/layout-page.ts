/**
 * Runs in Chromium for `npm run bench`: times, for each graph, the preview's layout (ELK layers +
 * lanes) and rendering to DOM, beside ELK's plain layered layout of the same graph without lanes.
 */
import { createElk } from '../../diagram/elk.js';
import type { WorkflowGraph } from '../../protocol/graph-model.js';
import { ELK_OPTIONS, layoutGraph } from '../../diagram/layout.js';
import { SIMPLE_LAYERING_FROM } from '../../diagram/simple-layering.js';
import { renderDiagram } from '../../diagram/svg.js';
import { toDom, toDomInSlices } from '../../webview/dom-render.js';

interface Timing {
    layout: number[];
    render: number[];
    plain: number[];
    plainSame: number[];
    longestTask: number[];
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

(window as unknown as { runBench: (graphs: WorkflowGraph[], runs: number[]) => Promise<Timing[]> }).runBench = async (graphs, runsOf) => {
    const elk = createElk();
    const results: Timing[] = [];
    for (const [index, graph] of graphs.entries()) {
        const runs = runsOf[index];
        const timing: Timing = { layout: [], render: [], plain: [], plainSame: [], longestTask: [] };
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
            // The preview builds the DOM in slices: the longest task on the UI thread is what typing feels.
            let longest = 0;
            let sliceStart = performance.now();
            await toDomInSlices(
                renderDiagram(graph, layout!),
                () => false,
                () => performance.now(),
                async () => {
                    longest = Math.max(longest, performance.now() - sliceStart);
                    await new Promise(resolve => setTimeout(resolve, 0));
                    sliceStart = performance.now();
                },
            );
            timing.longestTask.push(Math.max(longest, performance.now() - sliceStart));
            // Past the simple-layering size ELK itself is not used (its recursion overflows on long chains).
            if (graph.nodes.length < SIMPLE_LAYERING_FROM) {
                timing.plain.push(await time(() => plainElk(graph)));
                timing.plainSame.push(await time(() => plainElk(graph, ELK_OPTIONS)));
            }
        }
        results.push(timing);
    }
    return results;
};
