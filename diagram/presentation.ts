/**
 * Writes the diagram's style rules onto the elements they select, as presentation attributes
 * (`fill="#ffffff"`): a standalone SVG then looks like the preview without a stylesheet, in any
 * viewer and under a content security policy that blocks `<style>`. The cascade is CSS's for the
 * selectors the rules use (descendant compounds of a tag and classes): the more classes and tags
 * a selector names, the more it weighs; between equals, the later rule wins.
 */
import type { StyleRule } from './theme.js';
import type { VNode } from './vnode.js';

interface Compound {
    readonly tag?: string;
    readonly classes: readonly string[];
}

interface ParsedRule {
    /** Outermost first, the compound the element itself must match last. */
    readonly compounds: readonly Compound[];
    readonly specificity: number;
    readonly order: number;
    readonly declarations: Readonly<Record<string, string>>;
}

/** What a selector sees of an element. */
interface Subject {
    readonly tag: string;
    readonly classes: ReadonlySet<string>;
}

export function withPresentation(tree: VNode, rules: readonly StyleRule[]): VNode {
    const parsed = rules
        .map(([selector, declarations], order) => parseRule(selector, declarations, order))
        .sort((a, b) => a.specificity - b.specificity || a.order - b.order);
    const apply = (node: VNode, ancestors: readonly Subject[]): VNode => {
        const subject = {
            tag: node.tag,
            classes: new Set(
                String(node.attrs.class ?? '')
                    .split(/\s+/)
                    .filter(Boolean),
            ),
        };
        const declared: Record<string, string> = {};
        for (const rule of parsed) {
            if (matches(rule.compounds, subject, ancestors)) Object.assign(declared, rule.declarations);
        }
        const inside = [...ancestors, subject];
        // A rule outweighs a presentation attribute in CSS, so its declarations come last.
        return { ...node, attrs: { ...node.attrs, ...declared }, children: node.children.map(child => apply(child, inside)) };
    };
    return apply(tree, []);
}

function parseRule(selector: string, declarations: Readonly<Record<string, string>>, order: number): ParsedRule {
    const compounds = selector
        .trim()
        .split(/\s+/)
        .map(text => {
            const match = /^([a-z][a-z0-9-]*)?((?:\.[\w-]+)*)$/i.exec(text);
            if (!match) throw new Error(`unsupported selector '${selector}'`);
            return { tag: match[1], classes: match[2].split('.').filter(Boolean) };
        });
    // Classes weigh (0,1,0) and tags (0,0,1); no selector here has ids or a hundred classes.
    const specificity = compounds.reduce((sum, compound) => sum + compound.classes.length * 100 + (compound.tag ? 1 : 0), 0);
    return { compounds, specificity, order, declarations };
}

function matches(compounds: readonly Compound[], subject: Subject, ancestors: readonly Subject[]): boolean {
    if (!matchesCompound(compounds[compounds.length - 1], subject)) return false;
    // Descendant combinators only: taking the nearest ancestor that matches each compound is exact.
    let index = compounds.length - 2;
    for (let i = ancestors.length - 1; i >= 0 && index >= 0; i--) {
        if (matchesCompound(compounds[index], ancestors[i])) index--;
    }
    return index < 0;
}

function matchesCompound(compound: Compound, subject: Subject): boolean {
    return (compound.tag === undefined || compound.tag === subject.tag) && compound.classes.every(name => subject.classes.has(name));
}
