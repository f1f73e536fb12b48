/**
 * Looking at the drawn diagram: zoom and pan, the overview, the pinned lane names, the legend,
 * and the toolbar buttons that drive them. A new diagram opens fitted to the frame, or, when
 * that would make its text too small to read, at a readable zoom where the flow starts, with
 * the overview shown to navigate; an update of the same diagram keeps the view.
 */
import type { WorkflowGraph } from '../protocol/graph-model.js';
import type { DiagramLayout } from '../protocol/diagram-layout.js';
import type { SketchPaths } from '../diagram/sketch-paths.js';
import type { ViewState } from './view-math.js';
import { ZOOM_STEP, clampedView, openingView } from './view-math.js';
import { Viewport, readableZoom } from './view-state.js';
import { Minimap } from './minimap.js';
import { PinnedLaneHeaders } from './lane-headers.js';
import { Legend } from './legend.js';
import { ToggleButton, setUpToolbar } from './toolbar.js';

/** What of the view the webview's state keeps across reloads. */
export interface ViewSettings {
    view?: ViewState;
    showCritical?: boolean;
    minimap?: boolean;
    legend?: boolean;
}

export class DiagramView {
    readonly viewport: Viewport;
    private readonly lanePins: PinnedLaneHeaders;
    private readonly minimap: Minimap;
    private readonly legend: Legend;
    /** Whether the critical path is highlighted. */
    readonly criticalToggle: ToggleButton;
    private readonly minimapToggle: ToggleButton;
    private readonly legendToggle: ToggleButton;
    private shown: { diagram: SVGSVGElement; graph: WorkflowGraph; layout: DiagramLayout } | undefined;
    /** A new diagram waits for its first view while the frame has no size (the panel is hidden). */
    private openPending = false;

    /** `onChange` saves the settings; `onCritical` shows or hides the critical path. */
    constructor(
        frame: HTMLElement,
        stage: HTMLElement,
        sheet: CSSStyleSheet,
        settings: ViewSettings,
        onChange: () => void,
        onCritical: (shown: boolean) => void,
    ) {
        const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
        setUpToolbar(byId('toolbar'));
        this.viewport = new Viewport(stage, frame, settings.view ?? { zoom: 1, panX: 0, panY: 0 }, onChange);
        this.lanePins = new PinnedLaneHeaders(frame, sheet);
        this.minimap = new Minimap(frame, this.viewport);
        this.legend = new Legend(frame, sheet, () => {
            this.legend.visible = this.legendToggle.checked = false;
            onChange();
            this.legendToggle.button.focus();
        });
        this.minimap.visible = settings.minimap ?? false;
        this.legend.visible = settings.legend ?? false;
        this.criticalToggle = new ToggleButton(byId('critical'), settings.showCritical ?? false, shown => {
            onCritical(shown);
            onChange();
        });
        this.minimapToggle = new ToggleButton(byId('minimap-toggle'), this.minimap.visible, shown => {
            this.minimap.visible = shown;
            onChange();
        });
        this.legendToggle = new ToggleButton(byId('legend-toggle'), this.legend.visible, shown => {
            this.legend.visible = shown;
            onChange();
        });

        const zoomLevel = byId<HTMLButtonElement>('zoom-level');
        const viewChanged = (state: ViewState) => {
            this.lanePins.update(state);
            const percent = `${Math.round(state.zoom * 100)}%`;
            zoomLevel.textContent = percent;
            zoomLevel.setAttribute('aria-label', `Zoom ${percent}: zoom to 100%`);
        };
        this.viewport.onView(viewChanged);
        viewChanged(this.viewport.state);
        byId('zoom-in').addEventListener('click', () => this.viewport.zoomAt(this.viewport.state.zoom * ZOOM_STEP));
        byId('zoom-out').addEventListener('click', () => this.viewport.zoomAt(this.viewport.state.zoom / ZOOM_STEP));
        zoomLevel.addEventListener('click', () => this.viewport.zoomAt(1));
        byId('fit').addEventListener('click', () => this.viewport.fit());

        // Tabbing to a node out of view: the frame must not scroll itself (it pans); the view follows instead.
        stage.addEventListener('focusin', event => {
            frame.scrollTo(0, 0);
            const target = event.target as Element;
            if (!target.matches(':focus-visible')) return; // a click: the node is where the pointer is
            const id = target.closest('.wa-node')?.getAttribute('data-id');
            if (id) this.reveal(id);
        });
        new ResizeObserver(() => {
            if (this.openPending) this.open();
            else this.viewport.resized();
            this.minimap.resize();
        }).observe(frame);
    }

    get settings(): ViewSettings {
        return {
            view: this.viewport.state,
            showCritical: this.criticalToggle.checked,
            minimap: this.minimap.visible,
            legend: this.legend.visible,
        };
    }

    /**
     * A diagram was just put on the stage, with its lanes' elements (for the pinned names) and its
     * sketch's paths (for the overview); `fresh` when it is a new one rather than an update.
     */
    drawn(
        diagram: SVGSVGElement,
        graph: WorkflowGraph,
        layout: DiagramLayout,
        fresh: boolean,
        { lanes, sketch }: { lanes: Iterable<Element>; sketch: SketchPaths },
    ): void {
        this.shown = { diagram, graph, layout };
        this.lanePins.show(lanes, layout);
        this.minimap.show(layout, sketch);
        this.viewport.setContent(layout);
        if (fresh) {
            this.openPending = true;
            this.open();
        }
    }

    /** The stage was emptied. */
    cleared(): void {
        this.shown = undefined;
        this.lanePins.clear();
        this.minimap.clear();
    }

    /** Pans just enough to show a node, clear of the pinned lane names. */
    reveal(nodeId: string): void {
        const box = this.shown?.layout.nodes.find(node => node.id === nodeId);
        if (box) this.viewport.reveal(box, this.lanePins.insets(this.viewport.state.zoom));
    }

    /**
     * The view a diagram about to be drawn will be shown at: its opening view when `fresh`, else
     * the present view kept within its reach; undefined while the frame has no size. A diagram
     * drawn only near the view draws that part first.
     */
    plannedView(diagram: SVGSVGElement, graph: WorkflowGraph, layout: DiagramLayout, fresh: boolean): ViewState | undefined {
        const frame = this.viewport.frameSize;
        if (frame.width === 0 || frame.height === 0) return undefined;
        return fresh ? this.opening(diagram, graph, layout).view : clampedView(this.viewport.state, layout, frame);
    }

    private opening(diagram: SVGSVGElement, graph: WorkflowGraph, layout: DiagramLayout): { view: ViewState; fits: boolean } {
        const startId = graph.nodes.find(node => node.start)?.id;
        const start = layout.nodes.find(node => node.id === startId);
        const zoom = readableZoom(diagram);
        return openingView(layout, this.viewport.frameSize, zoom, start, this.lanePins.insets(zoom, layout));
    }

    private open(): void {
        const frame = this.viewport.frameSize;
        if (!this.shown || frame.width === 0 || frame.height === 0) return;
        this.openPending = false;
        const { diagram, graph, layout } = this.shown;
        const opening = this.opening(diagram, graph, layout);
        this.viewport.show(opening.view);
        this.minimap.visible = this.minimapToggle.checked = !opening.fits;
    }
}
