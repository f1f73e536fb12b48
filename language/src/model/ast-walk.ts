/**
 * Plain recursive walks over a Langium AST. Langium's `streamAst`/`streamReferences` are lazy
 * streams, convenient but costly per node (iterator objects, closures, one `await` per node in
 * the callers); linking and validating a 20,000-step file visits a few hundred thousand nodes,
 * where these loops are several times cheaper. Depth is bounded by the grammar (< 10 levels).
 */
import type { AstNode, Reference, ReferenceInfo } from 'langium';
import { isAstNode, isReference } from 'langium';

/** Calls `visit` on the node and every node below it, parents first. `visit` returns false to skip a node's children. */
export function walkAst(node: AstNode, visit: (node: AstNode) => boolean | void): void {
    if (visit(node) === false) {
        return;
    }
    for (const property in node) {
        if (property.charCodeAt(0) === 36 /* $ */) continue;
        const value = (node as unknown as Record<string, unknown>)[property];
        if (Array.isArray(value)) {
            for (const element of value) {
                if (isAstNode(element)) walkAst(element, visit);
            }
        } else if (isAstNode(value)) {
            walkAst(value, visit);
        }
    }
}

/** Calls `visit` for every (single-target) cross-reference held directly by the node. */
export function forEachReference(node: AstNode, visit: (info: ReferenceInfo & { reference: Reference }) => void): void {
    for (const property in node) {
        if (property.charCodeAt(0) === 36 /* $ */) continue;
        const value = (node as unknown as Record<string, unknown>)[property];
        if (isReference(value)) {
            visit({ reference: value, container: node, property });
        } else if (Array.isArray(value)) {
            value.forEach((element, index) => {
                if (isReference(element)) visit({ reference: element, container: node, property, index });
            });
        }
    }
}
