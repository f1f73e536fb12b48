/**
 * Ownership checks: every workflow, step, decision and system has exactly one accountable owner,
 * that owner is a role or team rather than one individual, people hold roles of their own team,
 * and escalations go to someone other than the owner.
 */
import type { ValidationAcceptor } from 'langium';
import type { EscalateClause, OwnerClause, OwnerRef, Person, System, Workflow } from '../generated/ast.js';
import { isDecision, isStep, isSystem } from '../generated/ast.js';
import type { WorkNode } from '../model/workflow-model.js';
import { ownerOf, ownerText } from '../model/workflow-model.js';
import { IssueCodes } from './issue-codes.js';

type Owned = Workflow | WorkNode | System;

export class OwnershipValidator {
    /** A workflow, step, decision or system has one `owner` clause: not none, not several. */
    checkOwnerCount(declaration: Owned, accept: ValidationAcceptor): void {
        if (declaration.owners.length === 0) {
            accept('error', `${describe(declaration)} has no owner: add \`owner Team.Role\` to say who is accountable for it.`, {
                node: declaration,
                property: 'name',
                code: IssueCodes.MissingOwner,
            });
            return;
        }
        const first = ownerText(declaration.owners[0].owner);
        for (const extra of declaration.owners.slice(1)) {
            accept('error', `${describe(declaration)} has more than one owner (already ${first}): keep exactly one accountable owner.`, {
                node: extra,
                code: IssueCodes.DuplicateOwner,
            });
        }
    }

    /** An owner should be a role or a team: a person as owner makes the flow depend on one individual. */
    checkIndividualOwner(clause: OwnerClause, accept: ValidationAcceptor): void {
        const person = clause.owner?.member?.ref;
        if (person?.$type !== 'Person') {
            return;
        }
        const role = (person as Person).role?.ref;
        const instead = role
            ? ` Use the role \`${clause.owner.team.$refText}.${role.name}\` or the team instead.`
            : ' Use a role or the team instead.';
        accept('warning', `Owner ${ownerText(clause.owner)} is an individual: the flow depends on one person.${instead}`, {
            node: clause,
            property: 'owner',
            code: IssueCodes.IndividualOwner,
        });
    }

    /** An escalation goes to someone other than the node's own owner. */
    checkEscalationTarget(escalation: EscalateClause, accept: ValidationAcceptor): void {
        const node = escalation.$container;
        const owner = ownerOf(node);
        if (owner && escalation.target && sameOwner(owner, escalation.target)) {
            accept(
                'warning',
                `${describe(node)} escalates to its own owner ${ownerText(owner)}: escalate to someone who can act when the owner does not.`,
                {
                    node: escalation,
                    property: 'target',
                    code: IssueCodes.EscalationToOwner,
                },
            );
        }
    }
}

/** Both references resolve to the same team and the same member (or both to the team as a whole). */
function sameOwner(a: OwnerRef, b: OwnerRef): boolean {
    const teamA = a.team?.ref;
    if (!teamA || teamA !== b.team?.ref) {
        return false;
    }
    if (!a.member || !b.member) {
        return !a.member && !b.member;
    }
    return a.member.ref !== undefined && a.member.ref === b.member.ref;
}

export function describe(declaration: Owned): string {
    const kind = isStep(declaration) ? 'Step' : isDecision(declaration) ? 'Decision' : isSystem(declaration) ? 'System' : 'Workflow';
    return `${kind} '${declaration.name}'`;
}
