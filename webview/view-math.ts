/**
 * The arithmetic of the preview's view, without the DOM: the zoom range, fitting, the first view
 * of a diagram, bringing a box into view and how far the diagram may be panned away.
 */
import type { Box, Direction } from '../protocol/diagram-layout.js';

/** A translate-and-scale of the diagram in the frame; `fitted` while it shows the fitted diagram. */
export interface ViewState {
    zoom: number;
    panX: number;
    panY: number;
    fitted?: boolean;
}

export interface Size {
    readonly width: number;
    readonly height: number;
}

/** Room kept free on each side of the frame, in screen pixels. */
export interface Insets {
    readonly left: number;
    readonly top: number;
}

/** Low enough for a workflow of a few hundred nodes, tens of thousands of pixels long, to fit. */
export const MIN_ZOOM = 0.02;
export const MAX_ZOOM = 4;
/** One step of the zoom buttons and keys. */
export const ZOOM_STEP = 1.25;
/** Text smaller than this on screen is no longer readable. */
export const READABLE_TEXT_PX = 8;
/** A first view that cannot show everything shows text this large, when every lane still fits. */
const COMFORTABLE_TEXT_PX = 10;
const MARGIN = 16;
const REVEAL_PAD = 24;

export function clampZoom(zoom: number): number {
    return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));
}

/** The whole diagram, centred, as large as it fits but never above 100%. */
export function fittedView(content: Size, frame: Size): ViewState {
    const zoom = clampZoom(Math.min(1, (frame.width - 2 * MARGIN) / content.width, (frame.height - 2 * MARGIN) / content.height));
    return { zoom, panX: (frame.width - content.width * zoom) / 2, panY: (frame.height - content.height * zoom) / 2, fitted: true };
}

/**
 * The first view of a diagram: fitted when its text stays readable that way (`fits`); otherwise
 * at a readable zoom (as large as shows every lane, up to comfortable text) at the top left,
 * where the flow starts, with the start node in view.
 */
export function openingView(
    content: Size & { readonly direction: Direction },
    frame: Size,
    readableZoom: number,
    start?: Box,
    insets: Insets = { left: 0, top: 0 },
): { view: ViewState; fits: boolean } {
    const fitted = fittedView(content, frame);
    if (fitted.zoom >= readableZoom) return { view: fitted, fits: true };
    const across =
        content.direction === 'RIGHT' ? (frame.height - 2 * MARGIN) / content.height : (frame.width - 2 * MARGIN) / content.width;
    const comfortable = Math.min(1, readableZoom * (COMFORTABLE_TEXT_PX / READABLE_TEXT_PX));
    const zoom = clampZoom(Math.max(readableZoom, Math.min(comfortable, across)));
    const view: ViewState = { zoom, panX: MARGIN, panY: MARGIN, fitted: false };
    return { view: start ? revealedView(view, start, frame, insets) : view, fits: false };
}

/** The view panned just enough to show a box (in diagram coordinates) clear of the insets. */
export function revealedView(view: ViewState, box: Box, frame: Size, insets: Insets = { left: 0, top: 0 }): ViewState {
    const { zoom } = view;
    let { panX, panY } = view;
    const left = box.x * zoom + panX;
    const top = box.y * zoom + panY;
    const right = left + box.width * zoom;
    const bottom = top + box.height * zoom;
    const minLeft = insets.left + REVEAL_PAD;
    const minTop = insets.top + REVEAL_PAD;
    if (left < minLeft) panX += minLeft - left;
    else if (right > frame.width - REVEAL_PAD) panX -= Math.min(right - (frame.width - REVEAL_PAD), left - minLeft);
    if (top < minTop) panY += minTop - top;
    else if (bottom > frame.height - REVEAL_PAD) panY -= Math.min(bottom - (frame.height - REVEAL_PAD), top - minTop);
    return panX === view.panX && panY === view.panY ? view : { ...view, panX, panY, fitted: false };
}

/**
 * The view with its pan limited so that the diagram cannot be lost: each edge of the diagram
 * may move at most half the frame past the frame's edge.
 */
export function clampedView(view: ViewState, content: Size, frame: Size): ViewState {
    const clamp = (pan: number, contentSize: number, frameSize: number) => {
        const slack = frameSize / 2;
        const low = Math.min(frameSize - contentSize, 0) - slack;
        const high = Math.max(frameSize - contentSize, 0) + slack;
        return Math.min(high, Math.max(low, pan));
    };
    const panX = clamp(view.panX, content.width * view.zoom, frame.width);
    const panY = clamp(view.panY, content.height * view.zoom, frame.height);
    return panX === view.panX && panY === view.panY ? view : { ...view, panX, panY };
}

/** The part of the diagram the frame shows, in diagram coordinates. */
export function visibleArea(view: ViewState, frame: Size): Box {
    return { x: -view.panX / view.zoom, y: -view.panY / view.zoom, width: frame.width / view.zoom, height: frame.height / view.zoom };
}
