/**
 * The preview's webview: receives the graph model from the extension, lays it out in a worker,
 * draws it, and reports clicks back. Knows only the DOM, the graph model and the message protocol.
 */
import type { WorkflowGraph } from '../protocol/graph-model.js';
import type { Box, DiagramLayout, Direction, LaidOutEdge, LaidOutNode } from '../protocol/diagram-layout.js';
import type { DeferredGroup, DiagramParts } from '../diagram/svg.js';
import { diagramParts, isDeferred } from '../diagram/svg.js';
import { diagramCss, themePalette } from '../diagram/theme.js';
import { Drawing, memberCount, WINDOWED_FROM } from './windowed-drawing.js';
import { toDom } from './dom-render.js';
import { Sketch, sketchCss, sketchedAt } from './sketch.js';
import type { SimulationOverlay } from '../protocol/simulation-overlay.js';
import type { SketchPaths } from '../diagram/sketch-paths.js';
import { exportedSvg, svgToPng } from './export.js';
import type { GraphPiece, LayoutReply, LayoutRequest } from '../protocol/layout-worker-messages.js';
import { PieceCollector, slices } from '../protocol/pieces.js';
import type { FromWebview, ModelMessage, ToWebview, WorkflowChoice } from '../protocol/webview-messages.js';
import { isToWebview, ModelAssembler } from '../protocol/webview-messages.js';
import { DiagramView, type ViewSettings } from './diagram-view.js';
import type { ViewState } from './view-math.js';
import { visibleArea as areaOfView } from './view-math.js';
import { SimulationSwitch } from './simulation-overlay.js';
import { titleFontPx } from './view-state.js';
import workerSource from '../dist/webview/layout-worker.js';

interface VsCodeApi {
    postMessage(message: FromWebview): void;
    getState(): PersistedState | undefined;
    setState(state: PersistedState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

/** What survives a reload: the host's document and workflow, and the user's view. */
interface PersistedState extends ViewSettings {
    uri?: string;
    workflow?: string;
    selected?: string;
    /** Whether the Simulation switch is on. */
    simulation?: boolean;
}

const vscode = acquireVsCodeApi();
const persisted: PersistedState = vscode.getState() ?? {};
const initial = document.body.dataset;
persisted.uri ??= initial.uri;

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const frame = byId<HTMLDivElement>('frame');
const stage = byId<HTMLDivElement>('stage');
const banner = byId<HTMLDivElement>('banner');
const summary = byId<HTMLSpanElement>('summary');
const picker = byId<HTMLSelectElement>('workflow');

const sheet = new CSSStyleSheet();
sheet.replaceSync(diagramCss(themePalette()));
const sketchSheet = new CSSStyleSheet();
sketchSheet.replaceSync(sketchCss(themePalette()));
document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet, sketchSheet];

const save = () => vscode.setState({ ...persisted, ...view.settings });
const view = new DiagramView(frame, stage, sheet, persisted, save, shown =>
    stage.querySelectorAll('.wa-layer > svg').forEach(svg => svg.classList.toggle('wa-show-critical', shown)),
);
const criticalToggle = view.criticalToggle;
/** The zoomed-out diagram, shown in place of the detailed drawing while its text would be too small to read. */
const sketch = new Sketch(stage);
/** The font size of the node titles of the diagram on show, which decides when the sketch is shown. */
let titlePx = 12;
/** Whether the diagram is shown as a sketch at a view (the present one by default). */
const sketched = (state: ViewState = view.viewport.state) => sketchedAt(state.zoom, titlePx);

// A diagram drawn where it is looked at draws more as the view moves; so does an update being drawn at the same view.
// Zoomed out to the sketch, the detailed drawing draws nothing more (it is not shown).
view.viewport.onView(state => {
    showLevel(state);
    if (!sketched(state)) {
        void shownDrawing?.show(visibleArea(state)).then(markBusy);
        if (pendingDrawing && !pendingDrawing.fresh) void pendingDrawing.drawing.show(visibleArea(state));
    }
    markBusy();
});

/** Shows the sketch or the detailed drawing, as the view's zoom asks. */
function showLevel(state: ViewState = view.viewport.state): void {
    const on = shownDrawing !== undefined && sketched(state);
    if (on) {
        sketch.build();
        sketch.zoomed(state.zoom);
    }
    if (stage.classList.contains('wa-sketched') !== on) stage.classList.toggle('wa-sketched', on);
}
const simulation = new SimulationSwitch(
    byId<HTMLButtonElement>('simulation-toggle'),
    byId<HTMLSpanElement>('simulation-figures'),
    persisted.simulation ?? false,
    () => shownDrawing?.element,
    shown => {
        persisted.simulation = shown;
        markSketch();
        save();
    },
);
/** The simulated figures of the model on show. */
let overlay: SimulationOverlay | undefined;

/** The sketch shows the selection, the cursor's node and the simulation's shading too. */
function markSketch(): void {
    const criticality = simulation.toggle.checked ? overlay?.criticality : undefined;
    sketch.mark({ selected: persisted.selected, highlighted, criticality });
}
/** Whether the next diagram drawn is a new one (opened fitted, or readable), rather than an update keeping the view. */
let fitPending = persisted.view === undefined;

/** The last diagram drawn from a text without syntax errors. */
let current: { graph: WorkflowGraph; layout: DiagramLayout } | undefined;
let highlighted: string | undefined;

const worker = new Worker(URL.createObjectURL(new Blob([workerSource], { type: 'text/javascript' })));
let layoutRequest = 0;
const pendingLayouts = new Map<number, (result: LayoutReply) => void>();
/** The pieces of a large layout received so far (see layout-worker-messages.ts). */
const layoutPieces = new PieceCollector<LaidOutNode, LaidOutEdge>();
worker.onmessage = (event: MessageEvent<LayoutReply>) => {
    const reply = event.data;
    if (reply.piece) {
        layoutPieces.add(reply.id, reply.piece);
        return;
    }
    const pieces = layoutPieces.take(reply.id);
    const whole: LayoutReply = reply.layout
        ? {
              id: reply.id,
              layout: { ...reply.layout, nodes: pieces.nodes.concat(reply.layout.nodes), edges: pieces.edges.concat(reply.layout.edges) },
              sketch: reply.sketch,
          }
        : reply;
    pendingLayouts.get(reply.id)?.(whole);
    pendingLayouts.delete(reply.id);
};

/** Nodes and edges per message to the worker (see layout-worker-messages.ts). */
const GRAPH_PIECE = 300;

/** Lays a graph out in the worker, which also writes its sketch; a large graph is sent in pieces, a task each. */
async function layout(graph: WorkflowGraph, direction: Direction): Promise<{ layout: DiagramLayout; sketch: SketchPaths }> {
    const id = ++layoutRequest;
    const laidOut = new Promise<{ layout: DiagramLayout; sketch: SketchPaths }>((resolve, reject) =>
        pendingLayouts.set(id, result => (result.layout ? resolve(result) : reject(new Error(result.error)))),
    );
    // The task that received the model ends here: slicing and posting the graph are tasks of their own.
    await new Promise(resolve => setTimeout(resolve, 0));
    for (const { nodes, edges, last } of slices(graph.nodes, graph.edges, GRAPH_PIECE)) {
        if (last) {
            const request: LayoutRequest = { id, graph: { ...graph, nodes, edges }, direction };
            worker.postMessage(request);
        } else {
            const piece: GraphPiece = { id, piece: { nodes, edges } };
            worker.postMessage(piece);
            await new Promise(resolve => setTimeout(resolve, 0));
        }
    }
    return laidOut;
}

/** Puts a model sent in pieces back together (see webview-messages.ts). */
const assembler = new ModelAssembler();

window.addEventListener('message', event => {
    const data: unknown = event.data;
    if (!isToWebview(data)) {
        return; // not ours, or malformed: ignored
    }
    const message = data.type === 'model' || data.type === 'modelPiece' ? assembler.accept(data) : data;
    if (!message) return; // a piece, or a model whose pieces did not all come
    void handle(message).catch(error =>
        vscode.postMessage({
            type: 'error',
            message: error instanceof Error ? error.message : String(error),
            // A failed export answers its request, so the command says why at once.
            ...(message.type === 'export' ? { requestId: message.requestId } : {}),
        }),
    );
});

/** The drawing of the latest model: an export waits for it, so it exports what is about to be shown. */
let drawing: Promise<unknown> = Promise.resolve();

async function handle(message: Exclude<ToWebview, { type: 'modelPiece' }>): Promise<void> {
    switch (message.type) {
        case 'model': {
            const shown = showModel(message);
            drawing = shown.catch(() => undefined);
            return shown;
        }
        case 'highlight':
            return highlight(message.nodeId);
        case 'export':
            return exportDiagram(message.requestId, message.format);
        case 'click':
            return void nodeElement(message.nodeId)?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    }
}

/** The diagram on show. */
let shownDrawing: Drawing | undefined;
/**
 * The diagram being drawn, hidden over the one on show until all of it (or all near the view) is
 * drawn; `fresh` when it opens at a view of its own rather than keeping the present one.
 */
let pendingDrawing: { drawing: Drawing; fresh: boolean } | undefined;

/** Drops the diagram being drawn, if any: a newer model replaces it. */
function dropPending(): void {
    void pendingDrawing?.drawing.discard();
    pendingDrawing = undefined;
    markBusy();
}

/** Marks whether drawing is under way, for tests and the benchmark (no style depends on it). */
function markBusy(): void {
    const busy = Boolean(pendingDrawing || shownDrawing?.busy);
    if (busy) stage.dataset.drawing = '';
    else delete stage.dataset.drawing;
}

/** A node drawn after the user selected it, or after the editor's cursor moved to it, shows that. */
function markDrawn(element: SVGElement): void {
    const id = element.getAttribute('data-id');
    if (id === null) return;
    if (id === persisted.selected) element.classList.add('wa-selected');
    if (id === highlighted) element.classList.add('wa-highlighted');
    if (element.classList.contains('wa-node')) simulation.shade(element as SVGGElement);
}

/** The part of the diagram in the frame at a view, in the diagram's coordinates. */
function visibleArea(state: ViewState = view.viewport.state): Box {
    return areaOfView(state, view.viewport.frameSize);
}

/**
 * Draws a diagram hidden beside the one on show, near the view it will be shown at; resolves
 * with it when that is drawn, or undefined when a newer model replaced it meanwhile.
 */
async function drawnHidden(
    parts: DiagramParts,
    graph: WorkflowGraph,
    laidOut: DiagramLayout,
    fresh: boolean,
): Promise<Drawing | undefined> {
    const drawing = new Drawing(parts, { windowed: memberCount(parts) >= WINDOWED_FROM, onDrawn: markDrawn });
    drawing.hidden = true;
    // Before the sketch's layer: a query of `#stage svg` finds the diagram.
    stage.insertBefore(drawing.layer, sketch.layer);
    pendingDrawing = { drawing, fresh };
    markBusy();
    titlePx = titleFontPx(drawing.element);
    const planned = view.plannedView(drawing.element, graph, laidOut, fresh);
    // A view that shows the sketch needs nothing of the detailed drawing: it is drawn once zoomed in.
    const complete = planned && sketched(planned) ? !drawing.stopped : await drawing.show(planned && visibleArea(planned));
    if (!complete || pendingDrawing?.drawing !== drawing) return undefined;
    pendingDrawing = undefined;
    return drawing;
}

/** Puts a drawn diagram on show in place of the last one. */
function swapIn(drawing: Drawing): void {
    void shownDrawing?.discard();
    shownDrawing = drawing;
    drawing.hidden = false;
}

/** Counts models received, so a layout that finishes after a newer model arrived is dropped. */
let modelVersion = 0;

async function showModel(message: ModelMessage): Promise<void> {
    const version = ++modelVersion;
    dropPending();
    if (message.uri !== persisted.uri) {
        persisted.uri = message.uri;
        current = undefined;
        fitPending = true;
    }
    updatePicker(message.workflows, message.graph?.workflow);
    const modelOverlay = message.simulation;
    if (message.syntaxErrors > 0 && current) {
        showBanner(
            `${message.fileName} has ${message.syntaxErrors === 1 ? 'a syntax error' : `${message.syntaxErrors} syntax errors`}: showing the last good diagram.`,
        );
        report(true);
        return;
    }
    if (!message.graph) {
        current = undefined;
        void shownDrawing?.discard();
        shownDrawing = undefined;
        sketch.clear();
        showLevel();
        markBusy();
        view.cleared();
        summary.textContent = summary.title = '';
        simulation.update(undefined);
        showBanner(message.workflows.length === 0 ? `${message.fileName} has no workflow to draw.` : 'Nothing to draw.');
        return;
    }
    const graph = message.graph;
    const { layout: laidOut, sketch: sketchOfLayout } = await layout(graph, message.direction);
    if (version !== modelVersion) return;
    const parts = diagramParts(graph, laidOut, { showCritical: criticalToggle.checked });
    const fresh = fitPending || graph.workflow !== persisted.workflow;
    const drawing = await drawnHidden(parts, graph, laidOut, fresh);
    if (!drawing || version !== modelVersion) return;
    swapIn(drawing);
    // The sketch learns of the new diagram first: showing it at its view (below) draws the sketch if that view needs it.
    sketch.show(graph, laidOut, sketchOfLayout, false);
    view.drawn(drawing.element, graph, laidOut, fresh, { lanes: laneElements(parts), sketch: sketchOfLayout });
    showLevel();
    markBusy();
    overlay = modelOverlay;
    fitPending = false;
    current = { graph, layout: laidOut };
    persisted.workflow = graph.workflow;
    // In a narrow panel the summary gives its room up first; the picker's tooltip still has it.
    summary.textContent = summary.title = picker.title = `${graph.title ?? graph.workflow} — ${graph.summary}`;
    if (message.syntaxErrors > 0) {
        showBanner(`${message.fileName} has syntax errors: the diagram may be incomplete.`);
    } else {
        hideBanner();
    }
    // The rest in a task of its own: showing a large diagram (the overview, the pinned lane names,
    // the layer) and the next slice of drawing, the shading and the report would make one long task.
    await new Promise(resolve => setTimeout(resolve, 0));
    if (version !== modelVersion) return;
    // The view may differ from the one planned (the frame was resized, or had no size): draw what it shows.
    if (!sketched()) void drawing.show(visibleArea()).then(markBusy);
    markBusy();
    simulation.update(overlay);
    markSketch();
    save();
    report(false);
}

/** The lanes' elements of a diagram, drawn or not (for the pinned lane names). */
function laneElements({ parts }: DiagramParts): SVGElement[] {
    const lanes = parts.find((part): part is DeferredGroup => isDeferred(part) && part.group.attrs.class === 'wa-lanes');
    return lanes ? Array.from({ length: lanes.size }, (_, index) => toDom(lanes.member(index))) : [];
}

function report(stale: boolean): void {
    if (!current) return;
    vscode.postMessage({
        type: 'rendered',
        workflow: current.graph.workflow,
        stale,
        nodeIds: current.graph.nodes.map(node => node.id),
        edgeCount: current.graph.edges.length,
        laneIds: current.graph.lanes.map(lane => lane.id),
    });
}

function updatePicker(workflows: WorkflowChoice[], selected: string | undefined): void {
    picker.hidden = workflows.length < 2;
    const names = workflows.map(workflow => workflow.name).join('\n');
    if (picker.dataset.names !== names) {
        picker.replaceChildren(
            ...workflows.map(workflow => {
                const option = document.createElement('option');
                option.value = workflow.name;
                option.textContent = workflow.title ? `${workflow.name} — ${workflow.title}` : workflow.name;
                return option;
            }),
        );
        picker.dataset.names = names;
    }
    if (selected !== undefined) picker.value = selected;
}

/** The node's element in the diagram on show, drawn now if it was not yet. */
function nodeElement(id: string): Element | undefined {
    const shown = shownDrawing?.element;
    if (!shown) return undefined;
    return [...shown.querySelectorAll('.wa-node')].find(element => element.getAttribute('data-id') === id) ?? shownDrawing?.drawNode(id);
}

function highlight(nodeId: string | undefined): void {
    stage.querySelectorAll('.wa-highlighted').forEach(element => element.classList.remove('wa-highlighted'));
    highlighted = nodeId;
    markSketch();
    if (nodeId === undefined) return;
    nodeElement(nodeId)?.classList.add('wa-highlighted');
    view.reveal(nodeId);
}

function showBanner(text: string): void {
    banner.textContent = text;
    banner.hidden = false;
}

function hideBanner(): void {
    banner.hidden = true;
}

async function exportDiagram(requestId: number, format: 'svg' | 'png'): Promise<void> {
    await drawing;
    if (!current) throw new Error('There is no diagram to export yet.');
    // The file the command line writes, in the colours the theme gives the preview, with what the user chose to see.
    const svg = exportedSvg(current.graph, current.layout, {
        showCritical: criticalToggle.checked,
        selected: persisted.selected,
        highlighted,
    });
    const data = format === 'svg' ? svg : await svgToPng(svg, current.layout);
    vscode.postMessage({ type: 'exported', requestId, format, data });
}

stage.addEventListener('click', event => {
    const target = event.target as Element;
    if (target.closest('.wa-sketch-layer')) return selectInSketch(event);
    const node = target.closest('.wa-node');
    const id = node?.getAttribute('data-id');
    if (node && id) select(id, node);
});

/** A click on the sketch selects the node under it, found in the layout. */
function selectInSketch(event: MouseEvent): void {
    const { zoom } = view.viewport.state;
    const origin = sketch.layer.getBoundingClientRect();
    const id = sketch.nodeAt({ x: (event.clientX - origin.left) / zoom, y: (event.clientY - origin.top) / zoom }, zoom);
    if (id) select(id, nodeElement(id));
}

function select(id: string, node: Element | undefined): void {
    stage.querySelectorAll('.wa-selected').forEach(element => element.classList.remove('wa-selected'));
    node?.classList.add('wa-selected');
    persisted.selected = id;
    markSketch();
    save();
    vscode.postMessage({ type: 'reveal', nodeId: id });
}
stage.addEventListener('keydown', event => {
    if (event.key === 'Enter' || event.key === ' ') {
        (event.target as Element).closest('.wa-node')?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    }
});
byId('org-map').addEventListener('click', () => vscode.postMessage({ type: 'openOrgMap' }));
picker.addEventListener('change', () => {
    persisted.workflow = picker.value;
    fitPending = true;
    save();
    vscode.postMessage({ type: 'selectWorkflow', workflow: picker.value });
});

vscode.postMessage({ type: 'ready' });
