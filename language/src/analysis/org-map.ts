/**
 * The organization map: who hands work to whom across every workflow of the workspace, through
 * which channels, and which systems each team works in. A hand-off is what `handoffTeams` says
 * (the definition the matrix, the summary and the diagram use); this module only gathers them.
 * Used by `workflow-architect org`, the Organization Map view, `impact.ts` and the hover.
 */
import type { AstNode, LangiumDocument } from 'langium';
import { AstUtils } from 'langium';
import type { Node, Person, Role, System, Team, Transition, Workflow } from '../generated/ast.js';
import { isPerson, isRole, isSystem, isTeam } from '../generated/ast.js';
import type { WorkNode } from '../model/workflow-model.js';
import { handoffTeams, isWorkNode, outgoingTransitions, ownerOf, ownerText, owningTeam } from '../model/workflow-model.js';
import { criticalPath } from './flow-analysis.js';
import { declarationsOf, workflowsOf } from '../workspace/workspace-queries.js';
import type {
    AccessGap,
    ChannelCount,
    KeyPersonRisks,
    OrgHandoff,
    OrgMap,
    OrgSystem,
    OrgTeam,
    SourceLocation,
    TeamPair,
} from '../../../protocol/org-map.js';

/** One hand-off with the AST nodes behind it, for analyses that need to ask about its ends. */
export interface HandoffFact {
    readonly transition: Transition;
    readonly source: WorkNode;
    readonly target: WorkNode;
    readonly from: Team;
    readonly to: Team;
    readonly record: OrgHandoff;
}

/** The declarations and hand-offs of a workspace, gathered in one walk. */
export interface OrgFacts {
    readonly teams: Team[];
    readonly systems: System[];
    readonly workflows: Workflow[];
    readonly nodes: WorkNode[];
    readonly handoffs: HandoffFact[];
}

/** Documents in URI order, so that every listing is the same however the workspace was loaded. */
function inWorkspaceOrder(documents: Iterable<LangiumDocument>): LangiumDocument[] {
    return [...documents].sort((a, b) => compareText(a.uri.toString(), b.uri.toString()));
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function locationOf(node: AstNode): SourceLocation | undefined {
    const range = node.$cstNode?.range;
    if (!range) return undefined;
    return { uri: AstUtils.getDocument(node).uri.toString(), range: { start: range.start, end: range.end } };
}

export function orgFacts(documents: Iterable<LangiumDocument>): OrgFacts {
    const ordered = inWorkspaceOrder(documents);
    const declarations = ordered.flatMap(declarationsOf);
    const workflows = ordered.flatMap(workflowsOf);
    const nodes: WorkNode[] = [];
    const handoffs: HandoffFact[] = [];
    for (const workflow of workflows) {
        const critical = criticalSteps(workflow);
        for (const node of workflow.nodes) {
            if (!isWorkNode(node) || !node.name) continue;
            nodes.push(node);
            for (const transition of outgoingTransitions(node)) {
                const teams = handoffTeams(transition);
                const target = transition.target?.ref;
                // A target of another workflow does not link; `handoffTeams` has a team only for work nodes.
                if (!teams || !target || !isWorkNode(target) || target.$container !== workflow) continue;
                handoffs.push({
                    transition,
                    source: node,
                    target,
                    ...teams,
                    record: {
                        workflow: workflow.name,
                        from: node.name,
                        to: target.name,
                        fromTeam: teams.from.name,
                        toTeam: teams.to.name,
                        ...(transition.channel?.ref ? { channel: transition.channel.ref.name } : {}),
                        critical: critical.get(node) === target,
                        location: locationOf(transition),
                    },
                });
            }
        }
    }
    return {
        teams: declarations.filter(isTeam).filter(team => team.name),
        systems: declarations.filter(isSystem).filter(system => system.name),
        workflows,
        nodes,
        handoffs,
    };
}

/** Each node of the critical path and the node after it on the path. */
function criticalSteps(workflow: Workflow): Map<Node, Node> {
    const path = criticalPath(workflow)?.nodes ?? [];
    const next = new Map<Node, Node>();
    for (let i = 0; i + 1 < path.length; i++) next.set(path[i], path[i + 1]);
    return next;
}

export function organizationMap(documents: Iterable<LangiumDocument>): OrgMap {
    const facts = orgFacts(documents);
    return {
        teams: teamFigures(facts),
        handoffs: teamPairs(facts.handoffs),
        systems: facts.systems.map(system => systemFigures(system, facts)),
        workflows: facts.workflows.length,
        risks: keyPersonRisks(facts),
    };
}

/** Hand-offs grouped by (from team, to team), most hand-offs first. */
export function teamPairs(handoffs: HandoffFact[]): TeamPair[] {
    const byPair = new Map<string, OrgHandoff[]>();
    for (const { record } of handoffs) {
        const key = `${record.fromTeam}\u0000${record.toTeam}`;
        const list = byPair.get(key);
        if (list) list.push(record);
        else byPair.set(key, [record]);
    }
    const pairs = [...byPair.values()].map(pairOf);
    return pairs.sort((a, b) => b.count - a.count || compareText(a.from, b.from) || compareText(a.to, b.to));
}

function pairOf(records: OrgHandoff[]): TeamPair {
    const channels = new Map<string, number>();
    for (const record of records) {
        if (record.channel) channels.set(record.channel, (channels.get(record.channel) ?? 0) + 1);
    }
    const channelCounts: ChannelCount[] = [...channels]
        .map(([name, count]) => ({ name, count }))
        .sort((a, b) => b.count - a.count || compareText(a.name, b.name));
    return {
        from: records[0].fromTeam,
        to: records[0].toTeam,
        count: records.length,
        channels: channelCounts,
        workflows: [...new Set(records.map(record => record.workflow))],
        unchanneled: records.filter(record => !record.channel).length,
        critical: records.filter(record => record.critical).length,
        handoffs: records,
    };
}

function teamFigures(facts: OrgFacts): OrgTeam[] {
    const figures = new Map<string, { steps: number; in: number; out: number; workflows: Set<string> }>();
    const of = (name: string) => {
        let entry = figures.get(name);
        if (!entry) figures.set(name, (entry = { steps: 0, in: 0, out: 0, workflows: new Set() }));
        return entry;
    };
    // Workflows first, in order, so that each team's list follows the workspace.
    for (const workflow of facts.workflows) {
        const owner = ownerOf(workflow)?.team?.ref;
        if (owner) of(owner.name).workflows.add(workflow.name);
        for (const node of workflow.nodes) {
            const team = isWorkNode(node) ? owningTeam(node) : undefined;
            if (team) of(team.name).workflows.add(workflow.name);
        }
    }
    for (const node of facts.nodes) {
        const team = owningTeam(node);
        if (team) of(team.name).steps++;
    }
    for (const handoff of facts.handoffs) {
        of(handoff.from.name).out++;
        of(handoff.to.name).in++;
    }
    const seen = new Set<string>();
    return facts.teams
        .filter(team => !seen.has(team.name) && seen.add(team.name))
        .map(team => {
            const entry = of(team.name);
            return {
                name: team.name,
                ...(team.title !== undefined ? { title: team.title } : {}),
                roles: team.members.filter(isRole).map(role => role.name),
                people: team.members.filter(isPerson).map(person => person.name),
                stepsOwned: entry.steps,
                handoffsIn: entry.in,
                handoffsOut: entry.out,
                workflows: [...entry.workflows],
                location: locationOf(team),
            };
        });
}

function systemFigures(system: System, facts: OrgFacts): OrgSystem {
    const usedBy = new Set<string>();
    const automatedBy = new Set<string>();
    for (const node of facts.nodes) {
        const team = owningTeam(node);
        if (!team) continue;
        if (node.uses.some(clause => clause.systems.some(ref => ref.ref === system))) usedBy.add(team.name);
        if (node.automations.some(clause => clause.system?.ref === system)) automatedBy.add(team.name);
    }
    const via = facts.handoffs.filter(handoff => handoff.transition.channel?.ref === system);
    const access = system.accesses.length > 0 ? system.accesses.flatMap(clause => clause.teams.map(ref => ref.$refText)) : undefined;
    const owner = ownerOf(system);
    return {
        name: system.name,
        ...(system.title !== undefined ? { title: system.title } : {}),
        ...(owner ? { owner: ownerText(owner) } : {}),
        ...(access ? { access } : {}),
        usedBy: [...usedBy],
        automatedBy: [...automatedBy],
        handoffsBy: [...new Set(via.map(handoff => handoff.from.name))],
        handoffs: via.length,
        accessGaps: accessGaps(system, facts),
        location: locationOf(system),
    };
}

/**
 * Each step whose team works with the system although the system's `access` list excludes it, as
 * `no-system-access` reports it: through `uses`, `automated by` or a hand-off `via` the system.
 */
export function accessGaps(system: System, facts: Pick<OrgFacts, 'nodes'>): AccessGap[] {
    if (system.accesses.length === 0) return [];
    const allowed = new Set(system.accesses.flatMap(clause => clause.teams.map(ref => ref.ref)));
    const gaps: AccessGap[] = [];
    for (const node of facts.nodes) {
        const team = owningTeam(node);
        if (!team || allowed.has(team)) continue;
        const gap = (how: AccessGap['how']) =>
            gaps.push({ system: system.name, team: team.name, workflow: node.$container.name, step: node.name, how });
        if (node.uses.some(clause => clause.systems.some(ref => ref.ref === system))) gap('uses');
        if (node.automations.some(clause => clause.system?.ref === system)) gap('automated by');
        if (outgoingTransitions(node).some(transition => transition.channel?.ref === system)) gap('via');
    }
    return gaps;
}

/** The people who hold a role (`person … as Role`). */
export function holdersOf(role: Role): Person[] {
    return role.$container.members.filter(isPerson).filter(person => person.role?.ref === role);
}

/** Whether the owner of a node (or an escalation) names this role. */
const ownedByMember = (node: WorkNode, member: Role | Person) => ownerOf(node)?.member?.ref === member;

/**
 * Roles held by exactly one person that own steps or decisions, and escalations that go to one
 * individual: a person, or a role that one person holds.
 */
export function keyPersonRisks(facts: Pick<OrgFacts, 'teams' | 'nodes'>): KeyPersonRisks {
    const roles = facts.teams.flatMap(team =>
        team.members.filter(isRole).flatMap(role => {
            const holders = holdersOf(role);
            const steps = facts.nodes.filter(node => ownedByMember(node, role));
            return holders.length === 1 && steps.length > 0
                ? [
                      {
                          role: `${team.name}.${role.name}`,
                          person: `${team.name}.${holders[0].name}`,
                          steps: steps.map(node => `${node.$container.name}.${node.name}`),
                      },
                  ]
                : [];
        }),
    );
    const escalations = facts.nodes.flatMap(node =>
        node.escalations.flatMap(escalation => {
            const person = individualOf(escalation.target?.member?.ref);
            return person
                ? [{ workflow: node.$container.name, step: node.name, to: ownerText(escalation.target), person: qualified(person) }]
                : [];
        }),
    );
    return { roles, escalations };
}

/** The one person a member stands for: the person, or the only holder of a role. */
export function individualOf(member: Role | Person | undefined): Person | undefined {
    if (!member) return undefined;
    if (isPerson(member)) return member;
    const holders = holdersOf(member);
    return holders.length === 1 ? holders[0] : undefined;
}

export const qualified = (member: Role | Person) => `${member.$container.name}.${member.name}`;
