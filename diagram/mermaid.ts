/**
 * A Mermaid flowchart of a workflow graph, for documentation: one subgraph per team, shapes by
 * kind, hand-offs as thick arrows labelled with their channel, the critical path highlighted.
 */
import type { DiagramNode, WorkflowGraph } from '../protocol/graph-model.js';

/** Line breaks and other control characters, which neither a label nor a YAML line can hold. */
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]+/g;

/**
 * Node, subgraph and edge labels are quoted; quotes, markup-like characters and the backtick
 * (which would start a Markdown string) become Mermaid's entity codes (`#34;`), which Mermaid
 * decodes in every label.
 */
export function label(text: string): string {
    return `"${text.replace(CONTROL, ' ').replace(/["<>&#`]/g, character => `#${character.codePointAt(0)};`)}"`;
}

/**
 * Characters the title cannot show: Mermaid passes the front-matter title through its HTML
 * sanitizer and then draws the sanitizer's output as plain text, so `&` would read `&amp;` and
 * `<b>` would vanish or stay as markup. They become their full-width forms, which read the same.
 */
const TITLE_LOOKALIKES: Record<string, string> = { '&': '\uFF06', '<': '\uFF1C', '>': '\uFF1E', '\u00A0': ' ' };

/**
 * The front matter is YAML, where Mermaid's entity codes are not decoded: the title is a YAML
 * double-quoted scalar, with its own escapes for the backslash and the quote.
 */
function yamlTitle(text: string): string {
    const shown = text.replace(CONTROL, ' ').replace(/[&<>\u00A0]/g, character => TITLE_LOOKALIKES[character]);
    return `"${shown.replace(/[\\"]/g, character => `\\${character}`)}"`;
}

const nodeId = (name: string) => `n_${name}`;

function shape(node: DiagramNode): string {
    const text = label(node.title ?? node.name);
    switch (node.kind) {
        case 'decision':
            return `${nodeId(node.id)}{${text}}`;
        case 'end':
            return `${nodeId(node.id)}([${text}])`;
        default:
            return node.calls !== undefined ? `${nodeId(node.id)}[[${text}]]` : `${nodeId(node.id)}[${text}]`;
    }
}

export function toMermaid(graph: WorkflowGraph, direction: 'LR' | 'TB' = 'LR'): string {
    const lines = [`---`, `title: ${yamlTitle(graph.title ?? graph.workflow)}`, `---`, `flowchart ${direction}`];
    graph.lanes.forEach((lane, index) => {
        lines.push(`  subgraph lane_${index}[${label(lane.label)}]`);
        // A subgraph that no edge leaves is laid out in its own direction, top to bottom unless
        // told: with one lane that is the whole diagram. With edges between lanes Mermaid
        // ignores this line and the subgraph follows the chart.
        lines.push(`    direction ${direction}`);
        for (const node of graph.nodes.filter(n => n.lane === lane.id)) lines.push(`    ${shape(node)}`);
        lines.push('  end');
    });
    graph.edges.forEach(edge => {
        const parts = [edge.label, edge.channel !== undefined ? `via ${edge.channel}` : edge.handoff ? '⚠ no channel' : undefined].filter(
            Boolean,
        );
        const text = parts.length > 0 ? `|${label(parts.join(' · '))}|` : '';
        const arrow = edge.handoff ? (edge.channel !== undefined ? '==>' : '-.->') : '-->';
        lines.push(`  ${nodeId(edge.from)} ${arrow}${text} ${nodeId(edge.to)}`);
    });
    const automated = graph.nodes.filter(node => node.automatedBy !== undefined).map(node => nodeId(node.id));
    const critical = graph.nodes.filter(node => node.critical).map(node => nodeId(node.id));
    const flagged = graph.nodes
        .filter(node => node.findings.some(f => f.severity === 'error' || f.severity === 'warning'))
        .map(node => nodeId(node.id));
    lines.push('  classDef automated stroke-dasharray: 5 3');
    lines.push('  classDef critical stroke:#d9480f,stroke-width:3px');
    lines.push('  classDef finding stroke:#d32f2f,stroke-width:2px');
    if (automated.length > 0) lines.push(`  class ${automated.join(',')} automated`);
    if (critical.length > 0) lines.push(`  class ${critical.join(',')} critical`);
    if (flagged.length > 0) lines.push(`  class ${flagged.join(',')} finding`);
    return lines.join('\n') + '\n';
}
