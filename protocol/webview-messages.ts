/**
 * The messages between the preview's webview and the extension, declared once for both sides
 * (discriminated unions on `type`), with the validators each side applies to what it receives.
 */
import type { WorkflowGraph } from './graph-model.js';
import type { SimulationOverlay } from './simulation-overlay.js';
import { isSimulationOverlay } from './simulation-overlay.js';
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
      }
    | { readonly type: 'highlight'; readonly nodeId?: string }
    | { readonly type: 'export'; readonly requestId: number; readonly format: 'svg' | 'png' }
    /** Clicks a node as a user would: for keyboard commands and the integration tests. */
    | { readonly type: 'click'; readonly nodeId: string };

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
                (message.graph === undefined ||
                    (isObject(message.graph) &&
                        Array.isArray(message.graph.nodes) &&
                        Array.isArray(message.graph.edges) &&
                        Array.isArray(message.graph.lanes)))
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
