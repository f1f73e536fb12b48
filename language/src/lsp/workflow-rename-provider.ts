/**
 * Rename across files, for every kind of declaration (each part of `Team.Role` renames its own
 * declaration). A new name that is not an identifier, is a keyword, or would clash with another
 * declaration of the same namespace (`duplicate-name`) is refused with a message, so a rename
 * never leaves a reference broken or ambiguous.
 */
import type { AstNode, LangiumDocument } from 'langium';
import { AstUtils, CstUtils, GrammarAST } from 'langium';
import type { LangiumServices } from 'langium/lsp';
import { DefaultRenameProvider } from 'langium/lsp';
import type { CancellationToken, RenameParams, WorkspaceEdit } from 'vscode-languageserver';
import { ErrorCodes, ResponseError } from 'vscode-languageserver';
import { isPerson, isRole, isStep, isSystem, isTeam, isWorkflow, isDecision, isEnd } from '../generated/ast.js';
import type { WorkflowServices } from '../workflow-module.js';
import type { WorkspaceFacts } from '../workspace/workspace-facts.js';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

export class WorkflowRenameProvider extends DefaultRenameProvider {
    private readonly facts: WorkspaceFacts;
    private readonly keywords: Set<string>;

    constructor(services: WorkflowServices) {
        super(services as LangiumServices);
        this.facts = services.validation.WorkspaceFacts;
        this.keywords = new Set(
            AstUtils.streamAllContents(services.Grammar)
                .filter(GrammarAST.isKeyword)
                .map(keyword => keyword.value),
        );
    }

    override async rename(
        document: LangiumDocument,
        params: RenameParams,
        cancelToken?: CancellationToken,
    ): Promise<WorkspaceEdit | undefined> {
        const target = this.targetAt(document, params);
        if (target) {
            const problem = this.problemWith(target, params.newName);
            if (problem) {
                throw new ResponseError(ErrorCodes.InvalidParams, problem);
            }
        }
        return super.rename(document, params, cancelToken);
    }

    private targetAt(document: LangiumDocument, params: RenameParams): AstNode | undefined {
        const root = document.parseResult.value.$cstNode;
        if (!root) return undefined;
        const leaf = CstUtils.findDeclarationNodeAtOffset(
            root,
            document.textDocument.offsetAt(params.position),
            this.grammarConfig.nameRegexp,
        );
        return leaf ? this.references.findDeclarations(leaf)[0] : undefined;
    }

    /** Why the name cannot be used for this declaration, or `undefined` when it can. */
    private problemWith(target: AstNode, newName: string): string | undefined {
        const oldName = (target as { name?: string }).name;
        if (!IDENTIFIER.test(newName)) {
            return `'${newName}' is not a valid name: use letters, digits and _, not starting with a digit.`;
        }
        if (this.keywords.has(newName)) {
            return `'${newName}' is a keyword of the workflow language.`;
        }
        if (newName === oldName) {
            return undefined;
        }
        if (isTeam(target) || isSystem(target) || isWorkflow(target)) {
            const existing = this.facts.topLevelNamed(newName)[0];
            return existing ? `A ${existing.type.toLowerCase()} named '${newName}' already exists in the workspace.` : undefined;
        }
        if (isRole(target) || isPerson(target)) {
            const team = target.$container;
            return team.members.some(member => member.name === newName)
                ? `Team '${team.name}' already has a member named '${newName}'.`
                : undefined;
        }
        if (isStep(target) || isDecision(target) || isEnd(target)) {
            const workflow = target.$container;
            return workflow.nodes.some(node => node.name === newName)
                ? `Workflow '${workflow.name}' already has a node named '${newName}'.`
                : undefined;
        }
        return undefined;
    }
}
