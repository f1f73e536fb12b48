/** Graph models for the webview tests: the examples' own, and generated chains of any length. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DiagramEdge, DiagramNode, WorkflowGraph } from '../../protocol/graph-model.js';
import type { Direction } from '../../protocol/diagram-layout.js';
import type { ToWebview } from '../../protocol/webview-messages.js';
import { buildGraph } from '../../language/src/analysis/graph-builder.js';
import { workflowsOf } from '../../language/src/workspace/workspace-queries.js';
import { buildWorkspace } from '../../language/src/workspace/workflow-workspace.js';

/** A workflow of an example file, linked against the other examples. */
export async function exampleGraph(file: string, workflow?: string): Promise<WorkflowGraph> {
    const files = fs.readdirSync('examples').filter(name => name.endsWith('.workflow'));
    const ordered = [file, ...files.filter(name => name !== file)];
    const { documents } = await buildWorkspace(
        ordered.map(name => ({
            uri: pathToFileURL(path.resolve('examples', name)).toString(),
            text: fs.readFileSync(path.join('examples', name), 'utf8'),
        })),
    );
    const chosen = workflowsOf(documents[0]).find(candidate => workflow === undefined || candidate.name === workflow)!;
    return buildGraph(documents[0], chosen);
}

/** `length` nodes, one after the other, each handed to the next of `lanes` teams: a very long, thin diagram. */
export function chainGraph(length: number, lanes = 3, workflow = 'Chain'): WorkflowGraph {
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
    const nodes: DiagramNode[] = Array.from({ length }, (_, index) => ({
        id: `S${index}`,
        kind: index === length - 1 ? 'end' : 'step',
        name: `S${index}`,
        title: index === length - 1 ? 'Done' : `Step number ${index}`,
        owner: `Team${index % lanes}.Worker`,
        lane: `Team${index % lanes}`,
        systems: [],
        duration: '1h',
        minutes: 60,
        start: index === 0,
        critical: true,
        range,
        nameRange: range,
        findings: [],
    }));
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

export function model(
    graph: WorkflowGraph | undefined,
    extra: Partial<Extract<ToWebview, { type: 'model' }>> & { direction?: Direction } = {},
): ToWebview {
    return {
        type: 'model',
        uri: graph?.uri ?? 'file:///workspace/flow.workflow',
        graph,
        syntaxErrors: 0,
        direction: 'RIGHT',
        fileName: 'flow.workflow',
        workflows: graph ? [{ name: graph.workflow, title: graph.title }] : [],
        ...extra,
    };
}
