/**
 * Impact analysis: what depends on one person, role, team or system, and what would be left with
 * no owner, no channel or no system without it. Built on the facts of the organization map
 * (`org-map.ts`), so a hand-off here is a hand-off there. Used by `workflow-architect impact` and
 * by the hover.
 */
import type { LangiumDocument } from 'langium';
import type { OwnerRef, Person, Role, System, Team } from '../generated/ast.js';
import { isPerson, isRole } from '../generated/ast.js';
import type { WorkNode } from '../model/workflow-model.js';
import { ownerOf, ownerText, ownerTextOf } from '../model/workflow-model.js';
import type { Impact, ImpactEscalation, ImpactStep, ImpactSubject, KeyPersonRisks } from '../../../protocol/org-map.js';
import type { OrgFacts } from './org-map.js';
import { holdersOf, keyPersonRisks, locationOf, orgFacts, qualified } from './org-map.js';

/** The declaration an impact is asked about. */
export type ImpactTarget =
    | { readonly kind: 'person'; readonly node: Person }
    | { readonly kind: 'role'; readonly node: Role }
    | { readonly kind: 'team'; readonly node: Team }
    | { readonly kind: 'system'; readonly node: System };

/**
 * Finds the subject in the workspace, or explains in one line why it is not there (naming what
 * is there, so a typo is easy to see).
 */
export function resolveSubject(facts: OrgFacts, subject: ImpactSubject): ImpactTarget | string {
    if (subject.kind === 'system') {
        const system = facts.systems.find(candidate => candidate.name === subject.name);
        return system ? { kind: 'system', node: system } : `no system named '${subject.name}' in the workspace`;
    }
    const [teamName, memberName, ...rest] = subject.name.split('.');
    const team = facts.teams.find(candidate => candidate.name === teamName);
    if (subject.kind === 'team') {
        if (memberName !== undefined) return `--team takes a team name, not '${subject.name}'`;
        return team ? { kind: 'team', node: team } : `no team named '${teamName}' in the workspace`;
    }
    if (memberName === undefined || rest.length > 0 || !teamName) {
        return `--${subject.kind} takes Team.${subject.kind === 'person' ? 'person' : 'Role'}, not '${subject.name}'`;
    }
    if (!team) return `no team named '${teamName}' in the workspace`;
    const members = team.members.filter(subject.kind === 'person' ? isPerson : isRole);
    const member = members.find(candidate => candidate.name === memberName);
    if (member && isPerson(member)) return { kind: 'person', node: member };
    if (member && isRole(member)) return { kind: 'role', node: member };
    const known = members.map(candidate => candidate.name);
    const word = subject.kind === 'person' ? 'person' : 'role';
    return `no ${word} '${memberName}' in team ${teamName} (${known.length > 0 ? `its ${word === 'person' ? 'people' : 'roles'}: ${known.join(', ')}` : `it has no ${word === 'person' ? 'people' : 'roles'}`})`;
}

/** The impact of the subject on the workspace, or the one-line reason it cannot be found. */
export function impactOf(documents: Iterable<LangiumDocument>, subject: ImpactSubject): Impact | string {
    const facts = orgFacts(documents);
    const target = resolveSubject(facts, subject);
    return typeof target === 'string' ? target : impactOn(facts, target);
}

export function impactOn(facts: OrgFacts, target: ImpactTarget): Impact {
    return target.kind === 'system' ? systemImpact(facts, target.node) : ownerImpact(facts, target);
}

const stepName = (node: WorkNode) => `${node.$container.name}.${node.name}`;

function step(node: WorkNode, because: ImpactStep['because']): ImpactStep {
    return { workflow: node.$container.name, step: node.name, owner: ownerTextOf(node) ?? '', because, location: locationOf(node) };
}

/**
 * Whether an owner reference stands for the subject. A person stands for the role they alone hold
 * (`role`: the work reaches them through it); a team for every owner inside it.
 */
function matcher(target: Exclude<ImpactTarget, { kind: 'system' }>): (owner: OwnerRef | undefined) => 'owner' | 'role owner' | undefined {
    switch (target.kind) {
        case 'team':
            return owner => (owner?.team?.ref === target.node ? 'owner' : undefined);
        case 'role':
            return owner => (owner?.member?.ref === target.node ? 'owner' : undefined);
        case 'person': {
            const role = target.node.role?.ref;
            const soleRole = role && holdersOf(role).length === 1 ? role : undefined;
            return owner => {
                const member = owner?.member?.ref;
                if (member === target.node) return 'owner';
                return soleRole && member === soleRole ? 'role owner' : undefined;
            };
        }
    }
}

function ownerImpact(facts: OrgFacts, target: Exclude<ImpactTarget, { kind: 'system' }>): Impact {
    const matches = matcher(target);
    const steps = facts.nodes.flatMap(node => {
        const because = matches(ownerOf(node));
        return because ? [step(node, because)] : [];
    });
    const owned = new Set(facts.nodes.filter(node => matches(ownerOf(node))));
    const escalations: ImpactEscalation[] = facts.nodes.flatMap(node =>
        node.escalations
            .filter(escalation => matches(escalation.target))
            .map(escalation => ({
                workflow: node.$container.name,
                step: node.name,
                after: escalation.after,
                to: ownerText(escalation.target),
                location: locationOf(escalation),
            })),
    );
    const workflowsOwned = facts.workflows.filter(workflow => matches(ownerOf(workflow))).map(workflow => workflow.name);
    const systemsOwned = facts.systems.filter(system => matches(ownerOf(system))).map(system => system.name);
    const handoffs = facts.handoffs
        .filter(handoff => owned.has(handoff.source) || owned.has(handoff.target))
        .map(handoff => handoff.record);
    return {
        subject: subjectOf(target),
        ...(target.node.title !== undefined ? { title: target.node.title } : {}),
        holders: holdersFor(target),
        steps,
        workflowsOwned,
        systemsOwned,
        escalations,
        handoffs,
        losses: {
            noOwner: [
                ...[...owned].map(stepName),
                ...workflowsOwned.map(name => `workflow ${name}`),
                ...systemsOwned.map(name => `system ${name}`),
            ],
            noChannel: [],
            noSystem: [],
            noEscalation: escalations.map(escalation => `${escalation.workflow}.${escalation.step}`),
        },
        risks: risksInvolving(facts, target),
    };
}

function systemImpact(facts: OrgFacts, system: System): Impact {
    const steps: ImpactStep[] = [];
    const noSystem: string[] = [];
    for (const node of facts.nodes) {
        const used = node.uses.flatMap(clause => clause.systems.map(ref => ref.ref));
        const automated = node.automations.some(clause => clause.system?.ref === system);
        if (used.includes(system)) steps.push(step(node, 'uses'));
        if (automated) steps.push(step(node, 'automated by'));
        // Left with no system: its automation is gone, or every system it uses was this one.
        const onlyUse = used.length > 0 && used.every(ref => ref === system);
        if (automated || onlyUse) noSystem.push(stepName(node));
    }
    const via = facts.handoffs.filter(handoff => handoff.transition.channel?.ref === system).map(handoff => handoff.record);
    return {
        subject: { kind: 'system', name: system.name },
        ...(system.title !== undefined ? { title: system.title } : {}),
        holders: [],
        steps,
        workflowsOwned: [],
        systemsOwned: [],
        escalations: [],
        handoffs: via,
        losses: {
            noOwner: [],
            // A transition names at most one channel: without this system, it has none.
            noChannel: via.map(record => `${record.workflow}.${record.from} → ${record.to}`),
            noSystem,
            noEscalation: [],
        },
        risks: { roles: [], escalations: [] },
    };
}

function subjectOf(target: Exclude<ImpactTarget, { kind: 'system' }>): ImpactSubject {
    return { kind: target.kind, name: target.kind === 'team' ? target.node.name : qualified(target.node) };
}

function holdersFor(target: Exclude<ImpactTarget, { kind: 'system' }>): string[] {
    if (target.kind === 'role') return holdersOf(target.node).map(qualified);
    if (target.kind === 'person') return target.node.role?.ref ? [qualified(target.node.role.ref)] : [];
    return target.node.members.filter(isPerson).map(qualified);
}

/** The workspace's key-person risks that concern the subject: its team, its role, or the person. */
function risksInvolving(facts: OrgFacts, target: Exclude<ImpactTarget, { kind: 'system' }>): KeyPersonRisks {
    const all = keyPersonRisks(facts);
    const team = target.kind === 'team' ? target.node : target.node.$container;
    const inTeam = (name: string) => name.startsWith(`${team.name}.`);
    const concerns = (role: string, person: string) =>
        target.kind === 'team'
            ? inTeam(role) || inTeam(person)
            : target.kind === 'role'
              ? role === qualified(target.node)
              : person === qualified(target.node);
    return {
        roles: all.roles.filter(risk => concerns(risk.role, risk.person)),
        escalations: all.escalations.filter(risk => concerns(risk.to, risk.person)),
    };
}

const plural = (count: number, word: string, words = `${word}s`) => `${count} ${count === 1 ? word : words}`;

/**
 * The impact in two short lines, for the hover: what it owns or serves, its hand-offs, and the
 * key-person risks it carries.
 */
export function impactLines(impact: Impact): [string, string] {
    const workflows = new Set(impact.steps.map(entry => entry.workflow)).size;
    if (impact.subject.kind === 'system') {
        const users = new Set(impact.steps.map(entry => `${entry.workflow}.${entry.step}`)).size;
        return [
            `used by ${plural(users, 'step')} in ${plural(workflows, 'workflow')} · ${plural(impact.handoffs.length, 'hand-off')} through it`,
            `without it: ${plural(impact.losses.noSystem.length, 'step')} with no system, ${plural(impact.losses.noChannel.length, 'hand-off')} with no channel`,
        ];
    }
    const owned = new Set(impact.steps.map(entry => `${entry.workflow}.${entry.step}`));
    const into = impact.handoffs.filter(record => owned.has(`${record.workflow}.${record.to}`)).length;
    const out = impact.handoffs.filter(record => owned.has(`${record.workflow}.${record.from}`)).length;
    const first = `owns ${plural(owned.size, 'step')} in ${plural(workflows, 'workflow')} · ${plural(into, 'hand-off')} in, ${out} out`;
    return [first, riskLine(impact)];
}

function riskLine(impact: Impact): string {
    const parts: string[] = [];
    const roles = impact.risks.roles;
    if (impact.subject.kind === 'team' && roles.length > 0) {
        parts.push(`key people: ${roles.map(risk => `${risk.person} for ${risk.role}`).join(', ')}`);
    } else if (impact.subject.kind === 'role' && roles.length > 0) {
        parts.push(`key person: held only by ${roles[0].person}`);
    } else if (roles.length > 0) {
        parts.push(`key person for ${roles.map(risk => risk.role).join(', ')}`);
    }
    if (impact.escalations.length > 0) parts.push(`${plural(impact.escalations.length, 'escalation')} to it`);
    return parts.length > 0 ? parts.join(' · ') : 'no key-person risk';
}
