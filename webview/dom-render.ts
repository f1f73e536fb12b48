/** Turns the diagram's element tree into DOM nodes: attributes with `setAttribute`, strings with `textContent`. */
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
const SLICE_MS = 12;

/**
 * Builds the same DOM as `toDom`, yielding to the event loop every few milliseconds, so that a
 * diagram of a thousand nodes never blocks typing or panning for long. Resolves with `undefined`
 * when `cancelled()` turns true (a newer model arrived). `now` and `yieldNow` are for tests.
 */
export async function toDomInSlices(
    node: VNode,
    cancelled: () => boolean,
    now: () => number = () => performance.now(),
    yieldNow: () => Promise<void> = () => new Promise(resolve => setTimeout(resolve, 0)),
): Promise<SVGElement | undefined> {
    let sliceStart = now();
    const build = async (vnode: VNode): Promise<SVGElement | undefined> => {
        const element = toDom({ ...vnode, children: [] });
        for (const child of vnode.children) {
            if (now() - sliceStart > SLICE_MS) {
                await yieldNow();
                if (cancelled()) return undefined;
                sliceStart = now();
            }
            const built = child.children.length > 0 ? await build(child) : toDom(child);
            if (!built) return undefined;
            element.appendChild(built);
        }
        return element;
    };
    return build(node);
}
