/**
 * Completion: Langium offers, at each reference, the candidates of its scope (so `next` offers the
 * nodes of the same workflow and `uses` the systems), here ranked and capped (`completion-ranking.ts`).
 * Owners get more: besides the teams, every `Team.Role` and `Team.person` is offered whole, so an
 * architect picks an accountable role in one go. Inside a line comment, the suppression directives
 * and the diagnostic codes are offered instead. After the duration of a `duration` clause, `..` is
 * offered as well, to turn it into a range; the grammar stops offering it after the third point.
 */
import type { AstNodeDescription, IndexManager, LangiumDocument, MaybePromise, ReferenceInfo, Stream } from 'langium';
import { AstUtils, GrammarAST, stream } from 'langium';
import type { CompletionAcceptor, CompletionContext, CompletionValueItem, LangiumServices, NextFeature } from 'langium/lsp';
import type { CancellationToken, CompletionList, CompletionParams } from 'vscode-languageserver';
import { CompletionItemKind } from 'vscode-languageserver-types';
import type { Team } from '../generated/ast.js';
import { isPerson, OwnerRef } from '../generated/ast.js';
import { WindowedCompletionProvider } from '../langium-patches/windowed-completion.js';
import { rankCandidates, rankSortText } from './completion-ranking.js';
import { commentCompletion } from './suppression-completion.js';

const RANGE = '..';

export class WorkflowCompletionProvider extends WindowedCompletionProvider {
    private readonly indexManager: IndexManager;

    /** The rank of each candidate of the reference being completed, for its `sortText`. */
    private readonly ranks = new WeakMap<AstNodeDescription, number>();

    constructor(services: LangiumServices) {
        super(services);
        this.indexManager = services.shared.workspace.IndexManager;
    }

    override async getCompletion(
        document: LangiumDocument,
        params: CompletionParams,
        cancelToken?: CancellationToken,
    ): Promise<CompletionList | undefined> {
        return commentCompletion(document.textDocument, params.position) ?? super.getCompletion(document, params, cancelToken);
    }

    protected override getReferenceCandidates(refInfo: ReferenceInfo, context: CompletionContext): Stream<AstNodeDescription> {
        const { textDocument } = context;
        const prefix = textDocument.getText({ start: textDocument.positionAt(context.tokenOffset), end: context.position });
        const site = { prefix, uri: context.document.uri.toString(), offset: context.offset };
        const ranked = rankCandidates(super.getReferenceCandidates(refInfo, context), site, (typed, name) =>
            this.fuzzyMatcher.match(typed, name),
        );
        ranked.forEach((description, rank) => this.ranks.set(description, rank));
        return stream(ranked);
    }

    protected override completionForCrossReference(
        context: CompletionContext,
        next: NextFeature<GrammarAST.CrossReference>,
        acceptor: CompletionAcceptor,
    ): MaybePromise<void> {
        const result = super.completionForCrossReference(context, next, acceptor);
        const rule = AstUtils.getContainerOfType(next.feature, GrammarAST.isParserRule);
        if (rule?.name === OwnerRef.$type && next.property === OwnerRef.team) {
            for (const team of this.teams()) {
                for (const member of team.members) {
                    acceptor(context, {
                        label: `${team.name}.${member.name}`,
                        kind: isPerson(member) ? CompletionItemKind.Constant : CompletionItemKind.EnumMember,
                        detail: `${isPerson(member) ? 'person' : 'role'} in ${team.name}`,
                        documentation: member.title,
                        sortText: '1',
                    });
                }
            }
        }
        return result;
    }

    protected override createReferenceCompletionItem(
        description: AstNodeDescription,
        refInfo: ReferenceInfo,
        context: CompletionContext,
    ): CompletionValueItem {
        const item = super.createReferenceCompletionItem(description, refInfo, context);
        const title = (description.node as { title?: string } | undefined)?.title;
        const rank = this.ranks.get(description);
        return {
            ...item,
            detail: title ? `${description.type.toLowerCase()} — ${title}` : description.type.toLowerCase(),
            sortText: rank === undefined ? item.sortText : rankSortText(rank),
        };
    }

    /** Langium offers only keywords with letters; `..` is the one punctuation worth offering. */
    protected override filterKeyword(context: CompletionContext, keyword: GrammarAST.Keyword): boolean {
        return keyword.value === RANGE || super.filterKeyword(context, keyword);
    }

    protected override completionForKeyword(
        context: CompletionContext,
        keyword: GrammarAST.Keyword,
        acceptor: CompletionAcceptor,
    ): MaybePromise<void> {
        if (keyword.value !== RANGE) return super.completionForKeyword(context, keyword, acceptor);
        acceptor(context, {
            label: RANGE,
            kind: CompletionItemKind.Operator,
            detail: 'range: 4h..2d (from..to) or 1d..2d..5d (optimistic..most likely..pessimistic)',
            sortText: '0',
        });
    }

    private teams(): Team[] {
        return this.indexManager
            .allElements('Team')
            .map(description => description.node as Team | undefined)
            .nonNullable()
            .toArray();
    }
}
