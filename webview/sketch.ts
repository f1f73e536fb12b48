/**
 * The preview's level of detail: a diagram zoomed out so far that its text would be smaller than
 * `SKETCH_TEXT_PX` on screen is shown as a sketch — lanes, node shapes and edges without text,
 * arrowheads or tooltips, each kind drawn as one path from the layout (as the overview is) —
 * instead of the detailed drawing. A fitted view of thousands of nodes would otherwise paint
 * every node, label and arrowhead at once, at a size nobody can read: one frame of 50–150 ms at
 * 1,000–5,000 nodes, where the sketch paints a few dozen paths. The sketch still shows what the
 * user marks — the selected node and the one under the editor's cursor, the critical path when
 * it is on, the nodes with findings, the simulation's shading — as fills and outlines that keep
 * their width on screen. Exports never depend on it: they write the whole detailed diagram.
 */
import type { DiagramNode, WorkflowGraph } from '../protocol/graph-model.js';
import type { Box, DiagramLayout, Point } from '../protocol/diagram-layout.js';
import type { Palette } from '../diagram/theme.js';
import type { SketchPaths } from '../diagram/sketch-paths.js';
import { r, shapeData } from '../diagram/sketch-paths.js';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Text smaller than this on screen is not drawn: the diagram is shown as a sketch. */
export const SKETCH_TEXT_PX = 4;

/** Whether a diagram whose node titles are `fontPx` large is shown as a sketch at `zoom`. */
export function sketchedAt(zoom: number, fontPx: number): boolean {
    return zoom * fontPx < SKETCH_TEXT_PX;
}

/** Shading steps of the simulation's criticality (the detailed drawing mixes by the exact share). */
const SHADES = 4;
/** How near a click must be to a node, in screen pixels, to hit it. */
const HIT_SLOP = 3;

/** The sketch's styles: the diagram's colours; outlines keep their width on screen whatever the zoom. */
export function sketchCss(p: Palette): string {
    const line = 'vector-effect: non-scaling-stroke; stroke-linejoin: round;';
    // Nodes a few pixels large still stand out from their lane: their fill takes some of the border colour.
    const tint = (fill: string) => `color-mix(in srgb, ${p.nodeBorder} 35%, ${fill})`;
    const shades = Array.from({ length: SHADES }, (_, index) => {
        const share = ((index + 1) / SHADES) * 75;
        return `.wa-sketch.wa-show-simulation .wa-sketch-shade-${index + 1} { display: inline; fill: color-mix(in srgb, ${p.critical} ${share}%, ${p.nodeFill}); }`;
    });
    return `
.wa-sketch { overflow: visible; }
.wa-sketch .wa-sketch-lane { fill: ${p.laneFill}; stroke: ${p.laneBorder}; stroke-width: 1; ${line} }
.wa-sketch .wa-sketch-lane-alt { fill: ${p.laneAltFill}; stroke: ${p.laneBorder}; stroke-width: 1; ${line} }
.wa-sketch .wa-sketch-lane-header { fill: ${p.laneHeaderFill}; stroke: ${p.laneBorder}; stroke-width: 1; ${line} }
.wa-sketch .wa-sketch-edges { fill: none; stroke: ${p.edge}; stroke-width: 1; ${line} }
.wa-sketch .wa-sketch-handoffs { fill: none; stroke: ${p.handoff}; stroke-width: 1.25; ${line} }
.wa-sketch .wa-sketch-no-channel { fill: none; stroke: ${p.warning}; stroke-width: 1.25; ${line} }
.wa-sketch .wa-sketch-step { fill: ${tint(p.nodeFill)}; stroke: ${p.nodeBorder}; stroke-width: 1; ${line} }
.wa-sketch .wa-sketch-decision { fill: ${tint(p.decisionFill)}; stroke: ${p.nodeBorder}; stroke-width: 1; ${line} }
.wa-sketch .wa-sketch-end { fill: ${tint(p.endFill)}; stroke: ${p.nodeBorder}; stroke-width: 1; ${line} }
${shades.join('\n')}
.wa-sketch [class^='wa-sketch-shade-'] { display: none; stroke: ${p.nodeBorder}; stroke-width: 1; ${line} }
.wa-sketch .wa-sketch-warning { fill: none; stroke: ${p.warning}; stroke-width: 2; ${line} }
.wa-sketch .wa-sketch-error { fill: none; stroke: ${p.error}; stroke-width: 2; ${line} }
.wa-sketch .wa-sketch-critical-edges { display: none; fill: none; stroke: ${p.critical}; stroke-width: 2.5; ${line} }
.wa-sketch .wa-sketch-critical-nodes { display: none; fill: none; stroke: ${p.critical}; stroke-width: 2.5; ${line} }
.wa-sketch.wa-show-critical .wa-sketch-critical-edges, .wa-sketch.wa-show-critical .wa-sketch-critical-nodes { display: inline; }
.wa-sketch .wa-sketch-selected, .wa-sketch .wa-sketch-highlighted {
  fill: color-mix(in srgb, ${p.selection} 45%, transparent); stroke: ${p.selection}; stroke-width: 3; ${line}
}
.wa-sketch .wa-sketch-selected-halo, .wa-sketch .wa-sketch-highlighted-halo { fill: color-mix(in srgb, ${p.selection} 30%, transparent); stroke: ${p.selection}; stroke-width: 2; ${line} }
`;
}

/** What the user marks on the diagram, which the sketch shows too. */
export interface SketchMarks {
    readonly selected?: string;
    readonly highlighted?: string;
    /** Node id → share of simulated runs on the longest path, while the Simulation switch is on. */
    readonly criticality?: Readonly<Record<string, number>>;
}

export class Sketch {
    /** The sketch's layer in the stage, over the diagram's coordinates like the detailed drawing's. */
    readonly layer: HTMLDivElement;
    private readonly svg: SVGSVGElement;
    private readonly marks = new Map<string, SVGPathElement>();
    private diagram: { graph: WorkflowGraph; layout: DiagramLayout; paths: SketchPaths } | undefined;
    /** Whether the sketch on the page is of the diagram given last. */
    private built = false;
    private shownMarks: SketchMarks = {};
    private kinds: Map<string, DiagramNode['kind']> | undefined;
    private zoom = 1;

    constructor(stage: HTMLElement) {
        this.layer = document.createElement('div');
        this.layer.className = 'wa-layer wa-sketch-layer';
        this.svg = this.layer.appendChild(document.createElementNS(SVG_NS, 'svg'));
        this.svg.setAttribute('class', 'wa-diagram wa-sketch');
        this.svg.setAttribute('aria-hidden', 'true');
        stage.append(this.layer);
    }

    /** A new diagram, with its paths (the layout worker writes them): drawn now when `visible`, else when first needed. */
    show(graph: WorkflowGraph, layout: DiagramLayout, paths: SketchPaths, visible: boolean): void {
        this.diagram = { graph, layout, paths };
        this.built = false;
        this.kinds = undefined;
        if (visible) this.build();
    }

    clear(): void {
        this.diagram = undefined;
        this.built = false;
        this.svg.replaceChildren();
    }

    /** Draws the sketch of the last diagram if it is not on the page yet. */
    build(): void {
        if (this.built || !this.diagram) return;
        this.built = true;
        const { layout, paths } = this.diagram;
        const width = Math.ceil(layout.width);
        const height = Math.ceil(layout.height);
        for (const [name, value] of Object.entries({ width, height, viewBox: `0 0 ${width} ${height}` })) {
            this.svg.setAttribute(name, String(value));
        }
        const background = document.createElementNS(SVG_NS, 'rect');
        for (const [name, value] of Object.entries({ class: 'wa-background', x: 0, y: 0, width, height })) {
            background.setAttribute(name, String(value));
        }
        this.svg.replaceChildren(background, ...Object.entries(paths).map(([kind, d]) => path(`wa-sketch-${kind}`, d)));
        this.marks.clear();
        for (const kind of ['selected', 'highlighted', 'selected-halo', 'highlighted-halo'] as const) {
            const mark = path(`wa-sketch-${kind}`, '');
            this.marks.set(kind, mark);
            this.svg.append(mark);
        }
        this.mark(this.shownMarks, true);
    }

    /**
     * Follows the zoom: the rings around the selected node and the cursor's keep a size on screen
     * (a node a few pixels large would otherwise be hard to find).
     */
    zoomed(zoom: number): void {
        if (zoom === this.zoom) return;
        this.zoom = zoom;
        this.mark(this.shownMarks, true);
    }

    /** Shows the selection, the cursor's node and the simulation's shading. */
    mark(marks: SketchMarks, force = false): void {
        const before = this.shownMarks;
        this.shownMarks = marks;
        if (!this.built || !this.diagram) return;
        const boxes = this.diagram.layout.nodes;
        const show = (kind: 'selected' | 'highlighted') => {
            const id = marks[kind];
            const box = id === undefined ? undefined : boxes.find(node => node.id === id);
            this.marks.get(kind)?.setAttribute('d', box ? shapeData(this.nodeKinds().get(box.id) ?? 'step', box) : '');
            this.marks.get(`${kind}-halo`)?.setAttribute('d', box ? ringData(box, this.zoom) : '');
        };
        if (force || before.selected !== marks.selected) show('selected');
        if (force || before.highlighted !== marks.highlighted) show('highlighted');
        if (force || before.criticality !== marks.criticality) this.shade(marks.criticality);
    }

    /** The node at a point of the diagram (its coordinates), within a few screen pixels at `zoom`. */
    nodeAt(point: Point, zoom: number): string | undefined {
        const slop = HIT_SLOP / zoom;
        let best: { id: string; distance: number } | undefined;
        for (const node of this.diagram?.layout.nodes ?? []) {
            const dx = Math.max(node.x - point.x, 0, point.x - (node.x + node.width));
            const dy = Math.max(node.y - point.y, 0, point.y - (node.y + node.height));
            const distance = Math.hypot(dx, dy);
            if (distance <= slop && (!best || distance < best.distance)) best = { id: node.id, distance };
        }
        return best?.id;
    }

    private nodeKinds(): Map<string, DiagramNode['kind']> {
        if (!this.kinds) {
            this.kinds = new Map(this.diagram?.graph.nodes.map(node => [node.id, node.kind]));
        }
        return this.kinds;
    }

    private shade(criticality: Readonly<Record<string, number>> | undefined): void {
        this.svg.querySelectorAll("[class^='wa-sketch-shade-']").forEach(shade => shade.remove());
        this.svg.classList.toggle('wa-show-simulation', criticality !== undefined);
        if (!criticality || !this.diagram) return;
        const kinds = this.nodeKinds();
        const shades: string[] = Array.from({ length: SHADES }, () => '');
        for (const box of this.diagram.layout.nodes) {
            const share = criticality[box.id];
            if (share === undefined || share <= 0) continue;
            shades[Math.min(SHADES - 1, Math.floor(share * SHADES - 1e-9))] += shapeData(kinds.get(box.id) ?? 'step', box);
        }
        // Over the plain nodes, under the findings, the critical path and the marks.
        const after = this.svg.querySelector('.wa-sketch-warning, .wa-sketch-error, .wa-sketch-critical-edges');
        shades.forEach((d, index) => {
            if (d) this.svg.insertBefore(path(`wa-sketch-shade-${index + 1}`, d), after);
        });
    }
}

/** Room between a node and the ring around it, and the ring's least radius, in screen pixels. */
const RING_GAP = 4;
const RING_RADIUS = 10;

/** An octagon around a box, at least `RING_RADIUS` screen pixels from its centre at `zoom`. */
function ringData(box: Box, zoom: number): string {
    const radius = Math.max(Math.hypot(box.width, box.height) / 2 + RING_GAP / zoom, RING_RADIUS / zoom);
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    // Eight corners make it round enough at this size (arcs this large are drawn wrongly at small zooms).
    const corners = Array.from({ length: 8 }, (_, index) => {
        const angle = (index * Math.PI) / 4 + Math.PI / 8;
        return `${index === 0 ? 'M' : 'L'}${r(cx + radius * Math.cos(angle))} ${r(cy + radius * Math.sin(angle))}`;
    });
    return `${corners.join('')}z`;
}

function path(className: string, d: string): SVGPathElement {
    const element = document.createElementNS(SVG_NS, 'path');
    element.setAttribute('class', className);
    element.setAttribute('d', d);
    return element;
}
