/**
 * The figures of a workflow that the code lens, the hover and the preview show: how many steps,
 * teams and hand-offs it has, its critical path and its SLA.
 */
import type { Workflow } from '../generated/ast.js';
import type { CriticalPath } from './flow-analysis.js';
import { criticalPath } from './flow-analysis.js';
import { formatDuration, parseDuration } from '../model/duration.js';
import { handoffTeams, isWorkNode, outgoingTransitions, owningTeam } from '../model/workflow-model.js';

export interface WorkflowSummary {
    /** Steps and decisions (ends are not work). */
    readonly steps: number;
    /** Names of the teams that own at least one step or decision, in order of appearance. */
    readonly teams: string[];
    readonly handoffs: number;
    readonly criticalPath: CriticalPath | undefined;
    /** The SLA in minutes, when the workflow has one. */
    readonly slaMinutes: number | undefined;
}

export function summarize(workflow: Workflow): WorkflowSummary {
    const teams = new Set<string>();
    let steps = 0;
    let handoffs = 0;
    for (const node of workflow.nodes) {
        if (!isWorkNode(node)) continue;
        steps++;
        const team = owningTeam(node);
        if (team) teams.add(team.name);
        handoffs += outgoingTransitions(node).filter(transition => handoffTeams(transition)).length;
    }
    return {
        steps,
        teams: [...teams],
        handoffs,
        criticalPath: criticalPath(workflow),
        slaMinutes: parseDuration(workflow.slas[0]?.duration),
    };
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** `9 steps · 4 teams · 3 hand-offs · critical path 3d 7h / SLA 10d` */
export function summaryLine(summary: WorkflowSummary): string {
    const parts = [plural(summary.steps, 'step'), plural(summary.teams.length, 'team'), plural(summary.handoffs, 'hand-off')];
    const path = summary.criticalPath ? `critical path ${formatDuration(summary.criticalPath.minutes)}` : 'no critical path';
    parts.push(summary.slaMinutes !== undefined ? `${path} / SLA ${formatDuration(summary.slaMinutes)}` : path);
    return parts.join(' · ');
}
