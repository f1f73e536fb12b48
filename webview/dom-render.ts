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
