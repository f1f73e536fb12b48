/**
 * A laid-out diagram: where each lane, node and edge of a graph model is drawn. Plain data, made
 * by `diagram/layout.ts` (in the preview's worker or the CLI) and drawn by `diagram/svg.ts`.
 */

/** `RIGHT`: the flow runs left to right with one horizontal lane per team; `DOWN`: top to bottom. */
export type Direction = 'RIGHT' | 'DOWN';

export interface Point {
    x: number;
    y: number;
}
export interface Box {
    x: number;
    y: number;
    width: number;
    height: number;
}

export interface LaidOutLane extends Box {
    readonly id: string;
    readonly label: string;
    readonly title?: string;
}
export interface LaidOutNode extends Box {
    readonly id: string;
}
export interface LaidOutEdge {
    readonly id: string;
    readonly points: Point[];
    /** Where the edge's label (condition, channel) is centred, when it has one. */
    readonly labelAt?: Point;
    readonly back: boolean;
}

export interface DiagramLayout {
    readonly direction: Direction;
    readonly width: number;
    readonly height: number;
    readonly lanes: LaidOutLane[];
    readonly nodes: LaidOutNode[];
    readonly edges: LaidOutEdge[];
}
