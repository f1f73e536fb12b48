/**
 * The preview's layout worker: ELK and the lane placement run here, off the webview's UI thread,
 * so large diagrams do not stall typing or panning.
 */
import { createElk } from '../diagram/elk.js';
import { layoutGraph } from '../diagram/layout.js';
import type { GraphPiece, LayoutReply, LayoutRequest } from '../protocol/layout-worker-messages.js';
import type { WorkflowGraph } from '../protocol/graph-model.js';

declare const self: DedicatedWorkerGlobalScope;

const elk = createElk();
const reply = (message: LayoutReply) => self.postMessage(message);
/** Nodes and edges per message: reading a piece this size takes the UI thread a few milliseconds. */
const PIECE = 300;

/** The pieces of large graphs received so far, by request. */
const graphPieces = new Map<number, { nodes: WorkflowGraph['nodes']; edges: WorkflowGraph['edges'] }>();

self.onmessage = async (event: MessageEvent<LayoutRequest | GraphPiece>) => {
    const message = event.data;
    const pieces = graphPieces.get(message.id) ?? { nodes: [], edges: [] };
    if (message.piece) {
        pieces.nodes.push(...message.piece.nodes);
        pieces.edges.push(...message.piece.edges);
        graphPieces.set(message.id, pieces);
        return;
    }
    graphPieces.delete(message.id);
    const { id, direction } = message;
    const graph = { ...message.graph, nodes: pieces.nodes.concat(message.graph.nodes), edges: pieces.edges.concat(message.graph.edges) };
    try {
        const layout = await layoutGraph(graph, elk, direction);
        let nodes = 0;
        let edges = 0;
        while (layout.nodes.length - nodes + layout.edges.length - edges > PIECE) {
            const nodeCount = Math.min(PIECE, layout.nodes.length - nodes);
            const edgeCount = Math.min(PIECE - nodeCount, layout.edges.length - edges);
            reply({
                id,
                piece: { nodes: layout.nodes.slice(nodes, nodes + nodeCount), edges: layout.edges.slice(edges, edges + edgeCount) },
            });
            nodes += nodeCount;
            edges += edgeCount;
        }
        reply({ id, layout: { ...layout, nodes: layout.nodes.slice(nodes), edges: layout.edges.slice(edges) } });
    } catch (error) {
        reply({ id, error: error instanceof Error ? error.message : String(error) });
    }
};
