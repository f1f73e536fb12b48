/**
 * A very large diagram drawn only where it is looked at. Styling and laying out tens of thousands
 * of SVG elements takes the browser seconds in one task whichever way they are added (measured in
 * Chromium's trace: at 5,000 nodes, 62,000 elements), so past `WINDOWED_FROM` members the preview
 * draws the lanes, edges and nodes near the view, in slices, and draws more as the view moves.
 * What was drawn stays drawn; exports still write the whole diagram from the layout.
 */
import type { Box } from '../protocol/diagram-layout.js';
import type { DeferredGroup, DiagramParts } from '../diagram/svg.js';
import { isDeferred } from '../diagram/svg.js';
import { SLICE_MS, toDom } from './dom-render.js';

/** From this many lanes, edges and nodes on (about 2,000 nodes), the preview draws what is in view. */
export const WINDOWED_FROM = 4000;

/** The number of lanes, edges and nodes a diagram draws. */
export function memberCount({ parts }: DiagramParts): number {
    return parts.reduce((count, part) => count + (isDeferred(part) ? part.size : 0), 0);
}

interface Group {
    readonly part: DeferredGroup;
    readonly element: SVGElement;
    readonly drawn: Uint8Array;
}

function overlaps(a: Box, b: Box): boolean {
    return a.x <= b.x + b.width && b.x <= a.x + a.width && a.y <= b.y + b.height && b.y <= a.y + a.height;
}

export class WindowedDrawing {
    readonly element: SVGElement;
    private readonly groups: Group[] = [];
    private pending: Box | undefined;
    private running = false;
    private disposed = false;

    /** `onDrawn` is called with each member's element as it is drawn (to mark selection and highlight). */
    constructor(
        { root, parts }: DiagramParts,
        private readonly onDrawn: (element: SVGElement) => void,
        private readonly now: () => number = () => performance.now(),
        private readonly yieldNow: () => Promise<void> = () => new Promise(resolve => setTimeout(resolve, 0)),
    ) {
        this.element = toDom(root);
        for (const part of parts) {
            if (!isDeferred(part)) {
                this.element.appendChild(toDom(part));
                continue;
            }
            const element = this.element.appendChild(toDom(part.group));
            this.groups.push({ part, element, drawn: new Uint8Array(part.size) });
        }
    }

    /** Draws what lies within `view` (diagram coordinates), in slices; a newer view replaces a pending one. */
    show(view: Box): void {
        this.pending = view;
        if (!this.running) void this.run();
    }

    /** Stops drawing: a newer diagram replaced this one. */
    dispose(): void {
        this.disposed = true;
    }

    /** How many members are drawn so far (for tests). */
    get drawnCount(): number {
        return this.groups.reduce((count, group) => count + group.drawn.reduce((sum, drawn) => sum + drawn, 0), 0);
    }

    private async run(): Promise<void> {
        this.running = true;
        try {
            while (this.pending && !this.disposed) {
                const view = this.pending;
                this.pending = undefined;
                await this.drawWithin(view);
            }
        } finally {
            this.running = false;
        }
    }

    /** Returns early when a newer view arrived (the loop in `run` draws that one instead). */
    private async drawWithin(view: Box): Promise<void> {
        let sliceStart = this.now();
        for (const { part, element, drawn } of this.groups) {
            for (let index = 0; index < part.size; index++) {
                if (drawn[index] || !overlaps(part.bounds(index), view)) continue;
                if (this.now() - sliceStart > SLICE_MS) {
                    await this.yieldNow();
                    if (this.disposed || this.pending) return;
                    sliceStart = this.now();
                }
                const member = element.appendChild(toDom(part.member(index)));
                drawn[index] = 1;
                this.onDrawn(member);
            }
        }
    }
}
