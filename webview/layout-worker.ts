/**
 * The preview's layout worker: ELK and the lane placement run here, off the webview's UI thread,
 * so large diagrams do not stall typing or panning.
 */
import { createElk } from '../diagram/elk.js';
import { layoutGraph } from '../diagram/layout.js';
import type { LayoutReply, LayoutRequest } from '../protocol/layout-worker-messages.js';

declare const self: DedicatedWorkerGlobalScope;

const elk = createElk();
const reply = (message: LayoutReply) => self.postMessage(message);

self.onmessage = async (event: MessageEvent<LayoutRequest>) => {
    const { id, graph, direction } = event.data;
    try {
        reply({ id, layout: await layoutGraph(graph, elk, direction) });
    } catch (error) {
        reply({ id, error: error instanceof Error ? error.message : String(error) });
    }
};
