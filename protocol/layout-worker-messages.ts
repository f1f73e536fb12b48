/**
 * The messages between the preview's webview and its layout worker, declared once for both sides.
 * Each request carries an id that its reply repeats, so replies to superseded requests can be matched.
 */
import type { DiagramLayout, Direction } from './diagram-layout.js';
import type { WorkflowGraph } from './graph-model.js';

/** Webview → worker: lay out this graph. */
export interface LayoutRequest {
    readonly id: number;
    readonly graph: WorkflowGraph;
    readonly direction: Direction;
}

/** Worker → webview: the layout of request `id`, or why there is none. */
export type LayoutReply =
    | { readonly id: number; readonly layout: DiagramLayout; readonly error?: undefined }
    | { readonly id: number; readonly layout?: undefined; readonly error: string };
