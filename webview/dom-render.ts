/** Turns the diagram's element tree into DOM nodes: attributes with `setAttribute`, strings with `textContent`. */
import type { DiagramParts } from '../diagram/svg.js';
import { isDeferred } from '../diagram/svg.js';
import type { VNode } from '../diagram/vnode.js';

const SVG_NS = 'http://www.w3.org/2000/svg';

export function toDom(node: VNode): SVGElement {
    const element = document.createElementNS(SVG_NS, node.tag);
    for (const [name, value] of Object.entries(node.attrs)) {
        // The tree only ever holds our own attribute names; never an event handler or a link.
        if (value !== undefined && !/^on/i.test(name) && name !== 'href' && name !== 'xlink:href' && name !== 'xmlns') {
            element.setAttribute(name, String(value));
        }
    }
    if (node.text !== undefined) {
        element.textContent = node.text;
    }
    for (const child of node.children) {
        element.appendChild(toDom(child));
    }
    return element;
}

/** How long one slice of DOM building may run before it yields to input and painting. */
export const SLICE_MS = 12;

/**
 * Draws the diagram's parts into DOM nodes, a member of a deferred group at a time, yielding to
 * the event loop every few milliseconds: drawing a member's element tree and building its DOM both
 * happen inside a slice, so a diagram of thousands of nodes never blocks typing or panning for
 * long. Resolves with `undefined` when `cancelled()` turns true (a newer model arrived). `now` and
 * `yieldNow` are for tests and the benchmark.
 */
export async function toDomInSlices(
    { root, parts }: DiagramParts,
    cancelled: () => boolean,
    now: () => number = () => performance.now(),
    yieldNow: () => Promise<void> = () => new Promise(resolve => setTimeout(resolve, 0)),
): Promise<SVGElement | undefined> {
    let sliceStart = now();
    const element = toDom(root);
    for (const part of parts) {
        if (!isDeferred(part)) {
            element.appendChild(toDom(part));
            continue;
        }
        const group = element.appendChild(toDom(part.group));
        for (let index = 0; index < part.size; index++) {
            if (now() - sliceStart > SLICE_MS) {
                await yieldNow();
                if (cancelled()) return undefined;
                sliceStart = now();
            }
            group.appendChild(toDom(part.member(index)));
        }
    }
    return element;
}
