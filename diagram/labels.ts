/**
 * Text measures and text fitting shared by the layout (which places labels), the SVG (which draws
 * them) and the quality checker (which finds labels that cover something and texts that are cut).
 * Keeping the fitting here is what makes the checker agree with the drawing.
 */
import type { Box, Direction, Point } from '../protocol/diagram-layout.js';
import type { DiagramEdge, DiagramNode } from '../protocol/graph-model.js';

/** Average advance of a 11–12px system-ui character: enough to size boxes and truncate text. */
export const CHAR_WIDTH = 6.6;
/** The same for node titles, which are semi-bold: measured wider than the regular estimate in Chromium. */
export const TITLE_CHAR_WIDTH = 7.3;
/**
 * Labels sit in the gap between layers, right after their source, and take this many characters
 * a line. Left to right a label's width widens its gap; top to bottom it widens its source's side,
 * and with it a lane across the whole drawing, so there lines are shorter and more.
 */
export const LABEL_CHARS: Readonly<Record<Direction, number>> = { RIGHT: 14, DOWN: 11 };
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
 * The branch condition, then the channel (or the missing one), each word-wrapped to `LABEL_CHARS`
 * of the layout's direction (a longer word widens the lines up to the left-to-right ones before it
 * is split): the layout reserves room for every line, so nothing is left out.
 */
export function fitEdgeLabel(edge: DiagramEdge, direction: Direction): FittedText[] {
    // A word longer than the direction's lines widens them (up to the longest lines) rather than break.
    const wrap = (text: string) =>
        wrapWhole(text, Math.min(LABEL_CHARS.RIGHT, Math.max(LABEL_CHARS[direction], ...text.split(/\s+/).map(charCount))));
    const lines: FittedText[] = [];
    if (edge.label !== undefined) lines.push(wrap(edge.label));
    if (edge.channel !== undefined) lines.push(wrap(`via ${edge.channel}`));
    else if (edge.handoff) lines.push(wrap('⚠ no channel'));
    return lines;
}

export function edgeLabelLines(edge: DiagramEdge, direction: Direction): string[] {
    return fitEdgeLabel(edge, direction).flatMap(fitted => fitted.lines);
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
    return width - 18;
}

/** A node's title, word-wrapped to its shape, and its detail line (owner or system, calls, duration). */
export function fitNodeText(node: DiagramNode, box: Box): { title: FittedText; detail?: FittedText } {
    if (node.kind === 'decision') return fitDiamondText(node, box);
    const { titleChars, detailChars } = charsPerLine(nodeTextWidth(node.kind, box.width, box.height));
    const text = node.title ?? node.name;
    const detail = nodeDetail(node);
    const room = Math.max(1, Math.floor(nodeTextHeight(node.kind, box.height) / NODE_LINE_HEIGHT));
    const fittedDetail = detail !== undefined ? wrapWhole(detail, detailChars, Math.max(1, room - 1)) : undefined;
    const title = wrapWhole(text, titleChars, Math.max(1, room - (fittedDetail?.lines.length ?? 0)));
    return { title, detail: fittedDetail };
}

/**
 * How wide the lines of a diamond's text may be when it has `lines` of them: as wide as the
 * diamond is where the outer lines' glyphs reach, so fewer lines may each be longer.
 */
function diamondTextWidth(width: number, height: number, lines: number): number {
    const reach = (lines - 1) * NODE_LINE_HEIGHT + 12;
    return reach >= height ? 0 : Math.min(width * 0.66, width * (1 - reach / height) - 4);
}

/** The most lines a diamond of this height holds (each of them at least a few characters wide). */
function diamondRoom(height: number): number {
    return Math.max(1, Math.floor((height - 12) / NODE_LINE_HEIGHT));
}

/** A decision's text in its diamond: the fewest lines that hold it all, else as much as the most lines hold. */
function fitDiamondText(node: DiagramNode, box: Box): { title: FittedText; detail?: FittedText } {
    const text = node.title ?? node.name;
    const detail = nodeDetail(node);
    const room = diamondRoom(box.height);
    let fitted: { title: FittedText; detail?: FittedText } | undefined;
    for (let lines = 1; lines <= room; lines++) {
        const { titleChars, detailChars } = charsPerLine(diamondTextWidth(box.width, box.height, lines));
        const fittedDetail = detail !== undefined ? wrapWhole(detail, detailChars, Math.max(1, lines - 1)) : undefined;
        const title = wrapWhole(text, titleChars, Math.max(1, lines - (fittedDetail?.lines.length ?? 0)));
        fitted = { title, detail: fittedDetail };
        if (!title.cut && !fittedDetail?.cut) return fitted;
    }
    return fitted!;
}

/**
 * The box of a decision that holds its whole text, its title in at most three lines and its
 * detail in one: of the diamonds that do, the one whose size across the flow, which lanes are
 * made of, counts `CROSS_COST` times its size along it (`flat`: across is the height).
 */
function diamondTextBox(node: DiagramNode, min: { width: number; height: number }, flat: boolean): { width: number; height: number } {
    const text = node.title ?? node.name;
    const detail = nodeDetail(node);
    const detailWidth = detail !== undefined ? Math.max(0, charCount(detail) - 3) * CHAR_WIDTH : 0;
    const cost = (box: { width: number; height: number }) =>
        flat ? CROSS_COST * box.height + box.width : CROSS_COST * box.width + box.height;
    let best: { width: number; height: number } | undefined;
    for (let titleLines = 1; titleLines <= 3; titleLines++) {
        let chars = Math.max(6, Math.ceil(charCount(text) / titleLines));
        while (wrapWhole(text, chars).lines.length > titleLines) chars++;
        const lines = titleLines + (detail !== undefined ? 1 : 0);
        const textWidth = Math.max(chars * TITLE_CHAR_WIDTH, detailWidth) + 1;
        const reach = (lines - 1) * NODE_LINE_HEIGHT + 12;
        for (let height = Math.max(min.height, reach + 24); height <= Math.max(min.height, reach + 24) + 240; height += 2) {
            // The width at which the lines get `textWidth` (the 66 % cap holds for wide, low diamonds).
            const width = Math.ceil(Math.max(min.width, (textWidth + 4) / (1 - reach / height), textWidth / 0.66));
            if (diamondRoom(height) < lines) continue;
            const box = { width, height };
            if (!best || cost(box) < cost(best)) best = box;
        }
    }
    // Rounding may leave a line a character short: widen until the fitting agrees.
    const box = best!;
    for (let attempt = 0; attempt < 20; attempt++) {
        const fitted = fitDiamondText(node, { x: 0, y: 0, ...box });
        if (!fitted.title.cut && !fitted.detail?.cut) break;
        box.width += 2;
    }
    return box;
}

/** What a pixel of a decision across the flow costs against one along it (lanes run the whole drawing). */
const CROSS_COST = 2;

/** How many characters of a node's title and of its (smaller, regular) detail line fit a width. */
function charsPerLine(width: number): { titleChars: number; detailChars: number } {
    return { titleChars: Math.max(6, Math.floor(width / TITLE_CHAR_WIDTH)), detailChars: Math.max(6, Math.floor(width / CHAR_WIDTH)) + 3 };
}

/** Line height of node texts, as `svg.ts` draws them. */
export const NODE_LINE_HEIGHT = 15;

/** The height inside a node's shape that holds lines of text. */
function nodeTextHeight(kind: DiagramNode['kind'], height: number): number {
    if (kind === 'end') return height - 8;
    return height - 10;
}

/**
 * The smallest box, at least `min`, that holds a node's whole text: wider first, so a title takes
 * at most three lines, then taller. A decision's diamond is chosen by `diamondTextBox`, lower when
 * `flat` (left to right, where its height is what lanes are made of), else narrower.
 */
export function nodeTextBox(node: DiagramNode, min: { width: number; height: number }, flat = true): { width: number; height: number } {
    if (node.kind === 'decision') return diamondTextBox(node, min, flat);
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
