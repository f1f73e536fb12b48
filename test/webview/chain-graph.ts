/** A generated graph model for the webview tests: a chain of any length, far longer than any example. */
import type { DiagramEdge, DiagramNode, WorkflowGraph } from '../../protocol/graph-model.js';
import { diagramNode } from '../graph-fixtures.js';

/** `length` nodes, one after the other, each handed to the next of `lanes` teams: a very long, thin diagram. */
export function chainGraph(length: number, lanes = 3, workflow = 'Chain'): WorkflowGraph {
    const nodes: DiagramNode[] = Array.from({ length }, (_, index) =>
        diagramNode({
            id: `S${index}`,
            kind: index === length - 1 ? 'end' : 'step',
            title: index === length - 1 ? 'Done' : `Step number ${index}`,
            owner: `Team${index % lanes}.Worker`,
            lane: `Team${index % lanes}`,
            duration: '1h',
            minutes: 60,
            start: index === 0,
            critical: true,
        }),
    );
    const edges: DiagramEdge[] = nodes.slice(1).map((node, index) => ({
        id: `e${index}`,
        from: `S${index}`,
        to: node.id,
        handoff: lanes > 1,
        channel: lanes > 1 ? 'Mail' : undefined,
        critical: true,
        findings: [],
    }));
    return {
        uri: `file:///workspace/${workflow}.workflow`,
        workflow,
        title: `A chain of ${length}`,
        lanes: Array.from({ length: lanes }, (_, index) => ({ id: `Team${index}`, label: `Team${index}`, title: `Team number ${index}` })),
        nodes,
        edges,
        summary: `${length - 1} steps · ${lanes} teams`,
        findings: [],
    };
}
