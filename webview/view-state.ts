/**
 * Zoom and pan of the diagram: a translate-and-scale on the element that holds the SVG, kept in
 * the webview's state so it survives updates and window reloads.
 */

export interface ViewState {
    zoom: number;
    panX: number;
    panY: number;
}

export const MIN_ZOOM = 0.1;
export const MAX_ZOOM = 4;
/** The smallest zoom at which a first view of a diagram is still readable. */
export const READABLE_ZOOM = 0.6;

export class Viewport {
    constructor(private readonly stage: HTMLElement, private readonly frame: HTMLElement, public state: ViewState, private readonly onChange: () => void) {
        this.apply();
        frame.addEventListener('wheel', event => {
            event.preventDefault();
            const factor = Math.exp(-event.deltaY * (event.ctrlKey ? 0.01 : 0.0015));
            this.zoomAt(this.state.zoom * factor, event.offsetX, event.offsetY);
        }, { passive: false });
        let drag: { x: number; y: number; panX: number; panY: number } | undefined;
        frame.addEventListener('pointerdown', event => {
            if (event.button !== 0 || (event.target as Element).closest('.wa-node')) return;
            drag = { x: event.clientX, y: event.clientY, panX: this.state.panX, panY: this.state.panY };
            frame.setPointerCapture(event.pointerId);
            frame.classList.add('panning');
        });
        frame.addEventListener('pointermove', event => {
            if (!drag) return;
            this.state.panX = drag.panX + event.clientX - drag.x;
            this.state.panY = drag.panY + event.clientY - drag.y;
            this.apply();
        });
        const stop = () => {
            if (drag) this.onChange();
            drag = undefined;
            frame.classList.remove('panning');
        };
        frame.addEventListener('pointerup', stop);
        frame.addEventListener('pointercancel', stop);
    }

    /** Zooms keeping the point under (x, y) of the frame in place. */
    zoomAt(zoom: number, x = this.frame.clientWidth / 2, y = this.frame.clientHeight / 2): void {
        const next = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));
        const ratio = next / this.state.zoom;
        this.state.panX = x - (x - this.state.panX) * ratio;
        this.state.panY = y - (y - this.state.panY) * ratio;
        this.state.zoom = next;
        this.apply();
        this.onChange();
    }

    /**
     * Scales the diagram to fit the frame (never above 100%) and centres it. With `readable`, it
     * does not go below a size where labels stay legible; the start of the flow is shown instead.
     */
    fit(width: number, height: number, readable = false): void {
        const margin = 16;
        const fitting = Math.min(1, (this.frame.clientWidth - 2 * margin) / width, (this.frame.clientHeight - 2 * margin) / height);
        this.state.zoom = Math.max(readable ? READABLE_ZOOM : MIN_ZOOM, fitting);
        this.state.panX = Math.max(margin, (this.frame.clientWidth - width * this.state.zoom) / 2);
        if (width * this.state.zoom > this.frame.clientWidth) this.state.panX = margin;
        this.state.panY = Math.max(margin, (this.frame.clientHeight - height * this.state.zoom) / 2);
        this.apply();
        this.onChange();
    }

    /** Pans just enough to bring a box (in diagram coordinates) into view. */
    reveal(box: { x: number; y: number; width: number; height: number }): void {
        const { zoom } = this.state;
        const left = box.x * zoom + this.state.panX;
        const top = box.y * zoom + this.state.panY;
        const right = left + box.width * zoom;
        const bottom = top + box.height * zoom;
        const pad = 24;
        if (left < pad) this.state.panX += pad - left;
        else if (right > this.frame.clientWidth - pad) this.state.panX -= right - (this.frame.clientWidth - pad);
        if (top < pad) this.state.panY += pad - top;
        else if (bottom > this.frame.clientHeight - pad) this.state.panY -= bottom - (this.frame.clientHeight - pad);
        this.apply();
        this.onChange();
    }

    private apply(): void {
        // A CSSOM property, which the webview's content security policy allows (a style attribute it would not).
        this.stage.style.transform = `translate(${this.state.panX}px, ${this.state.panY}px) scale(${this.state.zoom})`;
    }
}
