/**
 * Naming checks: names are unique where they are looked up (top-level names across the
 * workspace, members within a team, nodes within a workflow), and every team, role, person and
 * system is referred to by something.
 */
import type { ValidationAcceptor } from 'langium';
import { AstUtils } from 'langium';
import { DiagnosticTag } from 'vscode-languageserver-types';
import type { Declaration, Member, System, Team, Workflow } from '../generated/ast.js';
import { isPerson, isRole, isTeam } from '../generated/ast.js';
import type { WorkspaceFacts } from '../workspace/workspace-facts.js';
import { IssueCodes } from './issue-codes.js';
import { memoNamesakeNodes } from '../analysis/flow-memo.js';
import { namesakeIndices } from '../model/workflow-model.js';

export class NamingValidator {
    constructor(private readonly facts: WorkspaceFacts) {}

    /** Teams, systems and workflows share one workspace-wide namespace: a name is declared once. */
    checkUniqueTopLevel(declaration: Declaration, accept: ValidationAcceptor): void {
        const namesakes = this.facts.topLevelNamed(declaration.name, AstUtils.getDocument(declaration).uri);
        if (namesakes.length < 2) {
            return;
        }
        const others = namesakes
            .filter(other => other.node !== declaration)
            .map(other => `${kindOf(other.type)} in ${fileName(other.documentUri.path)}${lineOf(other)}`);
        accept('error', `The name '${declaration.name}' is declared more than once in the workspace (also a ${others.join(', a ')}).`, {
            node: declaration,
            property: 'name',
            code: IssueCodes.DuplicateName,
        });
    }

    /** Two members of one team do not share a name. */
    checkUniqueMembers(team: Team, accept: ValidationAcceptor): void {
        reportDuplicates(team.members, accept, member => `Team '${team.name}' has more than one member named '${member.name}'.`);
    }

    /** Two nodes of one workflow do not share a name. */
    checkUniqueNodes(workflow: Workflow, accept: ValidationAcceptor): void {
        for (const node of memoNamesakeNodes(workflow)) {
            accept('error', `Workflow '${workflow.name}' has more than one node named '${node.name}'.`, {
                node,
                property: 'name',
                code: IssueCodes.DuplicateName,
            });
        }
    }

    /** A team, role, person or system that nothing in the workspace refers to is probably left over. */
    checkUsed(declaration: Team | Member | System, accept: ValidationAcceptor): void {
        if (this.facts.isReferenced(declaration)) {
            return;
        }
        const kind = isTeam(declaration) ? 'Team' : isRole(declaration) ? 'Role' : isPerson(declaration) ? 'Person' : 'System';
        accept('hint', `${kind} '${declaration.name}' is never used in the workspace.`, {
            node: declaration,
            property: 'name',
            code: IssueCodes.Unused,
            tags: [DiagnosticTag.Unnecessary],
        });
    }
}

function reportDuplicates<T extends Member>(items: T[], accept: ValidationAcceptor, message: (item: T) => string): void {
    for (const index of namesakeIndices(items)) {
        const item = items[index];
        accept('error', message(item), { node: item as Member, property: 'name', code: IssueCodes.DuplicateName });
    }
}

function kindOf(type: string): string {
    return type.toLowerCase();
}

function fileName(path: string): string {
    return path.slice(path.lastIndexOf('/') + 1);
}

function lineOf(description: { nameSegment?: { range: { start: { line: number } } } }): string {
    const line = description.nameSegment?.range.start.line;
    return line === undefined ? '' : `:${line + 1}`;
}
