/**
 * Semantic tokens that tell the kinds of names apart, on declarations and references alike:
 * teams (namespace), roles (enumMember), people (variable), systems (class), workflows
 * (function), steps/decisions/ends (method), durations (number).
 */
import type { AstNode } from 'langium';
import type { SemanticTokenAcceptor } from 'langium/lsp';
import { AbstractSemanticTokenProvider } from 'langium/lsp';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';
import {
    isAccessClause, isAutomatedClause, isCallsClause, isDecision, isDurationClause, isEnd, isEscalateClause, isOwnerRef, isPerson,
    isRole, isSlaClause, isStep, isSystem, isTeam, isTransition, isUsesClause, isWorkflow,
} from '../generated/ast.js';

const DECLARATION = SemanticTokenModifiers.declaration;

export class WorkflowSemanticTokenProvider extends AbstractSemanticTokenProvider {
    protected override highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void {
        const name = (type: string) => acceptor({ node, property: 'name', type, modifier: DECLARATION });
        if (isTeam(node)) name(SemanticTokenTypes.namespace);
        else if (isRole(node)) name(SemanticTokenTypes.enumMember);
        else if (isPerson(node)) {
            name(SemanticTokenTypes.variable);
            if (node.role) acceptor({ node, property: 'role', type: SemanticTokenTypes.enumMember });
        } else if (isSystem(node)) name(SemanticTokenTypes.class);
        else if (isWorkflow(node)) name(SemanticTokenTypes.function);
        else if (isStep(node) || isDecision(node) || isEnd(node)) name(SemanticTokenTypes.method);
        else if (isOwnerRef(node)) {
            acceptor({ node, property: 'team', type: SemanticTokenTypes.namespace });
            if (node.member) {
                const type = isRole(node.member.ref) ? SemanticTokenTypes.enumMember : SemanticTokenTypes.variable;
                acceptor({ node, property: 'member', type });
            }
        } else if (isAccessClause(node)) {
            node.teams.forEach((_, index) => acceptor({ node, property: 'teams', index, type: SemanticTokenTypes.namespace }));
        } else if (isUsesClause(node)) {
            node.systems.forEach((_, index) => acceptor({ node, property: 'systems', index, type: SemanticTokenTypes.class }));
        } else if (isAutomatedClause(node)) {
            acceptor({ node, property: 'system', type: SemanticTokenTypes.class });
        } else if (isCallsClause(node)) {
            acceptor({ node, property: 'workflow', type: SemanticTokenTypes.function });
        } else if (isTransition(node)) {
            acceptor({ node, property: 'target', type: SemanticTokenTypes.method });
            if (node.channel) acceptor({ node, property: 'channel', type: SemanticTokenTypes.class });
        } else if (isDurationClause(node) || isSlaClause(node)) {
            acceptor({ node, property: 'duration', type: SemanticTokenTypes.number });
        } else if (isEscalateClause(node)) {
            acceptor({ node, property: 'after', type: SemanticTokenTypes.number });
        }
    }
}
