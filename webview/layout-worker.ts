/**
 * The preview's layout worker: ELK and the lane placement run here, off the webview's UI thread,
 * so large diagrams do not stall typing or panning.
 */
import { createElk } from '../diagram/elk.js';
import type { WorkflowGraph } from '../diagram/graph-model.js';
import type { Direction } from '../diagram/layout.js';
import { layoutGraph } from '../diagram/layout.js';

declare const self: DedicatedWorkerGlobalScope;

const elk = createElk();

self.onmessage = async (event: MessageEvent<{ id: number; graph: WorkflowGraph; direction: Direction }>) => {
    const { id, graph, direction } = event.data;
    try {
        self.postMessage({ id, layout: await layoutGraph(graph, elk, direction) });
    } catch (error) {
        self.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
    }
};
