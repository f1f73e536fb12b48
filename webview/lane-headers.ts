/**
 * Keeps the lane names in sight: when the diagram is panned so far that its lane header column
 * (flow to the right) or header row (flow down) leaves the frame, a copy of the headers stays
 * pinned to the frame's edge, scaled with the zoom and moving with the lanes across the flow.
 * The copy is the diagram's own header elements, cloned, in a shadow root: it looks the same
 * and is no second set of lanes to anything that queries the page.
 */
import type { DiagramLayout } from '../protocol/diagram-layout.js';
import { LANE_HEADER } from '../diagram/layout-metrics.js';
import type { Insets, ViewState } from './view-math.js';

const SVG_NS = 'http://www.w3.org/2000/svg';
/** Placed over the frame's corner like the diagram in it; a hairline shadow where it covers the diagram. */
const PIN_CSS = `
.wa-lane-pins { position: absolute; left: 0; top: 0; transform-origin: 0 0; display: none; overflow: visible; }
.wa-lane-pins.wa-pinned { display: block; filter: drop-shadow(0 0 2px rgba(0, 0, 0, 0.35)); }
`;

export class PinnedLaneHeaders {
    readonly host: HTMLDivElement;
    private readonly root: ShadowRoot;
    private svg: SVGSVGElement | undefined;
    private layout: DiagramLayout | undefined;
    /** Where the header column (or row) starts in the diagram. */
    private start = 0;

    constructor(frame: HTMLElement, sheet: CSSStyleSheet) {
        this.host = document.createElement('div');
        this.host.id = 'lane-pins';
        this.root = this.host.attachShadow({ mode: 'open' });
        const own = new CSSStyleSheet();
        own.replaceSync(PIN_CSS);
        this.root.adoptedStyleSheets = [sheet, own];
        frame.append(this.host);
    }

    /** Copies the headers of a diagram just drawn, from its lanes' elements (drawn or not). */
    show(lanes: Iterable<Element>, layout: DiagramLayout): void {
        const horizontal = layout.direction === 'RIGHT';
        const svg = document.createElementNS(SVG_NS, 'svg');
        svg.setAttribute('class', 'wa-diagram wa-lane-pins');
        this.start = Math.min(...layout.lanes.map(lane => (horizontal ? lane.x : lane.y)));
        const width = horizontal ? this.start + LANE_HEADER.RIGHT : layout.width;
        const height = horizontal ? layout.height : this.start + LANE_HEADER.DOWN;
        svg.setAttribute('width', String(Math.ceil(width)));
        svg.setAttribute('height', String(Math.ceil(height)));
        svg.setAttribute('viewBox', `0 0 ${Math.ceil(width)} ${Math.ceil(height)}`);
        for (const lane of lanes) {
            const copy = lane.cloneNode(true) as SVGGElement;
            const header = copy.querySelector('.wa-lane-header');
            const band = copy.querySelector('.wa-lane-band');
            if (!header || !band) continue;
            // The band's tint behind the header, on the page's opaque background: nothing shows through.
            for (const name of ['x', 'y', 'width', 'height']) band.setAttribute(name, header.getAttribute(name) ?? '0');
            const backing = band.cloneNode() as Element;
            backing.setAttribute('class', 'wa-background');
            copy.insertBefore(backing, band);
            svg.append(copy);
        }
        this.root.replaceChildren(svg);
        this.svg = svg;
        this.layout = layout;
    }

    clear(): void {
        this.root.replaceChildren();
        this.svg = undefined;
        this.layout = undefined;
    }

    /** Follows the view: pinned to the frame's edge while the diagram's own headers are out of it. */
    update(state: ViewState): void {
        if (!this.svg || !this.layout) return;
        const natural = (this.layout.direction === 'RIGHT' ? state.panX : state.panY) + this.start * state.zoom;
        const pinned = natural < 0;
        this.svg.classList.toggle('wa-pinned', pinned);
        if (!pinned) return;
        const shift = -this.start * state.zoom;
        const [x, y] = this.layout.direction === 'RIGHT' ? [shift, state.panY] : [state.panX, shift];
        // A CSSOM property, which the content security policy allows (a style attribute it would not).
        this.svg.style.transform = `translate(${x}px, ${y}px) scale(${state.zoom})`;
    }

    /** The room the headers take at the frame's edge, at a zoom: what revealing a node keeps clear (of `layout`, or the diagram shown). */
    insets(zoom: number, layout = this.layout): Insets {
        if (!layout) return { left: 0, top: 0 };
        return layout.direction === 'RIGHT' ? { left: LANE_HEADER.RIGHT * zoom, top: 0 } : { left: 0, top: LANE_HEADER.DOWN * zoom };
    }
}
