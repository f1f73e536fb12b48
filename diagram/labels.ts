/** Text measures and label contents shared by the layout (which places labels) and the SVG (which draws them). */
import type { DiagramEdge } from '../protocol/graph-model.js';

/** Average advance of a 11–12px system-ui character: enough to size boxes and truncate text. */
export const CHAR_WIDTH = 6.6;
/** Labels sit in the gap between layers, which is this many characters wide. */
export const LABEL_CHARS = 18;
export const LABEL_LINE_HEIGHT = 14;

export function truncate(text: string, max: number): string {
    const chars = [...text];
    return chars.length <= max ? text : `${chars.slice(0, Math.max(1, max - 1)).join('')}…`;
}

/** Up to two lines: the branch condition, then the channel (or the missing one). */
export function edgeLabelLines(edge: DiagramEdge): string[] {
    const lines: string[] = [];
    if (edge.label !== undefined) lines.push(truncate(edge.label, LABEL_CHARS));
    if (edge.channel !== undefined) lines.push(truncate(`via ${edge.channel}`, LABEL_CHARS));
    else if (edge.handoff) lines.push('⚠ no channel');
    return lines;
}

export function labelSize(lines: string[]): { width: number; height: number } {
    return {
        width: Math.max(0, ...lines.map(line => [...line].length)) * CHAR_WIDTH + 10,
        height: lines.length * LABEL_LINE_HEIGHT + 4,
    };
}
