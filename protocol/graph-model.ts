/**
 * The graph model of one workflow: what the preview draws, what `render` exports and what the
 * tests inspect. Computed once, in the language layer; plain data (JSON), no AST.
 */

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export interface Finding {
    readonly severity: Severity;
    readonly code: string;
    readonly message: string;
}

export interface Position {
    readonly line: number;
    readonly character: number;
}

export interface TextRange {
    readonly start: Position;
    readonly end: Position;
}

export type NodeKind = 'step' | 'decision' | 'end';

/** `escalate after D to X`: when the node has run for D, the work goes to X as well. */
export interface Escalation {
    /** As written, e.g. `3d`. */
    readonly after: string;
    readonly minutes: number;
    /** `Team`, `Team.Role` or `Team.person`, as written. */
    readonly to: string;
    /** The team of `to`, when it resolves. */
    readonly team?: string;
    /** The person of `to`, when it names one. */
    readonly person?: string;
}

export interface DiagramNode {
    readonly id: string;
    readonly kind: NodeKind;
    readonly name: string;
    readonly title?: string;
    /** `Team`, `Team.Role` or `Team.person`, as written. */
    readonly owner?: string;
    /** The lane the node is drawn in: its owning team, or for an end the lane of what leads to it. */
    readonly lane: string;
    readonly automatedBy?: string;
    readonly calls?: string;
    readonly systems: string[];
    /** As written, e.g. `2d`. */
    readonly duration?: string;
    readonly minutes: number;
    /** Always set by the graph builder; optional for graphs made by hand. */
    readonly escalations?: Escalation[];
    readonly start: boolean;
    readonly critical: boolean;
    /** The whole declaration, for reveal and cursor tracking. */
    readonly range: TextRange;
    /** The name, selected when the node is revealed. */
    readonly nameRange: TextRange;
    readonly findings: Finding[];
}

export interface DiagramEdge {
    readonly id: string;
    readonly from: string;
    readonly to: string;
    /** The condition of a decision branch, or `otherwise`. */
    readonly label?: string;
    /** Set on a decision's `otherwise` branch (a `when "otherwise"` has the same label). */
    readonly otherwise?: boolean;
    readonly handoff: boolean;
    readonly channel?: string;
    readonly critical: boolean;
    readonly findings: Finding[];
}

export interface DiagramLane {
    readonly id: string;
    readonly label: string;
    readonly title?: string;
}

export interface WorkflowGraph {
    readonly uri: string;
    readonly workflow: string;
    readonly title?: string;
    readonly owner?: string;
    /** The `trigger` text: what starts a case. */
    readonly trigger?: string;
    readonly lanes: DiagramLane[];
    readonly nodes: DiagramNode[];
    readonly edges: DiagramEdge[];
    readonly criticalPath?: { readonly minutes: number; readonly text: string; readonly nodes: string[] };
    readonly sla?: { readonly minutes: number; readonly text: string; readonly exceeded: boolean };
    /** `9 steps · 4 teams · 3 hand-offs · critical path 3d 7h / SLA 10d` */
    readonly summary: string;
    /** Findings on the workflow itself (no end, SLA exceeded, …). */
    readonly findings: Finding[];
}

/** Lane of nodes whose owner is missing or does not resolve. */
export const NO_TEAM_LANE = '(no team)';
