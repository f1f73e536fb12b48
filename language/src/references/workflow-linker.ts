/**
 * The linker, walking the AST with plain loops (see `ast-walk.ts`) and yielding to pending
 * requests every few thousand nodes rather than after every node.
 */
import type { AstNode, LangiumDocument } from 'langium';
import { Cancellation, DefaultLinker, interruptAndCheck } from 'langium';
import { forEachReference, walkAst } from '../model/ast-walk.js';

const NODES_BETWEEN_YIELDS = 2000;

export class WorkflowLinker extends DefaultLinker {
    override async link(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        const nodes: AstNode[] = [];
        walkAst(document.parseResult.value, node => { nodes.push(node); });
        for (let i = 0; i < nodes.length; i++) {
            if (i % NODES_BETWEEN_YIELDS === 0) {
                await interruptAndCheck(cancelToken);
            }
            forEachReference(nodes[i], info => this.doLink(info, document));
        }
    }
}
