/**
 * Draws a diagram into the live page a few members (lanes, edges, nodes) at a time. Building the
 * DOM is the small part: Chromium's style recalculation and layout of the new elements is what
 * takes long, and it happens in whichever task next needs them. So each slice appends some
 * members and then asks for layout itself (reading the root's box), measures the whole slice,
 * and sizes the next one to stay near `SLICE_TARGET_MS`: no task of the drawing styles and lays
 * out more than a slice's worth of elements, whatever the diagram's size (a trace of the old way,
 * building all of it off the page and attaching it, showed one task of 60 ms at 100 nodes and of
 * a second at 5,000).
 *
 * From `WINDOWED_FROM` members on, only what lies near the view is drawn (the view plus
 * `VIEW_MARGIN` of it on each side), and more as the view moves; what was drawn stays drawn.
 * Exports still write the whole diagram from the layout.
 */
import type { Box } from '../protocol/diagram-layout.js';
import type { DeferredGroup, DiagramParts } from '../diagram/svg.js';
import { isDeferred } from '../diagram/svg.js';
import { toDom } from './dom-render.js';

/** From this many lanes, edges and nodes on (about 200 nodes), the preview draws what is near the view. */
export const WINDOWED_FROM = 400;

/** How much of the view's width and height is drawn beyond each of its sides. */
export const VIEW_MARGIN = 0.5;

/** What one slice (building, style and layout) aims to take; the member count per slice follows it. */
export const SLICE_TARGET_MS = 10;
/** A slice's own script stops here whatever it was estimated to take. */
const SLICE_SCRIPT_MS = 8;
/** The first guess of what a member costs, in milliseconds: a slice starts small and learns. */
const FIRST_MEMBER_MS = 0.5;
const MIN_MEMBER_MS = 0.005;

/** The number of lanes, edges and nodes a diagram draws. */
export function memberCount({ parts }: DiagramParts): number {
    return parts.reduce((count, part) => count + (isDeferred(part) ? part.size : 0), 0);
}

/** A view grown by `VIEW_MARGIN` on each side: what a windowed drawing draws for it. */
export function withMargin(view: Box): Box {
    const dx = view.width * VIEW_MARGIN;
    const dy = view.height * VIEW_MARGIN;
    return { x: view.x - dx, y: view.y - dy, width: view.width + 2 * dx, height: view.height + 2 * dy };
}

export function overlaps(a: Box, b: Box): boolean {
    return a.x <= b.x + b.width && b.x <= a.x + a.width && a.y <= b.y + b.height && b.y <= a.y + a.height;
}

interface Group {
    readonly part: DeferredGroup;
    readonly element: SVGElement;
    readonly drawn: Uint8Array;
    /**
     * What drawing one member of this group was measured to cost (build, style, layout), in
     * milliseconds: lanes, edges and nodes differ several times over (text is what costs).
     */
    memberMs: number;
    /** Members of it drawn in the present slice. */
    inSlice: number;
    /** Each member's bounds (x, y, width, height), worked out as the drawing first passes it. */
    readonly bounds: Float64Array;
    boundsKnown: number;
}

export interface DrawingOptions {
    /** Draw only near the view (see `WINDOWED_FROM`); otherwise every member, whatever the view. */
    readonly windowed: boolean;
    /** Called with each member's element as it is drawn (to mark selection, highlight, shading). */
    readonly onDrawn?: (element: SVGElement) => void;
    readonly now?: () => number;
    readonly yieldNow?: () => Promise<void>;
}

/** A drawing this small is removed in one go; a larger one a slice at a time. */
const REMOVE_AT_ONCE = 300;

export class Drawing {
    /**
     * The diagram's HTML layer: while `hidden` it is clipped to nothing (laid out, not painted, not
     * clickable). The clip is on this wrapper, not the SVG: any change of the SVG root's style
     * (its visibility, opacity, clip or transform) has Chromium lay out all of the diagram again.
     */
    readonly layer: HTMLDivElement;
    readonly element: SVGSVGElement;
    readonly windowed: boolean;
    private readonly groups: Group[] = [];
    /** The area asked for last and not yet drawn; `null` asks for everything. */
    private pending: Box | null | undefined;
    private running: Promise<boolean> | undefined;
    private disposed = false;
    private readonly onDrawn: (element: SVGElement) => void;
    private readonly now: () => number;
    private readonly yieldNow: () => Promise<void>;

    constructor({ root, parts }: DiagramParts, options: DrawingOptions) {
        this.windowed = options.windowed;
        this.onDrawn = options.onDrawn ?? (() => undefined);
        this.now = options.now ?? (() => performance.now());
        this.yieldNow = options.yieldNow ?? (() => new Promise(resolve => setTimeout(resolve, 0)));
        this.layer = document.createElement('div');
        this.layer.className = 'wa-layer';
        this.element = this.layer.appendChild(toDom(root) as SVGSVGElement);
        for (const part of parts) {
            if (!isDeferred(part)) {
                this.element.appendChild(toDom(part));
                continue;
            }
            const element = this.element.appendChild(toDom(part.group));
            this.groups.push({
                part,
                element,
                drawn: new Uint8Array(part.size),
                memberMs: FIRST_MEMBER_MS,
                inSlice: 0,
                bounds: new Float64Array(part.size * 4),
                boundsKnown: 0,
            });
        }
    }

    /**
     * Draws, in slices, what lies within `view` (diagram coordinates, before the margin) — all of
     * the diagram when it is not windowed or `view` is undefined. A newer view replaces one not yet
     * drawn. Resolves when nothing is left to draw: true, or false when the drawing was disposed.
     * The element must be in the page by then, so that each slice's layout happens in the slice.
     */
    show(view: Box | undefined): Promise<boolean> {
        this.pending = this.windowed && view ? withMargin(view) : null;
        this.running ??= this.run().finally(() => (this.running = undefined));
        return this.running;
    }

    set hidden(hidden: boolean) {
        this.layer.classList.toggle('wa-pending', hidden);
    }

    /** Stops drawing: a newer diagram replaced this one, or it was dropped. */
    dispose(): void {
        this.disposed = true;
        this.pending = undefined;
    }

    /**
     * Stops drawing and takes the diagram off the page: hidden at once, then, if large, removed a
     * slice of members at a time (removing thousands of elements at once is itself a long task).
     */
    async discard(): Promise<void> {
        this.dispose();
        this.hidden = true;
        if (this.drawnCount > REMOVE_AT_ONCE) {
            for (const { element } of this.groups) {
                while (element.lastChild) {
                    for (let count = 0; count < REMOVE_AT_ONCE && element.lastChild; count++) element.lastChild.remove();
                    await this.yieldNow();
                }
            }
        }
        this.layer.remove();
    }

    /** Whether a newer diagram replaced this one, or it was dropped. */
    get stopped(): boolean {
        return this.disposed;
    }

    get busy(): boolean {
        return this.running !== undefined;
    }

    /** How many members are drawn so far. */
    get drawnCount(): number {
        return this.groups.reduce((count, group) => count + group.drawn.reduce((sum, drawn) => sum + drawn, 0), 0);
    }

    /**
     * Draws at once the node with this id if it is not drawn yet (a click from the editor on a node
     * out of view); returns its element, or undefined when the diagram has no such node.
     */
    drawNode(id: string): SVGElement | undefined {
        const nodes = this.groups.find(group => group.element.classList.contains('wa-nodes'));
        if (!nodes) return undefined;
        // Found by id without building every member before it.
        for (let index = 0; index < nodes.part.size; index++) {
            if (nodes.part.key(index) === id) return nodes.drawn[index] ? undefined : this.append(nodes, index);
        }
        return undefined;
    }

    private append(group: Group, index: number): SVGElement {
        const element = group.element.appendChild(toDom(group.part.member(index)));
        group.drawn[index] = 1;
        this.onDrawn(element);
        return element;
    }

    private async run(): Promise<boolean> {
        // Not in the caller's task: that one has work of its own (receiving a layout, showing a diagram).
        await this.yieldNow();
        while (this.pending !== undefined && !this.disposed) {
            const area = this.pending;
            this.pending = undefined;
            await this.drawWithin(area);
        }
        return !this.disposed;
    }

    /** Returns early when a newer view arrived (the loop in `run` draws that one instead). */
    private async drawWithin(area: Box | null): Promise<void> {
        let sliceStart = this.now();
        let estimate = 0;
        for (const group of this.groups) {
            const { part, drawn } = group;
            for (let index = 0; index < part.size; index++) {
                // Passing over thousands of members out of view takes time too.
                if ((index & 255) === 255 && this.now() - sliceStart > SLICE_SCRIPT_MS) {
                    if (estimate > 0) this.endSlice(sliceStart, estimate);
                    await this.yieldNow();
                    if (this.disposed || this.pending !== undefined) return;
                    sliceStart = this.now();
                    estimate = 0;
                }
                if (drawn[index] || (area !== null && !this.within(group, index, area))) continue;
                if ((estimate > 0 && estimate + group.memberMs > SLICE_TARGET_MS) || this.now() - sliceStart > SLICE_SCRIPT_MS) {
                    this.endSlice(sliceStart, estimate);
                    await this.yieldNow();
                    if (this.disposed || this.pending !== undefined) return;
                    sliceStart = this.now();
                    estimate = 0;
                }
                this.append(group, index);
                group.inSlice++;
                estimate += group.memberMs;
            }
        }
        if (estimate > 0) this.endSlice(sliceStart, estimate);
    }

    private within(group: Group, index: number, area: Box): boolean {
        const { bounds } = group;
        while (group.boundsKnown <= index) {
            const box = group.part.bounds(group.boundsKnown);
            bounds.set([box.x, box.y, box.width, box.height], group.boundsKnown * 4);
            group.boundsKnown++;
        }
        const at = index * 4;
        return (
            bounds[at] <= area.x + area.width &&
            area.x <= bounds[at] + bounds[at + 2] &&
            bounds[at + 1] <= area.y + area.height &&
            area.y <= bounds[at + 1] + bounds[at + 3]
        );
    }

    /**
     * Styles and lays out the slice's members now, inside the slice, and corrects the cost per
     * member of the groups drawn in it by how far the slice's time was from its estimate.
     */
    private endSlice(sliceStart: number, estimate: number): void {
        if (this.element.isConnected) this.element.getBoundingClientRect();
        const ratio = Math.max(0.5, this.now() - sliceStart) / estimate;
        for (const group of this.groups) {
            if (group.inSlice === 0) continue;
            // Halfway to the measured cost: one slow slice (a collection, a busy core) does not halve the next.
            group.memberMs = Math.max(MIN_MEMBER_MS, group.memberMs * Math.sqrt(ratio));
            group.inSlice = 0;
        }
    }
}
