/** Hand-made graph models for the layout and webview tests. */
import type { DiagramNode } from '../protocol/graph-model.js';

/** A source range for nodes that stand for no text. */
export const RANGE = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };

/** A node of a hand-made graph: a step named after its id, of no time, not the start, not critical, without findings, unless told. */
export function diagramNode(fields: Pick<DiagramNode, 'id' | 'lane'> & Partial<DiagramNode>): DiagramNode {
    return {
        kind: 'step',
        name: fields.id,
        systems: [],
        minutes: 0,
        start: false,
        critical: false,
        range: RANGE,
        nameRange: RANGE,
        findings: [],
        ...fields,
    };
}
