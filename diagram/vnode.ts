/**
 * A tiny element tree for SVG: built once by `svg.ts`, then either turned into DOM nodes (the
 * preview, with `textContent` for every string) or serialized (export, `render`). Both come from
 * the same tree, so what is exported is what was shown.
 */

export interface VNode {
    readonly tag: string;
    readonly attrs: Record<string, string | number | undefined>;
    readonly children: VNode[];
    /** Text content: always set as text, never parsed as markup. */
    readonly text?: string;
}

export function h(tag: string, attrs: VNode['attrs'] = {}, children: Array<VNode | undefined | false> | string = []): VNode {
    return typeof children === 'string'
        ? { tag, attrs, children: [], text: children }
        : { tag, attrs, children: children.filter((child): child is VNode => Boolean(child)) };
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** C0 controls other than tab, line feed and carriage return: invisible, and not allowed in XML 1.0. */
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g;
/** Non-characters and surrogates without their partner: broken text, shown as the replacement character. */
const NOT_CHARACTERS = /[\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escapes text for XML, and drops or replaces what XML 1.0 does not allow, so every file parses. */
export function escapeXml(text: string): string {
    return text
        .replace(CONTROLS, '')
        .replace(NOT_CHARACTERS, '\uFFFD')
        .replace(/[&<>"']/g, character => ESCAPES[character]);
}

export function serialize(node: VNode, indent = ''): string {
    const attrs = Object.entries(node.attrs)
        .filter(([, value]) => value !== undefined)
        .map(([name, value]) => ` ${name}="${escapeXml(String(value))}"`)
        .join('');
    if (node.text !== undefined) {
        return `${indent}<${node.tag}${attrs}>${escapeXml(node.text)}</${node.tag}>`;
    }
    if (node.children.length === 0) {
        return `${indent}<${node.tag}${attrs}/>`;
    }
    const inner = node.children.map(child => serialize(child, `${indent}  `)).join('\n');
    return `${indent}<${node.tag}${attrs}>\n${inner}\n${indent}</${node.tag}>`;
}
