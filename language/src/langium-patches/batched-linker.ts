/**
 * Patch of Langium 4.4.0 `DefaultLinker.link` (a copy of its loop, without the profiler branch).
 *
 * Langium's linker streams the AST through generators and awaits `interruptAndCheck` after every
 * node; on a 20,000-step file those awaits and generator frames cost more than the linking. This
 * one collects the nodes with plain loops (`model/ast-walk.ts`) and yields to pending requests
 * every few thousand nodes, which keeps cancellation responsive. `doLink` is Langium's own.
 */
import type { AstNode, LangiumDocument } from 'langium';
import { Cancellation, DefaultLinker, interruptAndCheck } from 'langium';
import { forEachReference, walkAst } from '../model/ast-walk.js';

const NODES_BETWEEN_YIELDS = 2000;

export class BatchedLinker extends DefaultLinker {
    override async link(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        const nodes: AstNode[] = [];
        walkAst(document.parseResult.value, node => {
            nodes.push(node);
        });
        for (let i = 0; i < nodes.length; i++) {
            if (i % NODES_BETWEEN_YIELDS === 0) {
                await interruptAndCheck(cancelToken);
            }
            forEachReference(nodes[i], info => this.doLink(info, document));
        }
    }
}
