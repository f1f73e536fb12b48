/**
 * The preview's layout worker: ELK and the lane placement run here, off the webview's UI thread,
 * so large diagrams do not stall typing or panning.
 */
import { createElk } from '../diagram/elk.js';
import { layoutGraph } from '../diagram/layout.js';
import type { GraphPiece, LayoutReply, LayoutRequest } from '../protocol/layout-worker-messages.js';
import type { DiagramEdge, DiagramNode } from '../protocol/graph-model.js';
import { PieceCollector, slices } from '../protocol/pieces.js';
import { sketchPaths } from '../diagram/sketch-paths.js';

declare const self: DedicatedWorkerGlobalScope;

const elk = createElk();
const reply = (message: LayoutReply) => self.postMessage(message);
/** Nodes and edges per message: reading a piece this size takes the UI thread a few milliseconds. */
const PIECE = 300;

/** The pieces of large graphs received so far, by request. */
const graphPieces = new PieceCollector<DiagramNode, DiagramEdge>();

self.onmessage = async (event: MessageEvent<LayoutRequest | GraphPiece>) => {
    const message = event.data;
    if (message.piece) {
        graphPieces.add(message.id, message.piece);
        return;
    }
    const pieces = graphPieces.take(message.id);
    const { id, direction } = message;
    const graph = { ...message.graph, nodes: pieces.nodes.concat(message.graph.nodes), edges: pieces.edges.concat(message.graph.edges) };
    try {
        const layout = await layoutGraph(graph, elk, direction);
        const sketch = sketchPaths(graph, layout);
        for (const { nodes, edges, last } of slices(layout.nodes, layout.edges, PIECE)) {
            reply(last ? { id, layout: { ...layout, nodes, edges }, sketch } : { id, piece: { nodes, edges } });
        }
    } catch (error) {
        reply({ id, error: error instanceof Error ? error.message : String(error) });
    }
};
