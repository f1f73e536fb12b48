/**
 * Quick fixes, keyed on the diagnostic codes:
 * - `missing-owner`: add `owner …`, offering the workflow's owner and the owners nearby;
 * - `handoff-without-channel`: add `via <System>`, offering systems both teams may use;
 * - `missing-otherwise`: add `otherwise -> <End>` for each end of the workflow;
 * - `unresolved-reference`: create the missing team, role (in its team, in whatever file) or system;
 * - `unused`: remove the declaration;
 * - `require-sla`: add an `sla` of the critical path, rounded up to a whole unit;
 * - any code but `syntax-error`: silence it on its line or in the file (`suppression-fixes.ts`).
 * - `invalid-estimate`: put the bounds of the range in order;
 * - `invalid-likelihood`: set the last branch to what the others leave, or scale them all to 100%.
 */
import type { AstNode, LangiumDocument, LangiumDocuments, MaybePromise } from 'langium';
import { AstUtils, CstUtils, GrammarUtils } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import type { CodeAction, CodeActionParams, Diagnostic, TextEdit } from 'vscode-languageserver';
import { CodeActionKind } from 'vscode-languageserver';
import type { Decision, System, Team, Workflow } from '../generated/ast.js';
import {
    isDurationClause,
    isDecision,
    isEnd,
    isOwnerRef,
    isPerson,
    isRole,
    isStep,
    isSystem,
    isTeam,
    isTransition,
    isWorkflow,
} from '../generated/ast.js';
import { IssueCodes } from '../validation/issue-codes.js';
import type { WorkflowServices } from '../workflow-module.js';
import { handoffTeams, isWorkNode, outgoingTransitions, ownerTextOf, type WorkNode } from '../model/workflow-model.js';
import { declarationsOf } from '../workspace/workspace-queries.js';
import { appendDeclaration, insertClause, removeNode } from './text-edits.js';
import { suppressionFixes } from './suppression-fixes.js';
import { criticalPath } from '../analysis/flow-analysis.js';
import { parseDuration } from '../model/duration.js';
import { estimatePoints } from '../model/estimate.js';
import { likelihoodTotals, readLikelihood } from '../model/likelihood.js';
import { scaleToTotal } from './likelihood-fixes.js';

/** How many alternatives one quick fix offers at most. */
const MAX_CHOICES = 5;

export class WorkflowCodeActionProvider implements CodeActionProvider {
    private readonly documents: LangiumDocuments;

    constructor(services: WorkflowServices) {
        this.documents = services.shared.workspace.LangiumDocuments;
    }

    getCodeActions(document: LangiumDocument, params: CodeActionParams): MaybePromise<CodeAction[]> {
        return params.context.diagnostics.flatMap(diagnostic => [
            ...this.fixesFor(document, diagnostic),
            ...suppressionFixes(document, diagnostic),
        ]);
    }

    private fixesFor(document: LangiumDocument, diagnostic: Diagnostic): CodeAction[] {
        const node = this.nodeAt(document, diagnostic);
        if (!node) return [];
        switch (diagnostic.code) {
            case IssueCodes.MissingOwner:
                return this.addOwner(document, diagnostic, node);
            case IssueCodes.HandoffWithoutChannel:
                return this.addChannel(document, diagnostic, node);
            case IssueCodes.MissingOtherwise:
                return this.addOtherwise(document, diagnostic, node);
            case IssueCodes.UnresolvedReference:
                return this.createMissing(document, diagnostic, node);
            case IssueCodes.Unused:
                return this.removeUnused(document, diagnostic, node);
            case IssueCodes.RequireSla:
                return this.addSla(document, diagnostic, node);
            case IssueCodes.InvalidEstimate:
                return this.orderBounds(document, diagnostic, node);
            case IssueCodes.InvalidLikelihood:
                return this.balanceLikelihoods(document, diagnostic, node);
            default:
                return [];
        }
    }

    /** `sla` with the critical path rounded up to a whole minute, hour or day, after the owner and trigger. */
    private addSla(document: LangiumDocument, diagnostic: Diagnostic, node: AstNode): CodeAction[] {
        const workflow = AstUtils.getContainerOfType(node, isWorkflow);
        const minutes = workflow && criticalPath(workflow)?.minutes;
        if (!workflow || !minutes) return [];
        const sla = `sla ${roundUpToUnit(minutes)}`;
        const header = [...workflow.owners, ...workflow.triggers]
            .map(clause => clause.$cstNode)
            .filter(cst => cst !== undefined)
            .sort((a, b) => b.end - a.end)[0];
        const open = GrammarUtils.findNodeForKeyword(workflow.$cstNode, '{');
        let edit: TextEdit | undefined;
        if (header && open) {
            const text = document.textDocument.getText();
            const lineStart = text.lastIndexOf('\n', header.offset - 1) + 1;
            const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
            const end = header.range.end;
            const newText = header.range.start.line === open.range.start.line ? `; ${sla}` : `\n${indent}${sla}`;
            edit = { range: { start: end, end }, newText };
        } else {
            edit = insertClause(document, workflow, sla, 'first');
        }
        return edit ? [fix(`Add ${sla} (the critical path, rounded up)`, diagnostic, { [document.uri.toString()]: [edit] }, true)] : [];
    }

    private nodeAt(document: LangiumDocument, diagnostic: Diagnostic): AstNode | undefined {
        const root = document.parseResult.value.$cstNode;
        const offset = document.textDocument.offsetAt(diagnostic.range.start);
        return root ? CstUtils.findLeafNodeAtOffset(root, offset)?.astNode : undefined;
    }

    private addOwner(document: LangiumDocument, diagnostic: Diagnostic, node: AstNode): CodeAction[] {
        const owned = AstUtils.getContainerOfType(node, n => isStep(n) || isDecision(n) || isWorkflow(n) || isSystem(n)) as
            WorkNode | Workflow | System | undefined;
        if (!owned) return [];
        return this.ownerCandidates(owned).flatMap((owner, index) => {
            const edit = insertClause(document, owned, `owner ${owner}`, 'first');
            return edit ? [fix(`Add owner ${owner}`, diagnostic, { [document.uri.toString()]: [edit] }, index === 0)] : [];
        });
    }

    /** Owners that make sense here: the workflow's owner, then the owners of neighbouring nodes. */
    private ownerCandidates(owned: WorkNode | Workflow | System): string[] {
        const candidates: string[] = [];
        const add = (text: string | undefined) => {
            if (text && !candidates.includes(text)) candidates.push(text);
        };
        if (isSystem(owned)) {
            owned.accesses.forEach(access => access.teams.forEach(team => add(team.ref?.name)));
        } else if (isWorkflow(owned)) {
            owned.nodes.filter(isWorkNode).forEach(node => add(ownerTextOf(node)));
        } else {
            const workflow = owned.$container;
            add(ownerTextOf(workflow));
            const neighbours = [
                ...workflow.nodes.filter(other => outgoingTransitions(other).some(t => t.target?.ref === owned)),
                ...outgoingTransitions(owned).map(t => t.target?.ref),
            ];
            neighbours.forEach(other => add(other && isWorkNode(other) ? ownerTextOf(other) : undefined));
        }
        return candidates.slice(0, MAX_CHOICES);
    }

    private addChannel(document: LangiumDocument, diagnostic: Diagnostic, node: AstNode): CodeAction[] {
        const transition = AstUtils.getContainerOfType(node, isTransition);
        const teams = transition && handoffTeams(transition);
        const end = transition?.$cstNode?.range.end;
        if (!transition || !teams || !end) return [];
        const open = (system: System) => system.accesses.length === 0;
        const admits = (system: System, team: Team) => open(system) || system.accesses.some(a => a.teams.some(t => t.ref === team));
        const systems = this.documents.all
            .flatMap(declarationsOf)
            .filter(isSystem)
            .filter(system => system.name && admits(system, teams.from) && admits(system, teams.to))
            .toArray()
            // Systems that name both teams explicitly first: they are meant for this hand-off.
            .sort((a, b) => Number(open(a)) - Number(open(b)));
        return systems
            .slice(0, MAX_CHOICES)
            .map((system, index) =>
                fix(
                    `Hand off via ${system.name}`,
                    diagnostic,
                    { [document.uri.toString()]: [{ range: { start: end, end }, newText: ` via ${system.name}` }] },
                    index === 0,
                ),
            );
    }

    private addOtherwise(document: LangiumDocument, diagnostic: Diagnostic, node: AstNode): CodeAction[] {
        const decision = AstUtils.getContainerOfType(node, isDecision);
        if (!decision) return [];
        return decision.$container.nodes
            .filter(isEnd)
            .slice(0, MAX_CHOICES)
            .flatMap((end, index) => {
                const edit = insertClause(document, decision, `otherwise -> ${end.name}`, 'last');
                return edit ? [fix(`Add otherwise -> ${end.name}`, diagnostic, { [document.uri.toString()]: [edit] }, index === 0)] : [];
            });
    }

    private createMissing(document: LangiumDocument, diagnostic: Diagnostic, node: AstNode): CodeAction[] {
        const name = (diagnostic.data as { refText?: string } | undefined)?.refText;
        if (!name) return [];
        const offset = document.textDocument.offsetAt(diagnostic.range.start);
        if (isOwnerRef(node)) {
            const team = node.team?.ref;
            const member = node.member?.$refNode && node.member.$refNode.offset <= offset ? node.member.$refText : undefined;
            if (team && member) {
                const edit = insertClause(AstUtils.getDocument(team), team, `role ${member}`, 'last');
                return edit
                    ? [
                          fix(
                              `Create role ${member} in team ${team.name}`,
                              diagnostic,
                              { [AstUtils.getDocument(team).uri.toString()]: [edit] },
                              true,
                          ),
                      ]
                    : [];
            }
            const body = node.member ? `team ${name} {\n  role ${node.member.$refText}\n}` : `team ${name} {\n}`;
            return [this.createDeclaration(document, diagnostic, 'Team', `Create team ${name}`, body)];
        }
        if (node.$type === 'AccessClause') {
            return [this.createDeclaration(document, diagnostic, 'Team', `Create team ${name}`, `team ${name} {\n}`)];
        }
        const systemReference =
            node.$type === 'UsesClause' || node.$type === 'AutomatedClause' || (isTransition(node) && node.channel?.$refText === name);
        if (systemReference) {
            const workflow = AstUtils.getContainerOfType(node, isWorkflow);
            const owner = workflow && ownerTextOf(workflow);
            const body = owner ? `system ${name} {\n  owner ${owner}\n}` : `system ${name} {\n}`;
            return [this.createDeclaration(document, diagnostic, 'System', `Create system ${name}`, body)];
        }
        return [];
    }

    /** Appends the declaration to the file that already declares things of its kind, else to this one. */
    private createDeclaration(
        document: LangiumDocument,
        diagnostic: Diagnostic,
        type: 'Team' | 'System',
        title: string,
        body: string,
    ): CodeAction {
        const target = this.documents.all.find(doc => declarationsOf(doc).some(d => d.$type === type)) ?? document;
        return fix(title, diagnostic, { [target.uri.toString()]: [appendDeclaration(target, body)] }, true);
    }

    /** `duration 2d..1d` → `duration 1d..2d`: the same points, smallest first. */
    private orderBounds(document: LangiumDocument, diagnostic: Diagnostic, node: AstNode): CodeAction[] {
        const clause = AstUtils.getContainerOfType(node, isDurationClause);
        const first = clause && GrammarUtils.findNodeForProperty(clause.$cstNode, 'duration');
        const last = clause && GrammarUtils.findNodesForProperty(clause.$cstNode, 'further').at(-1);
        if (!clause || !first || !last) return [];
        const points = estimatePoints(clause);
        const minutes = points.map(parseDuration);
        if (minutes.some(value => value === undefined)) return [];
        const sorted = points.map((text, index) => ({ text, minutes: minutes[index]! })).sort((a, b) => a.minutes - b.minutes);
        const text = sorted.map(point => point.text).join('..');
        const range = { start: first.range.start, end: last.range.end };
        return [fix(`Put the bounds in order: ${text}`, diagnostic, { [document.uri.toString()]: [{ range, newText: text }] }, true)];
    }

    /**
     * Likelihoods that add up: the last branch (usually `otherwise`) takes what the others leave
     * when every branch has one and that is 1–100%; or every stated figure is scaled so that they
     * make 100% (less 1% for each branch without one, which keeps a share).
     */
    private balanceLikelihoods(document: LangiumDocument, diagnostic: Diagnostic, node: AstNode): CodeAction[] {
        const decision = AstUtils.getContainerOfType(node, isDecision);
        if (!decision) return [];
        const stated = decision.branches.filter(branch => branch.likelihood !== undefined);
        const values = stated.map(branch => readLikelihood(branch.likelihood));
        if (stated.length === 0 || values.some(value => value === undefined)) return [];
        const { unstated } = likelihoodTotals(decision.branches);
        const actions: CodeAction[] = [];
        const last = decision.branches.at(-1)!;
        if (unstated === 0) {
            const others = values.slice(0, -1).reduce<number>((sum, value) => sum + value!, 0);
            const rest = 100 - others;
            if (rest >= 1 && rest <= 100) {
                const label = last.otherwise ? 'otherwise' : 'the last branch';
                actions.push(this.setLikelihoods(document, diagnostic, [[last, rest]], `Set ${label} to ${rest}%`));
            }
        }
        const scaled = scaleToTotal(values as number[], 100 - unstated);
        if (scaled) {
            const title = unstated === 0 ? 'Scale the likelihoods to add up to 100%' : `Scale the stated likelihoods to ${100 - unstated}%`;
            actions.push(
                this.setLikelihoods(
                    document,
                    diagnostic,
                    stated.map((branch, index) => [branch, scaled[index]]),
                    title,
                ),
            );
        }
        return actions.map((action, index) => ({ ...action, isPreferred: index === 0 }));
    }

    private setLikelihoods(
        document: LangiumDocument,
        diagnostic: Diagnostic,
        values: Array<[Decision['branches'][number], number]>,
        title: string,
    ): CodeAction {
        const edits = values.flatMap(([branch, value]) => {
            const leaf = GrammarUtils.findNodeForProperty(branch.$cstNode, 'likelihood');
            return leaf && leaf.text !== `${value}%` ? [{ range: leaf.range, newText: `${value}%` }] : [];
        });
        return fix(title, diagnostic, { [document.uri.toString()]: edits }, false);
    }

    private removeUnused(document: LangiumDocument, diagnostic: Diagnostic, node: AstNode): CodeAction[] {
        const declaration = AstUtils.getContainerOfType(node, n => isTeam(n) || isRole(n) || isPerson(n) || isSystem(n));
        const edit = declaration && removeNode(document, declaration);
        const name = (declaration as { name?: string } | undefined)?.name;
        return edit
            ? [fix(`Remove unused ${declaration.$type.toLowerCase()} ${name}`, diagnostic, { [document.uri.toString()]: [edit] }, true)]
            : [];
    }
}

function fix(title: string, diagnostic: Diagnostic, changes: Record<string, TextEdit[]>, isPreferred: boolean): CodeAction {
    return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred, edit: { changes } };
}

/** A duration in one unit, rounded up: `45m`, `5h` for 4h 10m, `3d` for 2d 1h. */
export function roundUpToUnit(minutes: number): string {
    if (minutes < 60) return `${minutes}m`;
    if (minutes < 24 * 60) return `${Math.ceil(minutes / 60)}h`;
    return `${Math.ceil(minutes / (24 * 60))}d`;
}
