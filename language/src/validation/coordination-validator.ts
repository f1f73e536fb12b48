/**
 * Coordination checks: a hand-off between two teams names its channel, and a team only works
 * in (or hands off through) systems whose access list admits it.
 */
import type { Reference, ValidationAcceptor } from 'langium';
import type { System, Team, Transition } from '../generated/ast.js';
import type { WorkNode } from '../model/workflow-model.js';
import { handoffTeams, outgoingTransitions, owningTeam } from '../model/workflow-model.js';
import { IssueCodes } from './issue-codes.js';

export class CoordinationValidator {
    /** A transition between the nodes of two different teams says `via` which system or channel. */
    checkHandoffChannel(transition: Transition, accept: ValidationAcceptor): void {
        if (transition.channel) {
            return;
        }
        const teams = handoffTeams(transition);
        if (teams) {
            accept(
                'warning',
                `Hand-off from ${teams.from.name} to ${teams.to.name} has no channel: add \`via <System>\` to say how the work is passed on.`,
                {
                    node: transition,
                    code: IssueCodes.HandoffWithoutChannel,
                },
            );
        }
    }

    /** Every system a node uses, is automated by or hands off through admits the node's team. */
    checkSystemAccess(node: WorkNode, accept: ValidationAcceptor): void {
        const team = owningTeam(node);
        if (!team) {
            return;
        }
        const denied = (system: Reference<System> | undefined): System | undefined =>
            system?.ref && !admits(system.ref, team) ? system.ref : undefined;
        const message = (how: string, system: System) =>
            `${team.name} ${how} ${system.name}, but ${system.name} only gives access to ${accessList(system)}.`;
        const code = IssueCodes.NoSystemAccess;
        for (const uses of node.uses) {
            uses.systems.forEach((ref, index) => {
                const system = denied(ref);
                if (system) accept('error', message('uses', system), { node: uses, property: 'systems', index, code });
            });
        }
        for (const automation of node.automations) {
            const system = denied(automation.system);
            if (system) accept('error', message('is automated by', system), { node: automation, property: 'system', code });
        }
        for (const transition of outgoingTransitions(node)) {
            const system = transition.channel && denied(transition.channel);
            if (system) accept('error', message('hands off via', system), { node: transition, property: 'channel', code });
        }
    }
}

/** A system without an `access` clause is open to every team. */
function admits(system: System, team: Team): boolean {
    if (system.accesses.length === 0) {
        return true;
    }
    return system.accesses.some(access => access.teams.some(ref => ref.ref === team));
}

function accessList(system: System): string {
    return system.accesses.flatMap(access => access.teams.map(ref => ref.$refText)).join(', ');
}
