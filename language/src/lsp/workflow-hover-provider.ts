/**
 * Hover: a short Markdown card for every kind of declaration — who owns it, what it takes, who
 * works in it — shown on the declaration and on every reference to it.
 */
import type { AstNode, LangiumDocuments, MaybePromise } from 'langium';
import { AstNodeHoverProvider, type LangiumServices } from 'langium/lsp';
import type { Decision, End, Person, Role, Step, System, Team, Workflow } from '../generated/ast.js';
import { isDecision, isEnd, isPerson, isRole, isStep, isSystem, isTeam, isWorkflow } from '../generated/ast.js';
import { formatDuration } from '../model/duration.js';
import type { WorkNode } from '../model/workflow-model.js';
import { nodeEstimate, ownerText, ownerTextOf } from '../model/workflow-model.js';
import { describeEstimate, estimatePoints, isRange, mostLikelyMinutes } from '../model/estimate.js';
import { branchChances, hasLikelihoods, takenBranches } from '../model/likelihood.js';
import { summarize } from '../analysis/workflow-summary.js';
import { compileWorkflow } from '../analysis/simulation/compiled-workflow.js';
import { editorSimulation } from '../analysis/simulation/simulation-cache.js';
import { formatShare, histogramText, percentilesText } from '../analysis/simulation/simulation-text.js';
import { nodesOwnedBy, nodesUsing } from '../workspace/workspace-queries.js';
import { impactHover } from './impact-hover.js';
import { OrgFactsCache } from '../workspace/org-facts-cache.js';

/** How many names a list in a hover shows before it says "and N more". */
const LIST_LIMIT = 8;

export class WorkflowHoverProvider extends AstNodeHoverProvider {
    private readonly documents: LangiumDocuments;

    private readonly orgFacts: OrgFactsCache;

    constructor(services: LangiumServices) {
        super(services);
        this.documents = services.shared.workspace.LangiumDocuments;
        this.orgFacts = new OrgFactsCache(services.shared);
    }

    protected override async getAstNodeHoverContent(node: AstNode): Promise<string | undefined> {
        const card = await this.card(node);
        const impact = card === undefined ? undefined : impactHover(() => this.orgFacts.get(), node);
        return impact ? `${card}\n\n${impact}` : card;
    }

    private card(node: AstNode): MaybePromise<string | undefined> {
        if (isTeam(node)) return this.team(node);
        if (isRole(node) || isPerson(node)) return this.member(node);
        if (isSystem(node)) return this.system(node);
        if (isWorkflow(node)) return this.workflowWithSimulation(node);
        if (isStep(node) || isDecision(node)) return this.workNode(node);
        if (isEnd(node)) return this.end(node);
        return undefined;
    }

    private team(team: Team): string {
        const roles = team.members.filter(isRole).map(role => role.name);
        const people = team.members.filter(isPerson).map(person => (person.title ? `${person.name} (${person.title})` : person.name));
        return card('team', team.name, team.title, [
            ['Roles', list(roles)],
            ['People', list(people)],
            ['Owns directly', list(nodesOwnedBy(this.documents, team).map(qualifiedNode))],
        ]);
    }

    private member(member: Role | Person): string {
        const team = member.$container;
        const kind = isRole(member) ? 'role' : 'person';
        const role = isPerson(member) ? member.role?.ref?.name : undefined;
        return card(kind, `${team.name}.${member.name}`, member.title, [
            ['Team', team.title ? `${team.name} — ${team.title}` : team.name],
            ['Role', role],
            ['Owns', list(nodesOwnedBy(this.documents, member).map(qualifiedNode))],
        ]);
    }

    private system(system: System): string {
        const access = system.accesses.flatMap(clause => clause.teams.map(ref => ref.$refText));
        return card('system', system.name, system.title, [
            ['Owner', system.owners[0] ? ownerText(system.owners[0].owner) : undefined],
            ['Access', access.length > 0 ? access.join(', ') : 'every team'],
            ['Used by', list(nodesUsing(this.documents, system).map(qualifiedNode))],
        ]);
    }

    private workflow(workflow: Workflow): string {
        const summary = summarize(workflow);
        const path = summary.criticalPath;
        return card('workflow', workflow.name, workflow.title, [
            ['Owner', workflow.owners[0] ? ownerText(workflow.owners[0].owner) : undefined],
            ['Trigger', workflow.triggers[0]?.text],
            ['SLA', summary.slaMinutes !== undefined ? formatDuration(summary.slaMinutes) : undefined],
            ['Critical path', path ? `${formatDuration(path.minutes)}: ${path.nodes.map(node => node.name).join(' → ')}` : undefined],
            ['Teams', summary.teams.join(', ')],
            ['Hand-offs', String(summary.handoffs)],
        ]);
    }

    /** The workflow's card and, when its time is uncertain, the simulated figures with a text histogram. */
    private async workflowWithSimulation(workflow: Workflow): Promise<string> {
        const base = this.workflow(workflow);
        const compiled = compileWorkflow(workflow);
        if (!compiled.uncertain) return base;
        const report = await editorSimulation(compiled);
        const rows: Array<[string, string | undefined]> = [
            ['Simulated cycle time', `${percentilesText(report)} (mean ${report.mean === null ? '—' : formatDuration(report.mean)})`],
            ['Over the SLA', report.overSla !== null ? `${formatShare(report.overSla)} of runs` : undefined],
            [
                'Did not finish',
                report.didNotFinish > 0 ? `${formatShare(report.didNotFinish)} of runs (cut at 1,000 node visits)` : undefined,
            ],
            ['Hand-offs per run', String(report.handoffs)],
            ['Runs', `${report.runs.toLocaleString('en')}, seed ${report.seed}`],
        ];
        const lines = rows.filter(([, value]) => value !== undefined).map(([label, value]) => `- ${label}: ${escapeInline(value!)}`);
        const histogram = histogramText(report);
        const chart = histogram.length > 0 ? `\n\n\`\`\`text\n${histogram.join('\n')}\n\`\`\`` : '';
        return `${base}\n\n**Simulation**\n\n${lines.join('\n')}${chart}`;
    }

    private workNode(node: Step | Decision): string {
        const estimate = nodeEstimate(node);
        const systems = node.uses.flatMap(clause => clause.systems.map(ref => ref.$refText));
        const escalation = node.escalations[0];
        return card(isStep(node) ? 'step' : 'decision', node.name, node.title, [
            ['Owner', ownerTextOf(node)],
            ['Duration', estimate ? estimateText(node) : undefined],
            ['Distribution', estimate && isRange(estimate) ? describeEstimate(estimate) : undefined],
            ['Branches', isDecision(node) ? branchesText(node) : undefined],
            ['Uses', systems.length > 0 ? systems.join(', ') : undefined],
            ['Automated by', node.automations[0]?.system?.$refText],
            ['Calls', node.calls[0]?.workflow?.$refText],
            ['Escalates', escalation ? `after ${escalation.after} to ${ownerText(escalation.target)}` : undefined],
            ['Workflow', node.$container.name],
        ]);
    }

    private end(end: End): string {
        return card('end', end.name, end.title, [['Workflow', end.$container.name]]);
    }
}

/** `1d..2d..5d (counts as 2d)`: the estimate as written, with the value the critical path uses. */
function estimateText(node: Step | Decision): string {
    const clause = node.durations[0];
    const written = estimatePoints(clause).join('..');
    const estimate = nodeEstimate(node)!;
    return isRange(estimate)
        ? `${written} (counts as ${formatDuration(mostLikelyMinutes(estimate))} on the critical path)`
        : formatDuration(mostLikelyMinutes(estimate));
}

/** `"amount < 10k" 70% → CreateOrder; otherwise 30% → Rejected`: the chance of each branch as simulation draws it. */
function branchesText(decision: Decision): string | undefined {
    const branches = takenBranches(decision);
    if (branches.length === 0 || !hasLikelihoods(decision)) return undefined;
    const chances = branchChances(branches);
    return branches
        .map((branch, index) => {
            const label = branch.otherwise ? 'otherwise' : `"${branch.condition ?? ''}"`;
            const share = `${formatChance(chances[index])}${branch.likelihood === undefined ? ' (the rest, shared)' : ''}`;
            return `${label} ${share} → ${branch.transition?.target?.$refText ?? '?'}`;
        })
        .join('; ');
}

/** A share as a percentage with at most one decimal: `70%`, `33.3%`. */
function formatChance(share: number): string {
    return `${Math.round(share * 1000) / 10}%`;
}

function qualifiedNode(node: WorkNode): string {
    return `${node.$container.name}.${node.name}`;
}

function list(items: string[]): string | undefined {
    if (items.length === 0) return undefined;
    const shown = items.slice(0, LIST_LIMIT).join(', ');
    return items.length > LIST_LIMIT ? `${shown} and ${items.length - LIST_LIMIT} more` : shown;
}

/**
 * Every string shown in a card is plain text, most of it the user's (titles, triggers, names): it
 * is escaped so that no Markdown in it takes effect — no link, no image loaded from elsewhere, no
 * HTML, no emphasis — and line breaks become spaces, so a value cannot start a block of its own.
 * `://` is broken up so that a URL is not turned into a link either.
 */
function escapeMarkdown(text: string): string {
    return text
        .replace(/[\r\n\u2028\u2029]+/g, ' ')
        .replace(/[\\`*_{}[\]()#+\-.!<>|~&]/g, character => `\\${character}`)
        .replace(/:\/\//g, '\\://');
}

/** Like `escapeMarkdown`, for text in the middle of a line, where `.`, `-`, `+` and `#` are plain. */
function escapeInline(text: string): string {
    return text
        .replace(/[\r\n\u2028\u2029]+/g, ' ')
        .replace(/[\\`*_{}[\]()!<>|~&]/g, character => `\\${character}`)
        .replace(/:\/\//g, '\\://');
}

function card(kind: string, name: string, title: string | undefined, rows: Array<[string, string | undefined]>): string {
    const heading = `**${kind}** ${codeSpan(name)}${title ? ` — ${escapeMarkdown(title)}` : ''}`;
    const lines = rows
        .filter(([, value]) => value !== undefined && value !== '')
        .map(([label, value]) => `- ${label}: ${escapeInline(value!)}`);
    return lines.length > 0 ? `${heading}\n\n${lines.join('\n')}` : heading;
}

/** A name in backticks; names are identifiers, but a backtick would end the span early. */
function codeSpan(name: string): string {
    return `\`${name.replace(/`/g, '')}\``;
}
