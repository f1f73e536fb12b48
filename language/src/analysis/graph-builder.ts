/**
 * Turns a workflow of the AST, with its document's diagnostics, into the graph model
 * (`protocol/graph-model.ts`). The preview, `render` and the tests all go through here.
 */
import type { LangiumDocument } from 'langium';
import { GrammarUtils } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { DiagramEdge, DiagramLane, DiagramNode, Finding, Severity, TextRange, WorkflowGraph } from '../../../protocol/graph-model.js';
import { NO_TEAM_LANE } from '../../../protocol/graph-model.js';
import { formatDuration, parseDuration } from '../model/duration.js';
import { estimatePoints } from '../model/estimate.js';
import type { Node, Transition, Workflow } from '../generated/ast.js';
import { isDecision, isEnd, isPerson, isStep } from '../generated/ast.js';
import {
    handoffTeams,
    nodeMinutes,
    nodesByName,
    outgoingTransitions,
    ownerText,
    ownerTextOf,
    owningTeam,
    startNode,
} from '../model/workflow-model.js';
import { summarize, summaryLine } from './workflow-summary.js';

const SEVERITIES: Record<number, Severity> = {
    [DiagnosticSeverity.Error]: 'error',
    [DiagnosticSeverity.Warning]: 'warning',
    [DiagnosticSeverity.Information]: 'info',
    [DiagnosticSeverity.Hint]: 'hint',
};

export function buildGraph(document: LangiumDocument, workflow: Workflow): WorkflowGraph {
    const summary = summarize(workflow);
    const critical = new Set(summary.criticalPath?.nodes ?? []);
    const criticalEdges = criticalTransitions(summary.criticalPath?.nodes ?? []);
    const findings = new FindingIndex(document.diagnostics ?? []);
    // A node whose name the parser could not read, or a second node of the same name (a
    // `duplicate-name` error), has no place of its own in the diagram.
    const nodes = [...nodesByName(workflow).values()];
    const ids = new Map(nodes.map(node => [node, node.name]));
    const { lanes, laneOf } = assignLanes(nodes);

    const start = startNode(workflow);
    const diagramNodes: DiagramNode[] = nodes.map(node => {
        const work = isStep(node) || isDecision(node) ? node : undefined;
        return {
            id: node.name,
            kind: isStep(node) ? 'step' : isDecision(node) ? 'decision' : 'end',
            name: node.name,
            title: node.title,
            owner: work ? ownerTextOf(work) : undefined,
            lane: laneOf.get(node) ?? NO_TEAM_LANE,
            automatedBy: work?.automations[0]?.system?.$refText,
            calls: work?.calls[0]?.workflow?.$refText,
            systems: work ? work.uses.flatMap(clause => clause.systems.map(ref => ref.$refText)) : [],
            duration: work?.durations[0] ? estimatePoints(work.durations[0]).join('..') : undefined,
            minutes: nodeMinutes(node),
            escalations: work
                ? work.escalations.map(escalation => ({
                      after: escalation.after,
                      minutes: parseDuration(escalation.after) ?? 0,
                      to: ownerText(escalation.target),
                      team: escalation.target?.team?.ref?.name,
                      person: isPerson(escalation.target?.member?.ref) ? escalation.target.member.ref.name : undefined,
                  }))
                : [],
            start: node === start,
            critical: critical.has(node),
            range: node.$cstNode!.range,
            nameRange: nameRange(node),
            // A missing channel is marked on its edge; everything else inside the node marks the node.
            findings: findings
                .inside(node.$cstNode!.range)
                .filter(finding => finding.code !== 'handoff-without-channel')
                .map(stripMarker),
        };
    });

    const edges: DiagramEdge[] = [];
    for (const node of nodes) {
        outgoingTransitions(node).forEach((transition, index) => {
            const target = transition.target?.ref;
            if (!target || !ids.has(target)) return;
            const branch = transition.$container.$type === 'Branch' ? transition.$container : undefined;
            edges.push({
                id: `${node.name}->${target.name}#${index}`,
                from: node.name,
                to: target.name,
                label: branch ? (branch.otherwise ? 'otherwise' : branch.condition) : undefined,
                ...(branch?.otherwise ? { otherwise: true } : {}),
                handoff: handoffTeams(transition) !== undefined,
                channel: transition.channel?.$refText,
                critical: criticalEdges.has(transition),
                findings: transition.$cstNode ? findings.inside(transition.$cstNode.range).map(stripMarker) : [],
            });
        });
    }

    return {
        uri: document.uri.toString(),
        workflow: workflow.name,
        title: workflow.title,
        owner: ownerTextOf(workflow),
        trigger: workflow.triggers[0]?.text,
        lanes,
        nodes: diagramNodes,
        edges,
        criticalPath: summary.criticalPath
            ? {
                  minutes: summary.criticalPath.minutes,
                  text: formatDuration(summary.criticalPath.minutes),
                  nodes: summary.criticalPath.nodes.map(node => node.name),
              }
            : undefined,
        sla:
            summary.slaMinutes !== undefined
                ? {
                      minutes: summary.slaMinutes,
                      text: formatDuration(summary.slaMinutes),
                      exceeded: (summary.criticalPath?.minutes ?? 0) > summary.slaMinutes,
                  }
                : undefined,
        summary: summaryLine(summary),
        findings: workflowFindings(workflow, findings),
    };
}

/** The transitions along the critical path. */
function criticalTransitions(path: Node[]): Set<Transition> {
    const result = new Set<Transition>();
    for (let i = 0; i + 1 < path.length; i++) {
        const edge = outgoingTransitions(path[i]).find(transition => transition.target?.ref === path[i + 1]);
        if (edge) result.add(edge);
    }
    return result;
}

/** One lane per owning team, in order of appearance; an end goes to the lane of the first node leading to it. */
function assignLanes(nodes: Node[]): { lanes: DiagramLane[]; laneOf: Map<Node, string> } {
    const lanes = new Map<string, DiagramLane>();
    const laneOf = new Map<Node, string>();
    for (const node of nodes) {
        const team = owningTeam(node);
        if (team) {
            laneOf.set(node, team.name);
            if (!lanes.has(team.name)) lanes.set(team.name, { id: team.name, label: team.name, title: team.title });
        }
    }
    for (const node of nodes) {
        for (const transition of outgoingTransitions(node)) {
            const target = transition.target?.ref;
            if (target && isEnd(target) && !laneOf.has(target) && laneOf.has(node)) laneOf.set(target, laneOf.get(node)!);
        }
    }
    if (nodes.some(node => !laneOf.has(node))) {
        lanes.set(NO_TEAM_LANE, { id: NO_TEAM_LANE, label: NO_TEAM_LANE });
    }
    return { lanes: [...lanes.values()], laneOf };
}

function nameRange(node: Node): TextRange {
    return GrammarUtils.findNodeForProperty(node.$cstNode, 'name')?.range ?? node.$cstNode!.range;
}

/** Findings on the workflow's own clauses and name: not inside any of its nodes. */
function workflowFindings(workflow: Workflow, findings: FindingIndex): Finding[] {
    const nodeRanges = workflow.nodes.map(node => node.$cstNode?.range).filter((range): range is TextRange => range !== undefined);
    return workflow.$cstNode
        ? findings
              .inside(workflow.$cstNode.range)
              .filter(finding => !nodeRanges.some(range => contains(range, finding.range)))
              .map(stripMarker)
        : [];
}

interface LocatedFinding extends Finding {
    readonly range: TextRange;
}

/** The document's diagnostics by start line, so each node looks only at its own lines. */
class FindingIndex {
    private readonly byLine = new Map<number, LocatedFinding[]>();

    constructor(diagnostics: Diagnostic[]) {
        for (const diagnostic of diagnostics) {
            const finding: LocatedFinding = {
                severity: SEVERITIES[diagnostic.severity ?? DiagnosticSeverity.Error],
                code: String(diagnostic.code ?? ''),
                message: String(diagnostic.message),
                range: diagnostic.range,
            };
            const line = diagnostic.range.start.line;
            (this.byLine.get(line) ?? this.byLine.set(line, []).get(line)!).push(finding);
        }
    }

    inside(range: TextRange): LocatedFinding[] {
        const result: LocatedFinding[] = [];
        for (let line = range.start.line; line <= range.end.line; line++) {
            for (const finding of this.byLine.get(line) ?? []) {
                if (contains(range, finding.range)) result.push(finding);
            }
        }
        return result;
    }
}

function stripMarker(finding: LocatedFinding | Finding): Finding {
    return { severity: finding.severity, code: finding.code, message: finding.message };
}

function contains(outer: TextRange, inner: TextRange | undefined): boolean {
    if (!inner) return false;
    const before = (a: TextRange['start'], b: TextRange['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
    return before(outer.start, inner.start) && before(inner.end, outer.end);
}
