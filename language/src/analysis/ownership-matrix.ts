/**
 * The ownership matrix: one row per step or decision of the workspace, with its workflow, owner,
 * team, the systems it uses, its automation, and the hand-offs that reach it and leave it.
 * Used by `workflow-architect matrix`.
 */
import type { LangiumDocument } from 'langium';
import type { Node, Workflow } from '../generated/ast.js';
import type { WorkNode } from '../model/workflow-model.js';
import { handoffTeams, isWorkNode, outgoingTransitions, ownerTextOf, owningTeam } from '../model/workflow-model.js';
import { workflowsOf } from '../workspace/workspace-queries.js';

export interface MatrixRow {
    readonly workflow: string;
    readonly step: string;
    readonly kind: 'step' | 'decision';
    readonly owner: string;
    readonly team: string;
    readonly systems: string[];
    readonly automatedBy: string;
    /** `Team (Step) via Channel` for each hand-off into this step. */
    readonly handoffsIn: string[];
    /** `Team (Step) via Channel` for each hand-off out of this step. */
    readonly handoffsOut: string[];
}

export const MATRIX_COLUMNS = [
    'Workflow',
    'Step',
    'Kind',
    'Owner',
    'Team',
    'Systems',
    'Automated by',
    'Hand-offs in',
    'Hand-offs out',
] as const;

export function ownershipMatrix(documents: LangiumDocument[]): MatrixRow[] {
    return documents.flatMap(workflowsOf).flatMap(rowsOf);
}

function rowsOf(workflow: Workflow): MatrixRow[] {
    const incoming = new Map<Node, string[]>();
    for (const node of workflow.nodes) {
        for (const transition of outgoingTransitions(node)) {
            const target = transition.target?.ref;
            const teams = handoffTeams(transition);
            if (target && teams) {
                const list = incoming.get(target) ?? incoming.set(target, []).get(target)!;
                list.push(describe(teams.from.name, node.name, transition.channel?.$refText));
            }
        }
    }
    return workflow.nodes
        .filter((node): node is WorkNode => isWorkNode(node) && Boolean(node.name))
        .map(node => ({
            workflow: workflow.name,
            step: node.name,
            kind: node.$type === 'Step' ? 'step' : 'decision',
            owner: ownerTextOf(node) ?? '',
            team: owningTeam(node)?.name ?? '',
            systems: node.uses.flatMap(clause => clause.systems.map(ref => ref.$refText)),
            automatedBy: node.automations[0]?.system?.$refText ?? '',
            handoffsIn: incoming.get(node) ?? [],
            handoffsOut: outgoingTransitions(node).flatMap(transition => {
                const teams = handoffTeams(transition);
                return teams ? [describe(teams.to.name, transition.target!.ref!.name, transition.channel?.$refText)] : [];
            }),
        }));
}

function describe(team: string, step: string, channel: string | undefined): string {
    return `${team} (${step})${channel ? ` via ${channel}` : ' without channel'}`;
}

function cells(row: MatrixRow): string[] {
    return [
        row.workflow,
        row.step,
        row.kind,
        row.owner,
        row.team,
        row.systems.join(', '),
        row.automatedBy,
        row.handoffsIn.join('; '),
        row.handoffsOut.join('; '),
    ];
}

/** A Markdown table; `|` in cells is escaped. */
export function matrixMarkdown(rows: MatrixRow[]): string {
    const escape = (text: string) => text.replace(/\|/g, '\\|');
    const lines = [`| ${MATRIX_COLUMNS.join(' | ')} |`, `|${MATRIX_COLUMNS.map(() => '---').join('|')}|`];
    for (const row of rows) lines.push(`| ${cells(row).map(escape).join(' | ')} |`);
    return lines.join('\n') + '\n';
}

/** CSV as RFC 4180 has it: fields with commas, quotes or line breaks are quoted. */
export function matrixCsv(rows: MatrixRow[]): string {
    const field = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
    return [MATRIX_COLUMNS, ...rows.map(cells)].map(row => row.map(field).join(',')).join('\r\n') + '\r\n';
}
