/**
 * The overview in the frame's corner: the whole diagram scaled down, drawn cheaply from the
 * layout (lanes and node shapes as a handful of paths, the zoomed-out sketch's, so it stays fast
 * for thousands of nodes),
 * with the part the frame shows outlined. A click centres the view there; a drag moves it.
 */
import type { DiagramLayout } from '../protocol/diagram-layout.js';
import type { Size, ViewState } from './view-math.js';
import { visibleArea } from './view-math.js';
import type { Viewport } from './view-state.js';
import type { Palette } from '../diagram/theme.js';
import type { SketchPaths } from '../diagram/sketch-paths.js';
import { themePalette } from '../diagram/theme.js';

const SVG_NS = 'http://www.w3.org/2000/svg';
/** The overview's largest size, and the least height or width it keeps for a very long diagram. */
const MAX_WIDTH = 220;
const MAX_HEIGHT = 150;
const MIN_SIDE = 36;
const MIN_VIEW_BOX = 6;

/** The overview's colours: the diagram's background and lanes, nodes in the muted text colour, findings in theirs. */
function minimapCss(p: Palette): string {
    return `
#minimap { background: ${p.background}; }
#minimap .wa-minimap-lane { fill: ${p.laneFill}; }
#minimap .wa-minimap-alt { fill: ${p.laneAltFill}; }
#minimap .wa-minimap-lane, #minimap .wa-minimap-alt { stroke: ${p.laneBorder}; stroke-width: 1; vector-effect: non-scaling-stroke; }
#minimap .wa-minimap-node { fill: ${p.muted}; }
#minimap .wa-minimap-warning { fill: ${p.warning}; }
#minimap .wa-minimap-error { fill: ${p.error}; }
`;
}

export class Minimap {
    readonly element: HTMLDivElement;
    private readonly svg: SVGSVGElement;
    private readonly view: HTMLDivElement;
    private content: Size | undefined;
    private scale = { x: 1, y: 1 };

    constructor(
        frame: HTMLElement,
        private readonly viewport: Viewport,
    ) {
        this.element = document.createElement('div');
        this.element.id = 'minimap';
        this.element.title = 'Overview: click or drag to move the view';
        this.element.setAttribute('role', 'img');
        this.element.setAttribute('aria-label', 'Overview of the whole diagram');
        this.element.dataset.ownPointer = '';
        this.element.hidden = true;
        this.svg = document.createElementNS(SVG_NS, 'svg');
        this.svg.setAttribute('preserveAspectRatio', 'none');
        this.view = document.createElement('div');
        this.view.className = 'wa-minimap-view';
        this.element.append(this.svg, this.view);
        frame.append(this.element);
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(minimapCss(themePalette()));
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
        viewport.onView(state => this.placeView(state));
        this.handlePointer();
    }

    get visible(): boolean {
        return !this.element.hidden;
    }

    set visible(visible: boolean) {
        this.element.hidden = !visible;
        if (visible) this.resize();
    }

    /**
     * Draws the overview of a new layout from its sketch's paths (which the layout worker wrote):
     * lanes, node shapes, and over them the nodes with findings.
     */
    show(layout: DiagramLayout, paths: SketchPaths): void {
        const kinds: Array<[string, string]> = [
            ['lane', paths.lane],
            ['alt', paths['lane-alt']],
            ['node', paths.step + paths.decision + paths.end],
            ['warning', paths.warning],
            ['error', paths.error],
        ];
        this.svg.replaceChildren(
            ...kinds.map(([kind, d]) => {
                const path = document.createElementNS(SVG_NS, 'path');
                path.setAttribute('class', `wa-minimap-${kind}`);
                path.setAttribute('d', d);
                return path;
            }),
        );
        this.svg.setAttribute('viewBox', `0 0 ${Math.ceil(layout.width)} ${Math.ceil(layout.height)}`);
        this.content = { width: layout.width, height: layout.height };
        this.resize();
    }

    clear(): void {
        this.svg.replaceChildren();
        this.content = undefined;
    }

    /** Sizes the overview for the frame: the diagram's proportions, unless it is very long. */
    resize(): void {
        if (!this.content || this.element.hidden) return;
        const frame = this.viewport.frameSize;
        const { width, height } = this.content;
        const boxWidth = Math.max(MIN_SIDE, Math.min(MAX_WIDTH, frame.width * 0.45));
        const boxHeight = Math.max(MIN_SIDE, Math.min(MAX_HEIGHT, frame.height * 0.35));
        const uniform = Math.min(boxWidth / width, boxHeight / height);
        let panelWidth = width * uniform;
        let panelHeight = height * uniform;
        // A very long flow: stretched across it to stay visible, and for an extreme one, a wider strip.
        if (panelHeight < MIN_SIDE) {
            if (panelHeight < MIN_SIDE / 3) panelWidth = Math.max(panelWidth, Math.min(frame.width - 24, MAX_WIDTH * 1.6));
            panelHeight = MIN_SIDE;
        } else if (panelWidth < MIN_SIDE) {
            if (panelWidth < MIN_SIDE / 3) panelHeight = Math.max(panelHeight, Math.min(frame.height - 24, MAX_HEIGHT * 1.6));
            panelWidth = MIN_SIDE;
        }
        this.scale = { x: panelWidth / width, y: panelHeight / height };
        this.svg.setAttribute('width', String(Math.round(panelWidth)));
        this.svg.setAttribute('height', String(Math.round(panelHeight)));
        this.placeView(this.viewport.state);
    }

    private placeView(state: ViewState): void {
        if (!this.content || this.element.hidden) return;
        const area = visibleArea(state, this.viewport.frameSize);
        const panel = { width: this.content.width * this.scale.x, height: this.content.height * this.scale.y };
        const clip = (start: number, length: number, limit: number) => {
            const from = Math.max(0, Math.min(limit - MIN_VIEW_BOX, start));
            const to = Math.min(limit, Math.max(from + MIN_VIEW_BOX, start + length));
            return [from, to - from];
        };
        const [left, width] = clip(area.x * this.scale.x, area.width * this.scale.x, panel.width);
        const [top, height] = clip(area.y * this.scale.y, area.height * this.scale.y, panel.height);
        // CSSOM properties: allowed by the content security policy, unlike a style attribute.
        Object.assign(this.view.style, { left: `${left}px`, top: `${top}px`, width: `${width}px`, height: `${height}px` });
    }

    private handlePointer(): void {
        let grab: { id: number; dx: number; dy: number } | undefined;
        const point = (event: PointerEvent) => {
            const bounds = this.svg.getBoundingClientRect();
            return { x: (event.clientX - bounds.left) / this.scale.x, y: (event.clientY - bounds.top) / this.scale.y };
        };
        this.element.addEventListener('pointerdown', event => {
            if (event.button !== 0 || !this.content) return;
            event.preventDefault();
            const at = point(event);
            const area = visibleArea(this.viewport.state, this.viewport.frameSize);
            const inside = at.x >= area.x && at.x <= area.x + area.width && at.y >= area.y && at.y <= area.y + area.height;
            // Dragging the outline keeps the point grabbed under the pointer; elsewhere the view jumps there first.
            grab = inside
                ? { id: event.pointerId, dx: at.x - (area.x + area.width / 2), dy: at.y - (area.y + area.height / 2) }
                : { id: event.pointerId, dx: 0, dy: 0 };
            this.element.setPointerCapture(event.pointerId);
            this.viewport.centerOn(at.x - grab.dx, at.y - grab.dy, false);
        });
        this.element.addEventListener('pointermove', event => {
            if (!grab || event.pointerId !== grab.id) return;
            const at = point(event);
            this.viewport.centerOn(at.x - grab.dx, at.y - grab.dy, false);
        });
        const stop = (event: PointerEvent) => {
            if (!grab || event.pointerId !== grab.id) return;
            grab = undefined;
            this.viewport.show(this.viewport.state);
        };
        this.element.addEventListener('pointerup', stop);
        this.element.addEventListener('pointercancel', stop);
    }
}
