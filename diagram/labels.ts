/**
 * Text measures and text fitting shared by the layout (which places labels), the SVG (which draws
 * them) and the quality checker (which finds labels that cover something and texts that are cut).
 * Keeping the fitting here is what makes the checker agree with the drawing.
 */
import type { Box, Point } from '../protocol/diagram-layout.js';
import type { DiagramEdge, DiagramNode } from '../protocol/graph-model.js';

/** Average advance of a 11–12px system-ui character: enough to size boxes and truncate text. */
export const CHAR_WIDTH = 6.6;
/** Labels sit in the gap between layers, which is this many characters wide. */
export const LABEL_CHARS = 18;
export const LABEL_LINE_HEIGHT = 14;

/** A text as written and the lines it is drawn as; `cut` when something had to be left out. */
export interface FittedText {
    readonly text: string;
    readonly lines: string[];
    readonly cut: boolean;
}

export function truncate(text: string, max: number): string {
    const chars = [...text];
    return chars.length <= max ? text : `${chars.slice(0, Math.max(1, max - 1)).join('')}…`;
}

function fitLine(text: string, max: number): FittedText {
    const line = truncate(text, max);
    return { text, lines: [line], cut: line !== text };
}

/** Up to two lines: the branch condition, then the channel (or the missing one). */
export function fitEdgeLabel(edge: DiagramEdge): FittedText[] {
    const lines: FittedText[] = [];
    if (edge.label !== undefined) lines.push(fitLine(edge.label, LABEL_CHARS));
    if (edge.channel !== undefined) lines.push(fitLine(`via ${edge.channel}`, LABEL_CHARS));
    else if (edge.handoff) lines.push(fitLine('⚠ no channel', LABEL_CHARS));
    return lines;
}

export function edgeLabelLines(edge: DiagramEdge): string[] {
    return fitEdgeLabel(edge).flatMap(fitted => fitted.lines);
}

export function labelSize(lines: string[]): { width: number; height: number } {
    return {
        width: Math.max(0, ...lines.map(line => [...line].length)) * CHAR_WIDTH + 10,
        height: lines.length * LABEL_LINE_HEIGHT + 4,
    };
}

/** The box an edge label is drawn in: its lines' size, centred on the edge's `labelAt`. */
export function labelBox(lines: string[], at: Point): Box {
    const { width, height } = labelSize(lines);
    return { x: at.x - width / 2, y: at.y - height / 2, width, height };
}

/** A lane header's label and, when it says more than the label, its title, fitted to the header's width. */
export function fitLaneHeader(lane: { readonly label: string; readonly title?: string }, header: Box): { label: FittedText; title?: FittedText } {
    const maxChars = Math.floor((header.width - 16) / (CHAR_WIDTH + 0.6));
    return {
        label: fitLine(lane.label, maxChars),
        title: lane.title !== undefined && lane.title !== lane.label ? fitLine(lane.title, maxChars + 2) : undefined,
    };
}

/** A node's title, word-wrapped to its shape, and its detail line (owner or system, calls, duration). */
export function fitNodeText(node: DiagramNode, box: Box): { title: FittedText; detail?: FittedText } {
    const textWidth = node.kind === 'decision' ? box.width * 0.62 : box.width - 18;
    const maxChars = Math.max(6, Math.floor(textWidth / CHAR_WIDTH));
    const text = node.title ?? node.name;
    const lines = wrap(text, maxChars, node.kind === 'end' ? 1 : 2);
    const detail = nodeDetail(node);
    return {
        title: { text, lines, cut: lines.join(' ') !== text.split(/\s+/).filter(Boolean).join(' ') },
        detail: detail !== undefined ? fitLine(detail, maxChars + 3) : undefined,
    };
}

function nodeDetail(node: DiagramNode): string | undefined {
    if (node.kind === 'end') return undefined;
    const parts: string[] = [];
    if (node.automatedBy !== undefined) parts.push(`⚙ ${node.automatedBy}`);
    else if (node.owner !== undefined) parts.push(node.owner.includes('.') ? node.owner.slice(node.owner.indexOf('.') + 1) : node.owner);
    if (node.calls !== undefined) parts.push(`↪ ${node.calls}`);
    if (node.duration !== undefined) parts.push(node.duration);
    return parts.length > 0 ? parts.join(' · ') : undefined;
}

/** Word-wraps text into at most `maxLines` lines of `maxChars`; what does not fit ends the last line with `…`. */
export function wrap(text: string, maxChars: number, maxLines: number): string[] {
    const words = text.split(/\s+/).filter(Boolean);
    const lines: string[] = [];
    let current = '';
    let index = 0;
    for (; index < words.length && lines.length < maxLines - 1; index++) {
        const candidate = current ? `${current} ${words[index]}` : words[index];
        if ([...candidate].length <= maxChars || !current) {
            current = candidate;
        } else {
            lines.push(current);
            current = words[index];
        }
    }
    const rest = [current, ...words.slice(index)].filter(Boolean).join(' ');
    if (rest) lines.push(rest);
    return lines.map(line => truncate(line, maxChars));
}
