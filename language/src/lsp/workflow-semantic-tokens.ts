/**
 * Semantic tokens that tell the kinds of names apart, on declarations and references alike:
 * teams (namespace), roles (enumMember), people (variable), systems (class), workflows
 * (function), steps/decisions/ends (method), durations (number).
 *
 * Requests run one after the other: Langium's provider keeps the document and the token
 * builder of the request in progress on the instance, one builder per document, and yields
 * while it walks the tree. VS Code asks for a document's visible range and for the whole
 * document at once, so two interleaved requests would put each token into the same builder
 * twice (VS Code then reports overlapping tokens and drops them), or one document's tokens
 * into another's.
 */
import type { AstNode, LangiumDocument } from 'langium';
import type { SemanticTokenAcceptor } from 'langium/lsp';
import { AbstractSemanticTokenProvider } from 'langium/lsp';
import type {
    CancellationToken,
    SemanticTokens,
    SemanticTokensDelta,
    SemanticTokensDeltaParams,
    SemanticTokensParams,
    SemanticTokensRangeParams,
} from 'vscode-languageserver';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';
import {
    isAccessClause,
    isAutomatedClause,
    isBranch,
    isCallsClause,
    isDecision,
    isDurationClause,
    isEnd,
    isEscalateClause,
    isOwnerRef,
    isPerson,
    isRole,
    isSlaClause,
    isStep,
    isSystem,
    isTeam,
    isTransition,
    isUsesClause,
    isWorkflow,
} from '../generated/ast.js';

const DECLARATION = SemanticTokenModifiers.declaration;

export class WorkflowSemanticTokenProvider extends AbstractSemanticTokenProvider {
    private queue: Promise<unknown> = Promise.resolve();

    override semanticHighlight(
        document: LangiumDocument,
        params: SemanticTokensParams,
        cancelToken?: CancellationToken,
    ): Promise<SemanticTokens> {
        return this.oneAtATime(() => super.semanticHighlight(document, params, cancelToken));
    }

    override semanticHighlightRange(
        document: LangiumDocument,
        params: SemanticTokensRangeParams,
        cancelToken?: CancellationToken,
    ): Promise<SemanticTokens> {
        return this.oneAtATime(() => super.semanticHighlightRange(document, params, cancelToken));
    }

    override semanticHighlightDelta(
        document: LangiumDocument,
        params: SemanticTokensDeltaParams,
        cancelToken?: CancellationToken,
    ): Promise<SemanticTokens | SemanticTokensDelta> {
        return this.oneAtATime(() => super.semanticHighlightDelta(document, params, cancelToken));
    }

    /** Runs `request` after the requests before it have finished, whether they succeeded or not. */
    private oneAtATime<T>(request: () => Promise<T>): Promise<T> {
        const result = this.queue.then(request, request);
        this.queue = result.catch(() => undefined);
        return result;
    }

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
        } else if (isDurationClause(node)) {
            acceptor({ node, property: 'duration', type: SemanticTokenTypes.number });
            node.further.forEach((_, index) => acceptor({ node, property: 'further', index, type: SemanticTokenTypes.number }));
        } else if (isSlaClause(node)) {
            acceptor({ node, property: 'duration', type: SemanticTokenTypes.number });
        } else if (isBranch(node) && node.likelihood !== undefined) {
            acceptor({ node, property: 'likelihood', type: SemanticTokenTypes.number });
        } else if (isEscalateClause(node)) {
            acceptor({ node, property: 'after', type: SemanticTokenTypes.number });
        }
    }
}
