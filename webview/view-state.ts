/**
 * Zoom and pan of the diagram: a translate-and-scale on the element that holds the SVG, kept in
 * the webview's state so it survives updates and window reloads. Dragging anywhere pans (a
 * press that does not move stays a click); the wheel pans, with Ctrl or ⌘ (and a trackpad
 * pinch) it zooms; the keyboard pans with the arrows and zooms with + and −.
 */
import type { Box } from '../protocol/diagram-layout.js';
import type { Insets, Size, ViewState } from './view-math.js';
import { READABLE_TEXT_PX, ZOOM_STEP, clampZoom, clampedView, fittedView, revealedView } from './view-math.js';

export type { ViewState } from './view-math.js';

/** How far a press must move before it is a drag rather than a click. */
const DRAG_THRESHOLD = 4;
const KEY_PAN = 48;

export class Viewport {
    private content: Size = { width: 0, height: 0 };
    private readonly listeners: Array<(state: ViewState) => void> = [];

    constructor(
        private readonly stage: HTMLElement,
        private readonly frame: HTMLElement,
        public state: ViewState,
        private readonly onChange: () => void,
    ) {
        this.apply();
        this.handlePointer();
        frame.addEventListener('wheel', event => this.wheel(event), { passive: false });
        frame.addEventListener('keydown', event => this.key(event));
    }

    get frameSize(): Size {
        return { width: this.frame.clientWidth, height: this.frame.clientHeight };
    }

    /** Calls `listener` after every change of the view, with the new state. */
    onView(listener: (state: ViewState) => void): void {
        this.listeners.push(listener);
    }

    /** The diagram's size, which fitting and the pan limits use. */
    setContent(size: Size): void {
        this.content = { width: size.width, height: size.height };
        this.show(this.clamped(this.state), false);
    }

    /** After the frame changed size: a fitted diagram is fitted again, any other kept in reach. */
    resized(): void {
        const { width, height } = this.frameSize;
        if (width === 0 || height === 0) return; // hidden: nothing to fit to, and the view must survive it
        if (this.state.fitted) this.fit();
        else this.show(this.clamped(this.state), false);
    }

    /** Shows a view; with `save`, it is also kept in the webview's state. */
    show(state: ViewState, save = true): void {
        this.state = state;
        this.apply();
        if (save) this.onChange();
    }

    /** Zooms keeping the point under (x, y) of the frame in place. */
    zoomAt(zoom: number, x = this.frame.clientWidth / 2, y = this.frame.clientHeight / 2): void {
        const next = clampZoom(zoom);
        const ratio = next / this.state.zoom;
        this.move({ zoom: next, panX: x - (x - this.state.panX) * ratio, panY: y - (y - this.state.panY) * ratio });
    }

    /** The whole diagram, as large as fits (down to the smallest zoom), centred. */
    fit(): void {
        if (this.content.width > 0 && this.content.height > 0) this.show(fittedView(this.content, this.frameSize));
    }

    /** Centres the view on a point of the diagram; along an axis where all of the diagram is in view, it stays. */
    centerOn(x: number, y: number, save = true): void {
        const { zoom, panX, panY } = this.state;
        const { width, height } = this.frameSize;
        const shown = (pan: number, content: number, frame: number) => pan >= 0 && pan + content * zoom <= frame;
        this.move(
            {
                zoom,
                panX: shown(panX, this.content.width, width) ? panX : width / 2 - x * zoom,
                panY: shown(panY, this.content.height, height) ? panY : height / 2 - y * zoom,
            },
            save,
        );
    }

    panBy(dx: number, dy: number): void {
        this.move({ ...this.state, panX: this.state.panX + dx, panY: this.state.panY + dy });
    }

    /** Pans just enough to bring a box (in diagram coordinates) into view, clear of the insets. */
    reveal(box: Box, insets?: Insets): void {
        const next = revealedView(this.state, box, this.frameSize, insets);
        if (next !== this.state) this.show(next);
    }

    /** A view the user asked for: no longer fitted, and within reach of the diagram. */
    private move(state: ViewState, save = true): void {
        this.show(this.clamped({ zoom: state.zoom, panX: state.panX, panY: state.panY, fitted: false }), save);
    }

    /** Until a diagram is drawn there is nothing to keep in reach (and a view restored after a reload must stay). */
    private clamped(state: ViewState): ViewState {
        return this.content.width > 0 && this.content.height > 0 ? clampedView(state, this.content, this.frameSize) : state;
    }

    private handlePointer(): void {
        let press: { id: number; x: number; y: number; panX: number; panY: number; dragging: boolean } | undefined;
        let swallowClick = false;
        this.frame.addEventListener('pointerdown', event => {
            swallowClick = false;
            if ((event.button !== 0 && event.button !== 1) || (event.target as Element).closest('[data-own-pointer]')) return;
            if (event.button === 1) event.preventDefault(); // no autoscroll
            press = {
                id: event.pointerId,
                x: event.clientX,
                y: event.clientY,
                panX: this.state.panX,
                panY: this.state.panY,
                dragging: false,
            };
        });
        this.frame.addEventListener('pointermove', event => {
            if (!press || event.pointerId !== press.id) return;
            const dx = event.clientX - press.x;
            const dy = event.clientY - press.y;
            if (!press.dragging) {
                if (Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
                // Captured only now, so that a press without a drag still clicks the node under it.
                press.dragging = true;
                this.frame.setPointerCapture(event.pointerId);
                this.frame.classList.add('panning');
            }
            this.move({ zoom: this.state.zoom, panX: press.panX + dx, panY: press.panY + dy }, false);
        });
        const stop = (event: PointerEvent) => {
            if (!press || event.pointerId !== press.id) return;
            if (press.dragging) {
                swallowClick = true;
                this.onChange();
            }
            press = undefined;
            this.frame.classList.remove('panning');
        };
        this.frame.addEventListener('pointerup', stop);
        this.frame.addEventListener('pointercancel', stop);
        // The click that ends a drag is not a click on what the drag started on.
        this.frame.addEventListener(
            'click',
            event => {
                if (!swallowClick) return;
                swallowClick = false;
                event.stopPropagation();
                event.preventDefault();
            },
            true,
        );
        // Dragging never selects the diagram's text (the stylesheet says so too).
        this.frame.addEventListener('selectstart', event => event.preventDefault());
    }

    private wheel(event: WheelEvent): void {
        event.preventDefault();
        const unit =
            event.deltaMode === WheelEvent.DOM_DELTA_LINE
                ? 16
                : event.deltaMode === WheelEvent.DOM_DELTA_PAGE
                  ? this.frame.clientHeight
                  : 1;
        if (event.ctrlKey || event.metaKey) {
            const bounds = this.frame.getBoundingClientRect();
            this.zoomAt(this.state.zoom * Math.exp(-event.deltaY * unit * 0.01), event.clientX - bounds.left, event.clientY - bounds.top);
        } else if (event.shiftKey && event.deltaX === 0) {
            this.panBy(-event.deltaY * unit, 0);
        } else {
            this.panBy(-event.deltaX * unit, -event.deltaY * unit);
        }
    }

    private key(event: KeyboardEvent): void {
        if (event.altKey || event.ctrlKey || event.metaKey) return;
        const step = event.shiftKey ? KEY_PAN * 4 : KEY_PAN;
        const pans: Record<string, [number, number]> = {
            ArrowLeft: [step, 0],
            ArrowRight: [-step, 0],
            ArrowUp: [0, step],
            ArrowDown: [0, -step],
        };
        const pan = pans[event.key];
        if (pan) this.panBy(...pan);
        else if (event.key === '+' || event.key === '=') this.zoomAt(this.state.zoom * ZOOM_STEP);
        else if (event.key === '-' || event.key === '_') this.zoomAt(this.state.zoom / ZOOM_STEP);
        else if (event.key === '0') this.fit();
        else return;
        event.preventDefault();
    }

    private apply(): void {
        // A CSSOM property, which the webview's content security policy allows (a style attribute it would not).
        this.stage.style.transform = `translate(${this.state.panX}px, ${this.state.panY}px) scale(${this.state.zoom})`;
        for (const listener of this.listeners) listener(this.state);
    }
}

/** The zoom at which the diagram's node titles are still readable, from their font size. */
export function readableZoom(diagram: Element): number {
    return Math.min(1, READABLE_TEXT_PX / titleFontPx(diagram));
}

/** The font size of the diagram's node titles (the diagram's own where none is drawn yet). */
export function titleFontPx(diagram: Element): number {
    const text = diagram.querySelector('.wa-node-title') ?? diagram;
    const size = parseFloat(getComputedStyle(text).fontSize);
    return size > 0 ? size : 12;
}
