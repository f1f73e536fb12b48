/**
 * The messages between the preview's webview and the extension, declared once for both sides
 * (discriminated unions on `type`), with the validators each side applies to what it receives.
 */
import type { WorkflowGraph } from './graph-model.js';
import type { SimulationOverlay } from './simulation-overlay.js';
import { isSimulationOverlay } from './simulation-overlay.js';
import { slices } from './pieces.js';
import type { Direction } from './diagram-layout.js';

export interface WorkflowChoice {
    readonly name: string;
    readonly title?: string;
}

/** Extension → webview. */
export type ToWebview =
    | {
          readonly type: 'model';
          readonly uri: string;
          readonly graph?: WorkflowGraph;
          readonly workflows: WorkflowChoice[];
          readonly syntaxErrors: number;
          readonly direction: Direction;
          readonly fileName: string;
          readonly simulation?: SimulationOverlay;
          /**
           * A large model comes in pieces (`modelPiece`, same version, numbered from 0) before this
           * message, which then holds the rest of its nodes and edges and says how many pieces came
           * first: reading one message is one task on the webview's UI thread, and a 5,000-node
           * model read at once is a long one. Versions grow; an older model's pieces are dropped.
           */
          readonly version?: number;
          readonly pieces?: number;
      }
    | ModelPiece
    | { readonly type: 'highlight'; readonly nodeId?: string }
    | { readonly type: 'export'; readonly requestId: number; readonly format: 'svg' | 'png' }
    /** Clicks a node as a user would: for keyboard commands and the integration tests. */
    | { readonly type: 'click'; readonly nodeId: string };

/** Nodes and edges of a model, to be put before those of its `model` message, in the order they came. */
export interface ModelPiece {
    readonly type: 'modelPiece';
    readonly version: number;
    readonly index: number;
    readonly nodes: WorkflowGraph['nodes'];
    readonly edges: WorkflowGraph['edges'];
}

export type ModelMessage = Extract<ToWebview, { type: 'model' }>;

/**
 * How a model is cut into pieces: a model of more nodes and edges than `pieceItems` is sent as
 * pieces of that many; the webview drops a piece (or a pieced model's last message) holding more,
 * and a model said to come in more than `pieces` pieces.
 */
export const MODEL_PIECES = { pieceItems: 300, pieces: 1_000 } as const;

/** Webview → extension. */
export type FromWebview =
    | { readonly type: 'ready' }
    | { readonly type: 'reveal'; readonly nodeId: string }
    | { readonly type: 'selectWorkflow'; readonly workflow: string }
    /** The toolbar's Organization Map button. */
    | { readonly type: 'openOrgMap' }
    | {
          readonly type: 'rendered';
          readonly workflow: string;
          readonly nodeIds: string[];
          readonly edgeCount: number;
          readonly laneIds: string[];
          readonly stale: boolean;
      }
    | { readonly type: 'exported'; readonly requestId: number; readonly format: 'svg' | 'png'; readonly data: string }
    /** Something failed; `requestId` when it was that export request. */
    | { readonly type: 'error'; readonly message: string; readonly requestId?: number };

/**
 * The largest messages the extension accepts from the webview (docs/language.md, Limits): an
 * exported drawing (SVG text or a PNG data URL), an error text, and the ids a rendered message
 * lists. A webview is not trusted further than its content security policy: anything larger is
 * dropped as malformed.
 */
export const WEBVIEW_LIMITS = {
    exportChars: 50_000_000,
    errorChars: 2_000,
    idChars: 1_000,
    ids: 100_000,
    /** All ids of one `rendered` message together. */
    idTotalChars: 10_000_000,
} as const;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown, max = 10_000): value is string => typeof value === 'string' && value.length <= max;
const isStringArray = (value: unknown): value is string[] =>
    Array.isArray(value) && value.length <= WEBVIEW_LIMITS.ids && value.every(item => isString(item, WEBVIEW_LIMITS.idChars));
const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;
const totalLength = (...lists: string[][]): number => lists.reduce((sum, list) => sum + list.reduce((n, item) => n + item.length, 0), 0);

/**
 * Text from the webview as a notification shows it: plain, on one line, cut to a few hundred
 * characters. VS Code turns `[label](target)` in a notification into a link, `command:` targets
 * included, so the `](` of such a pattern is broken up.
 */
export function plainNotice(text: string, max = 300): string {
    const flat = text
        .replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ')
        .replace(/\]\s*\(/g, '] (')
        .trim();
    return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Whether a message from the webview is one the extension understands; anything else is ignored. */
export function isFromWebview(message: unknown): message is FromWebview {
    if (!isObject(message) || !isString(message.type, 40)) return false;
    switch (message.type) {
        case 'ready':
        case 'openOrgMap':
            return true;
        case 'reveal':
            return isString(message.nodeId, 1000);
        case 'selectWorkflow':
            return isString(message.workflow, 1000);
        case 'rendered':
            return (
                isString(message.workflow, 1000) &&
                isStringArray(message.nodeIds) &&
                typeof message.edgeCount === 'number' &&
                isStringArray(message.laneIds) &&
                typeof message.stale === 'boolean' &&
                totalLength(message.nodeIds, message.laneIds) <= WEBVIEW_LIMITS.idTotalChars
            );
        case 'exported':
        case 'error':
            return isExportReply(message);
        default:
            return false;
    }
}

/** The answers to an export request that both webviews (the preview and the map) send: its data, or why not. */
export function isExportReply(message: Record<string, unknown>): boolean {
    if (message.type === 'exported') {
        return (
            typeof message.requestId === 'number' &&
            (message.format === 'svg' || message.format === 'png') &&
            isString(message.data, WEBVIEW_LIMITS.exportChars)
        );
    }
    return (
        message.type === 'error' &&
        isString(message.message, WEBVIEW_LIMITS.errorChars) &&
        (message.requestId === undefined || typeof message.requestId === 'number')
    );
}

/** Whether a message from the extension is one the webview understands. */
export function isToWebview(message: unknown): message is ToWebview {
    if (!isObject(message) || !isString(message.type, 40)) return false;
    switch (message.type) {
        case 'model':
            return (
                isString(message.uri) &&
                Array.isArray(message.workflows) &&
                typeof message.syntaxErrors === 'number' &&
                (message.direction === 'RIGHT' || message.direction === 'DOWN') &&
                isString(message.fileName) &&
                (message.simulation === undefined || isSimulationOverlay(message.simulation)) &&
                (message.version === undefined || isCount(message.version)) &&
                (message.pieces === undefined || (isCount(message.pieces) && message.pieces <= MODEL_PIECES.pieces)) &&
                (message.graph === undefined ||
                    (isObject(message.graph) &&
                        Array.isArray(message.graph.nodes) &&
                        Array.isArray(message.graph.edges) &&
                        Array.isArray(message.graph.lanes) &&
                        // The last message of a pieced model holds a piece's worth at most.
                        (!message.pieces || message.graph.nodes.length + message.graph.edges.length <= MODEL_PIECES.pieceItems)))
            );
        case 'modelPiece':
            return (
                isCount(message.version) &&
                isCount(message.index) &&
                message.index < MODEL_PIECES.pieces &&
                Array.isArray(message.nodes) &&
                Array.isArray(message.edges) &&
                message.nodes.length + message.edges.length <= MODEL_PIECES.pieceItems &&
                message.nodes.every(isObject) &&
                message.edges.every(isObject)
            );
        case 'highlight':
            return message.nodeId === undefined || isString(message.nodeId, 1000);
        case 'export':
            return typeof message.requestId === 'number' && (message.format === 'svg' || message.format === 'png');
        case 'click':
            return isString(message.nodeId, 1000);
        default:
            return false;
    }
}

/**
 * The messages that carry a model to the webview: one message for a small graph; for a large one,
 * pieces of `MODEL_PIECES.pieceItems` nodes and edges, nodes first, then the `model` message with
 * the rest. Each message is a slice of the graph's own arrays, not a copy of the whole.
 */
export function modelMessages(message: ModelMessage, version: number, pieceItems: number = MODEL_PIECES.pieceItems): ToWebview[] {
    const graph = message.graph;
    if (!graph || graph.nodes.length + graph.edges.length <= pieceItems) return [{ ...message, version }];
    const messages: ToWebview[] = [];
    let rest = graph;
    for (const { nodes, edges, last } of slices(graph.nodes, graph.edges, pieceItems)) {
        if (last) rest = { ...graph, nodes, edges };
        else messages.push({ type: 'modelPiece', version, index: messages.length, nodes, edges });
    }
    return [...messages, { ...message, graph: rest, version, pieces: messages.length }];
}

/**
 * Puts a model sent in pieces back together on the webview's side, one piece per message: each
 * piece's nodes and edges are appended to the model's own arrays (no copy of the whole per piece).
 * A piece or a `model` of a newer version drops what an older one had sent; one of an older
 * version, a piece out of order, or a model whose pieces did not all come is dropped, so the
 * diagram on show stays.
 */
export class ModelAssembler {
    /** The newest version seen. */
    private latest = -1;
    private building: { version: number; nodes: unknown[]; edges: unknown[]; count: number; broken: boolean } | undefined;

    /** The whole model when `message` completes one; undefined while pieces come, or when dropped. */
    accept(message: ModelPiece | ModelMessage): ModelMessage | undefined {
        const version = message.version;
        if (version !== undefined && version < this.latest) return undefined;
        if (version !== undefined && version > this.latest) {
            this.latest = version;
            this.building = undefined;
        }
        if (message.type === 'modelPiece') {
            this.building ??= { version: message.version, nodes: [], edges: [], count: 0, broken: false };
            const building = this.building;
            if (building.broken) return undefined;
            if (message.index !== building.count) {
                building.broken = true; // out of order or missing: this model cannot be completed
                building.nodes = building.edges = [];
                return undefined;
            }
            append(building.nodes, message.nodes);
            append(building.edges, message.edges);
            building.count++;
            return undefined;
        }
        const building = this.building;
        this.building = undefined;
        if (!message.pieces) return message;
        if (!message.graph || !building || building.broken || building.version !== version || building.count !== message.pieces)
            return undefined;
        append(building.nodes, message.graph.nodes);
        append(building.edges, message.graph.edges);
        const graph = {
            ...message.graph,
            nodes: building.nodes as WorkflowGraph['nodes'],
            edges: building.edges as WorkflowGraph['edges'],
        };
        return { ...message, graph };
    }
}

/** Appends without spreading: a spread of many items can overflow the stack. */
function append(target: unknown[], items: readonly unknown[]): void {
    for (const item of items) target.push(item);
}
