/** The sizes of the swimlane layout, shared by the placement (`layout.ts`) and the routing (`edge-routing.ts`). */
import type { Box, Direction } from '../protocol/diagram-layout.js';
import type { NodeKind } from '../protocol/graph-model.js';

/** Sizes on the page; the main extent is along the flow. */
export const NODE_SIZES: Record<NodeKind, { width: number; height: number }> = {
    step: { width: 128, height: 56 },
    decision: { width: 160, height: 76 },
    end: { width: 132, height: 38 },
};
export const SLOT = { width: 168, height: 76 };
export const LAYER_GAP = 136;
export const ROW_GAP = 16;
export const LANE_PADDING = 22;
export const LANE_HEADER = { RIGHT: 132, DOWN: 40 };
export const MARGIN = 16;

/** The header of a lane, where its team is named: its leading band across the flow. */
export function laneHeaderBox(lane: Box, direction: Direction): Box {
    return direction === 'RIGHT'
        ? { x: lane.x, y: lane.y, width: LANE_HEADER.RIGHT, height: lane.height }
        : { x: lane.x, y: lane.y, width: lane.width, height: LANE_HEADER.DOWN };
}

/** The shape a node is drawn with: decisions are diamonds, steps boxes with rounded corners, ends pills. */
export type NodeOutline = { readonly shape: 'diamond' } | { readonly shape: 'rounded'; readonly radius: number };

/** The outline `svg.ts` draws for a node, which edges must end on and nothing else may cross. */
export function nodeOutline(kind: NodeKind, box: Box): NodeOutline {
    if (kind === 'decision') return { shape: 'diamond' };
    return { shape: 'rounded', radius: kind === 'end' ? box.height / 2 : 8 };
}
