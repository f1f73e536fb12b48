/**
 * Text measures and text fitting shared by the layout (which places labels), the SVG (which draws
 * them) and the quality checker (which finds labels that cover something and texts that are cut).
 * Keeping the fitting here is what makes the checker agree with the drawing.
 */
import type { Box, Point } from '../protocol/diagram-layout.js';
import type { DiagramEdge, DiagramNode } from '../protocol/graph-model.js';

/** Average advance of a 11–12px system-ui character: enough to size boxes and truncate text. */
export const CHAR_WIDTH = 6.6;
/** The same for node titles, which are semi-bold: measured wider than the regular estimate in Chromium. */
export const TITLE_CHAR_WIDTH = 7.3;
/** Labels sit in the gap between layers, which is this many characters wide. */
export const LABEL_CHARS = 14;
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

/**
 * The branch condition, then the channel (or the missing one), each word-wrapped to `LABEL_CHARS`:
 * the layout reserves room for every line, so nothing is left out.
 */
export function fitEdgeLabel(edge: DiagramEdge): FittedText[] {
    const lines: FittedText[] = [];
    if (edge.label !== undefined) lines.push(wrapWhole(edge.label, LABEL_CHARS));
    if (edge.channel !== undefined) lines.push(wrapWhole(`via ${edge.channel}`, LABEL_CHARS));
    else if (edge.handoff) lines.push(wrapWhole('⚠ no channel', LABEL_CHARS));
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

/** Line height of lane header texts, as `svg.ts` draws them. */
export const LANE_LINE_HEIGHT = 15;

/**
 * A lane header's label and, when it says more than the label, its title, word-wrapped to the
 * header's width and to as many lines as its height holds (the layout makes lanes tall or wide
 * enough for all of them); only what still does not fit is cut.
 */
export function fitLaneHeader(
    lane: { readonly label: string; readonly title?: string },
    header: Box,
): { label: FittedText; title?: FittedText } {
    const maxChars = Math.max(4, Math.floor((header.width - 16) / (CHAR_WIDTH + 0.6)));
    const room = Math.max(1, Math.floor((header.height - 8) / LANE_LINE_HEIGHT));
    const hasTitle = lane.title !== undefined && lane.title !== lane.label;
    const label = wrapWhole(lane.label, maxChars, hasTitle ? Math.max(1, room - 1) : room);
    const title = hasTitle ? wrapWhole(lane.title!, maxChars + 2, Math.max(1, room - label.lines.length)) : undefined;
    return { label, title };
}

/** How many header lines a lane's texts take at a header width, unlimited. */
export function laneHeaderLines(lane: { readonly label: string; readonly title?: string }, headerWidth: number): number {
    const fitted = fitLaneHeader(lane, { x: 0, y: 0, width: headerWidth, height: 1e6 });
    return fitted.label.lines.length + (fitted.title?.lines.length ?? 0);
}

/** The characters of the longest word of a text (wrapping never goes below it without breaking the word). */
export function charCount(text: string): number {
    return [...text].length;
}

/** Room a node's text needs: the box is sized by the layout (`nodeTextBox`) so that nothing is cut. */
function nodeTextWidth(kind: DiagramNode['kind'], width: number, height: number): number {
    // A pill's round ends hold no text.
    if (kind === 'end') return width - Math.min(width, height) - 4;
    return kind === 'decision' ? width * 0.62 : width - 18;
}

/** A node's title, word-wrapped to its shape, and its detail line (owner or system, calls, duration). */
export function fitNodeText(node: DiagramNode, box: Box): { title: FittedText; detail?: FittedText } {
    const { titleChars, detailChars } = charsPerLine(nodeTextWidth(node.kind, box.width, box.height));
    const text = node.title ?? node.name;
    const detail = nodeDetail(node);
    const room = Math.max(1, Math.floor(nodeTextHeight(node.kind, box.height) / NODE_LINE_HEIGHT));
    const fittedDetail = detail !== undefined ? wrapWhole(detail, detailChars, Math.max(1, room - 1)) : undefined;
    const title = wrapWhole(text, titleChars, Math.max(1, room - (fittedDetail?.lines.length ?? 0)));
    return { title, detail: fittedDetail };
}

/** How many characters of a node's title and of its (smaller, regular) detail line fit a width. */
function charsPerLine(width: number): { titleChars: number; detailChars: number } {
    return { titleChars: Math.max(6, Math.floor(width / TITLE_CHAR_WIDTH)), detailChars: Math.max(6, Math.floor(width / CHAR_WIDTH)) + 3 };
}

/** Line height of node texts, as `svg.ts` draws them. */
export const NODE_LINE_HEIGHT = 15;

/** The height inside a node's shape that holds lines of text. */
function nodeTextHeight(kind: DiagramNode['kind'], height: number): number {
    // A diamond is narrow towards its vertices: lines fit in its middle part only.
    if (kind === 'decision') return height * 0.4 + 2;
    if (kind === 'end') return height - 8;
    return height - 10;
}

/**
 * The smallest box, at least `min`, that holds a node's whole text: wider first, so a title takes
 * at most three lines, then taller.
 */
export function nodeTextBox(node: DiagramNode, min: { width: number; height: number }): { width: number; height: number } {
    const text = node.title ?? node.name;
    const detail = nodeDetail(node);
    const maxLines = node.kind === 'end' ? 1 : 3;
    let width = min.width;
    let lines = 0;
    // Grown a few pixels at a time, so that no column is wider than its widest text needs.
    for (let attempt = 0; attempt < 30; attempt++) {
        const { titleChars, detailChars } = charsPerLine(nodeTextWidth(node.kind, width, min.height));
        const titleLines = wrapWhole(text, titleChars).lines.length;
        const detailLines = detail !== undefined ? wrapWhole(detail, detailChars).lines.length : 0;
        lines = titleLines + detailLines;
        if (titleLines <= maxLines && detailLines <= 1) break;
        width += 8;
    }
    let height = min.height;
    while (Math.floor(nodeTextHeight(node.kind, height) / NODE_LINE_HEIGHT) < lines) height += 4;
    return { width, height };
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
    return wrapWhole(text, maxChars, maxLines).lines;
}

/**
 * Word-wraps a text into lines of at most `maxChars` (a longer word is split), and at most
 * `maxLines` of them: when more are needed the last one ends with `…` and the text is `cut`.
 */
export function wrapWhole(text: string, maxChars: number, maxLines = Infinity): FittedText {
    const words = text
        .split(/\s+/)
        .filter(Boolean)
        .flatMap(word => {
            const chars = [...word];
            if (chars.length <= maxChars) return [word];
            const parts: string[] = [];
            for (let i = 0; i < chars.length; i += maxChars) parts.push(chars.slice(i, i + maxChars).join(''));
            return parts;
        });
    const lines: string[] = [];
    let current = '';
    for (const word of words) {
        const candidate = current ? `${current} ${word}` : word;
        if (!current || [...candidate].length <= maxChars) current = candidate;
        else {
            lines.push(current);
            current = word;
        }
    }
    if (current) lines.push(current);
    if (lines.length === 0) lines.push('');
    if (lines.length <= maxLines) return { text, lines, cut: false };
    const kept = lines.slice(0, Math.max(1, maxLines));
    kept[kept.length - 1] = truncate(`${kept[kept.length - 1]} ${lines[kept.length]}`, maxChars);
    if (!kept[kept.length - 1].endsWith('…')) kept[kept.length - 1] = `${truncate(kept[kept.length - 1], maxChars - 1)}…`;
    return { text, lines: kept, cut: true };
}
