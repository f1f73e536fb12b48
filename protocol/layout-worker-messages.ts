/**
 * The messages between the preview's webview and its layout worker, declared once for both sides.
 * Each request carries an id that its reply repeats, so replies to superseded requests can be matched.
 */
import type { DiagramLayout, Direction, LaidOutEdge, LaidOutNode } from './diagram-layout.js';
import type { WorkflowGraph } from './graph-model.js';

/**
 * Webview → worker: lay out this graph. A large graph's nodes and edges come first in pieces
 * (`GraphPiece`, same id), to be put before the request's own: writing one message is one task
 * on the UI thread, as reading one is.
 */
export interface LayoutRequest {
    readonly id: number;
    readonly graph: WorkflowGraph;
    readonly direction: Direction;
    readonly piece?: undefined;
}

export interface GraphPiece {
    readonly id: number;
    readonly piece: { readonly nodes: WorkflowGraph['nodes']; readonly edges: WorkflowGraph['edges'] };
}

/**
 * Worker → webview: the layout of request `id`, or why there is none. A large layout's nodes and
 * edges come first in pieces, each its own message, and the `layout` message holds the rest:
 * reading one message is one task on the webview's UI thread, and a 5,000-node layout read at
 * once is a long one.
 */
export type LayoutReply =
    | { readonly id: number; readonly piece: LayoutPiece; readonly layout?: undefined; readonly error?: undefined }
    | {
          readonly id: number;
          readonly layout: DiagramLayout;
          /** The zoomed-out sketch's paths, written beside the layout (diagram/sketch-paths.ts). */
          readonly sketch: SketchPaths;
          readonly piece?: undefined;
          readonly error?: undefined;
      }
    | { readonly id: number; readonly error: string; readonly piece?: undefined; readonly layout?: undefined };

/** Nodes and edges of a layout, to be put before those of its `layout` message, in the order they came. */
export interface LayoutPiece {
    readonly nodes: LaidOutNode[];
    readonly edges: LaidOutEdge[];
}

/** The kinds of path of the zoomed-out sketch, in drawing order (see diagram/sketch-paths.ts). */
export const SKETCH_KINDS = [
    'lane',
    'lane-alt',
    'lane-header',
    'edges',
    'handoffs',
    'no-channel',
    'step',
    'decision',
    'end',
    'warning',
    'error',
    'critical-edges',
    'critical-nodes',
] as const;

/** The sketch's path data by kind: one `d` for all members of the kind. */
export type SketchPaths = Record<(typeof SKETCH_KINDS)[number], string>;
