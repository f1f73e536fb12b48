/**
 * What `render --format json` prints: the graph model of one workflow, mapped for readers outside
 * the editor. The language server sends the preview the model itself (`protocol/graph-model.ts`);
 * this form differs where a file on disk needs it to:
 *
 * - `version` says which shape this is; `schemas/graph.schema.json` (its `$id` below) describes it;
 * - `file` is the path as `validate` prints it (relative to the current folder), not a URI;
 * - ranges are 1-based `line`, `column`, `endLine`, `endColumn`, as `validate` prints them
 *   (the end column is just after the last character);
 * - edges say `default: true` for a decision's `otherwise` and `back: true` for a rework loop.
 *
 * A new optional field keeps the version; removing or changing one raises it.
 */
import type { DiagramEdge, DiagramNode, Escalation, Finding, TextRange, WorkflowGraph } from '../protocol/graph-model.js';
import { reworkEdges } from '../diagram/flow-structure.js';

export const GRAPH_JSON_VERSION = 1;
export const GRAPH_SCHEMA_ID = 'urn:workflow-architect:schemas:graph.schema.json';

export interface JsonRange {
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
}

export interface GraphJson {
    version: number;
    file: string;
    workflow: string;
    title?: string;
    owner?: string;
    trigger?: string;
    summary: string;
    sla?: WorkflowGraph['sla'];
    criticalPath?: WorkflowGraph['criticalPath'];
    lanes: WorkflowGraph['lanes'];
    nodes: Array<
        Omit<DiagramNode, 'range' | 'nameRange' | 'escalations'> & { escalations: Escalation[]; range: JsonRange; nameRange: JsonRange }
    >;
    edges: Array<Omit<DiagramEdge, 'otherwise'> & { default?: true; back?: true }>;
    findings: Finding[];
}

function range({ start, end }: TextRange): JsonRange {
    return { line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}

export function graphJson(graph: WorkflowGraph, file: string): GraphJson {
    const back = reworkEdges(graph);
    return {
        version: GRAPH_JSON_VERSION,
        file,
        workflow: graph.workflow,
        title: graph.title,
        owner: graph.owner,
        trigger: graph.trigger,
        summary: graph.summary,
        sla: graph.sla,
        criticalPath: graph.criticalPath,
        lanes: graph.lanes,
        nodes: graph.nodes.map(node => ({
            ...node,
            escalations: node.escalations ?? [],
            range: range(node.range),
            nameRange: range(node.nameRange),
        })),
        edges: graph.edges.map(({ otherwise, ...edge }) => ({
            ...edge,
            ...(otherwise ? { default: true as const } : {}),
            ...(back.has(edge.id) ? { back: true as const } : {}),
        })),
        findings: graph.findings,
    };
}
