/**
 * A Mermaid flowchart of a workflow graph, for documentation: one subgraph per team, shapes by
 * kind, hand-offs as thick arrows labelled with their channel, the critical path highlighted.
 */
import type { DiagramNode, WorkflowGraph } from '../protocol/graph-model.js';

/** Mermaid labels are quoted; quotes and markup-like characters become entity codes. */
function label(text: string): string {
    return `"${text.replace(/["<>&#]/g, character => `#${character.codePointAt(0)};`).replace(/\r?\n/g, ' ')}"`;
}

const nodeId = (name: string) => `n_${name}`;

function shape(node: DiagramNode): string {
    const text = label(node.title ?? node.name);
    switch (node.kind) {
        case 'decision': return `${nodeId(node.id)}{${text}}`;
        case 'end': return `${nodeId(node.id)}([${text}])`;
        default: return node.calls !== undefined ? `${nodeId(node.id)}[[${text}]]` : `${nodeId(node.id)}[${text}]`;
    }
}

export function toMermaid(graph: WorkflowGraph, direction: 'LR' | 'TB' = 'LR'): string {
    const lines = [`---`, `title: ${label(graph.title ?? graph.workflow)}`, `---`, `flowchart ${direction}`];
    graph.lanes.forEach((lane, index) => {
        lines.push(`  subgraph lane_${index}[${label(lane.label)}]`);
        for (const node of graph.nodes.filter(n => n.lane === lane.id)) lines.push(`    ${shape(node)}`);
        lines.push('  end');
    });
    graph.edges.forEach(edge => {
        const parts = [edge.label, edge.channel !== undefined ? `via ${edge.channel}` : edge.handoff ? '⚠ no channel' : undefined].filter(Boolean);
        const text = parts.length > 0 ? `|${label(parts.join(' · '))}|` : '';
        const arrow = edge.handoff ? (edge.channel !== undefined ? '==>' : '-.->') : '-->';
        lines.push(`  ${nodeId(edge.from)} ${arrow}${text} ${nodeId(edge.to)}`);
    });
    const automated = graph.nodes.filter(node => node.automatedBy !== undefined).map(node => nodeId(node.id));
    const critical = graph.nodes.filter(node => node.critical).map(node => nodeId(node.id));
    const flagged = graph.nodes.filter(node => node.findings.some(f => f.severity === 'error' || f.severity === 'warning')).map(node => nodeId(node.id));
    lines.push('  classDef automated stroke-dasharray: 5 3');
    lines.push('  classDef critical stroke:#d9480f,stroke-width:3px');
    lines.push('  classDef finding stroke:#d32f2f,stroke-width:2px');
    if (automated.length > 0) lines.push(`  class ${automated.join(',')} automated`);
    if (critical.length > 0) lines.push(`  class ${critical.join(',')} critical`);
    if (flagged.length > 0) lines.push(`  class ${flagged.join(',')} finding`);
    return lines.join('\n') + '\n';
}
