/**
 * Symbol and completion kinds per declaration, for the outline, workspace symbols and completion.
 */
import type { AstNode, AstNodeDescription } from 'langium';
import { isAstNode } from 'langium';
import { DefaultNodeKindProvider } from 'langium/lsp';
import { CompletionItemKind, SymbolKind } from 'vscode-languageserver';

const SYMBOL_KINDS: Record<string, SymbolKind> = {
    Team: SymbolKind.Namespace,
    Role: SymbolKind.EnumMember,
    Person: SymbolKind.Constant,
    System: SymbolKind.Class,
    Workflow: SymbolKind.Function,
    Step: SymbolKind.Method,
    Decision: SymbolKind.Operator,
    End: SymbolKind.Event,
};

const COMPLETION_KINDS: Record<string, CompletionItemKind> = {
    Team: CompletionItemKind.Module,
    Role: CompletionItemKind.EnumMember,
    Person: CompletionItemKind.Constant,
    System: CompletionItemKind.Class,
    Workflow: CompletionItemKind.Function,
    Step: CompletionItemKind.Method,
    Decision: CompletionItemKind.Operator,
    End: CompletionItemKind.Event,
};

export class WorkflowNodeKindProvider extends DefaultNodeKindProvider {
    override getSymbolKind(node: AstNode | AstNodeDescription): SymbolKind {
        return SYMBOL_KINDS[typeOf(node)] ?? super.getSymbolKind(node);
    }

    override getCompletionItemKind(node: AstNode | AstNodeDescription): CompletionItemKind {
        return COMPLETION_KINDS[typeOf(node)] ?? super.getCompletionItemKind(node);
    }
}

function typeOf(node: AstNode | AstNodeDescription): string {
    return isAstNode(node) ? node.$type : node.type;
}
