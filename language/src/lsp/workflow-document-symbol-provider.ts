/**
 * Outline: teams ▸ roles and people, systems, workflows ▸ steps, decisions and ends, each with
 * its title as detail.
 */
import type { AstNode, CstNode, LangiumDocument } from 'langium';
import { DefaultDocumentSymbolProvider } from 'langium/lsp';
import type { DocumentSymbol } from 'vscode-languageserver';

export class WorkflowDocumentSymbolProvider extends DefaultDocumentSymbolProvider {
    protected override createSymbol(
        document: LangiumDocument,
        astNode: AstNode,
        cstNode: CstNode,
        nameNode: CstNode,
        computedName?: string,
    ): DocumentSymbol {
        const symbol = super.createSymbol(document, astNode, cstNode, nameNode, computedName);
        const title = (astNode as { title?: string }).title;
        return title ? { ...symbol, detail: title } : symbol;
    }
}
