/**
 * The organization map of a workspace and the impact of one person, role, team or system: what the
 * `org` and `impact` commands print and what the Organization Map view draws. Computed once, in
 * the language layer (`language/src/analysis/org-map.ts`, `impact.ts`); plain data (JSON), no AST.
 */
import type { TextRange } from './graph-model.js';

/** Where a declaration or transition is written: the document's URI and the range of its text. */
export interface SourceLocation {
    readonly uri: string;
    readonly range: TextRange;
}

/** One transition that hands work from one team to another (see "Meaning" in the language spec). */
export interface OrgHandoff {
    readonly workflow: string;
    /** The source step or decision. */
    readonly from: string;
    /** The target step or decision. */
    readonly to: string;
    readonly fromTeam: string;
    readonly toTeam: string;
    /** The system named by `via`; absent for a hand-off without channel. */
    readonly channel?: string;
    /** Source and target are consecutive nodes of the workflow's critical path. */
    readonly critical: boolean;
    readonly location?: SourceLocation;
}

/** A channel of a team pair and how many of the pair's hand-offs run through it. */
export interface ChannelCount {
    readonly name: string;
    readonly count: number;
}

/** Every hand-off from one team to another, across the workspace. */
export interface TeamPair {
    readonly from: string;
    readonly to: string;
    readonly count: number;
    /** By count, most used first, then by name. */
    readonly channels: ChannelCount[];
    /** The workflows the hand-offs occur in, in workspace order. */
    readonly workflows: string[];
    /** Hand-offs without `via`. */
    readonly unchanneled: number;
    /** Hand-offs on a critical path. */
    readonly critical: number;
    readonly handoffs: OrgHandoff[];
}

export interface OrgTeam {
    readonly name: string;
    readonly title?: string;
    readonly roles: string[];
    readonly people: string[];
    /** Steps and decisions whose owner is the team, one of its roles or one of its people. */
    readonly stepsOwned: number;
    readonly handoffsIn: number;
    readonly handoffsOut: number;
    /** Workflows in which the team owns a step or decision, or owns the workflow itself. */
    readonly workflows: string[];
    readonly location?: SourceLocation;
}

/** A step or decision that works with a system although the system's `access` list excludes its team. */
export interface AccessGap {
    readonly system: string;
    readonly team: string;
    readonly workflow: string;
    readonly step: string;
    /** How the step works with the system. */
    readonly how: 'uses' | 'automated by' | 'via';
}

export interface OrgSystem {
    readonly name: string;
    readonly title?: string;
    readonly owner?: string;
    /** The `access` list; absent when the system has none (every team may work in it). */
    readonly access?: string[];
    /** Teams whose steps `uses` the system. */
    readonly usedBy: string[];
    /** Teams whose steps are `automated by` the system. */
    readonly automatedBy: string[];
    /** Teams that hand off `via` the system (the source's team). */
    readonly handoffsBy: string[];
    /** Hand-offs that run through the system. */
    readonly handoffs: number;
    readonly accessGaps: AccessGap[];
    readonly location?: SourceLocation;
}

/** A role that exactly one person holds, and what it owns. */
export interface KeyPersonRole {
    /** `Team.Role`. */
    readonly role: string;
    /** `Team.person`. */
    readonly person: string;
    /** `Workflow.Step` for each step or decision the role owns. */
    readonly steps: string[];
}

/** `escalate … to X` where X is one individual: a person, or a role that one person holds. */
export interface SingleEscalation {
    readonly workflow: string;
    readonly step: string;
    /** As written. */
    readonly to: string;
    /** `Team.person` of the individual. */
    readonly person: string;
}

export interface KeyPersonRisks {
    readonly roles: KeyPersonRole[];
    readonly escalations: SingleEscalation[];
}

export interface OrgMap {
    /** Every team of the workspace, in workspace order. */
    readonly teams: OrgTeam[];
    /** Team pairs sorted by count (most first), then by names. */
    readonly handoffs: TeamPair[];
    readonly systems: OrgSystem[];
    readonly workflows: number;
    readonly risks: KeyPersonRisks;
}

/** What an impact analysis is asked about: `Team.person`, `Team.Role`, `Team` or a system. */
export interface ImpactSubject {
    readonly kind: 'person' | 'role' | 'team' | 'system';
    readonly name: string;
}

/** A step or decision named in an impact report, and why it depends on the subject. */
export interface ImpactStep {
    readonly workflow: string;
    readonly step: string;
    /** As written. */
    readonly owner: string;
    /**
     * `owner`: the subject owns it; `role owner`: a role the person alone holds owns it;
     * `uses`, `automated by`: it works with the system.
     */
    readonly because: 'owner' | 'role owner' | 'uses' | 'automated by';
    readonly location?: SourceLocation;
}

export interface ImpactEscalation {
    readonly workflow: string;
    readonly step: string;
    readonly after: string;
    readonly to: string;
    readonly location?: SourceLocation;
}

export interface Impact {
    readonly subject: ImpactSubject;
    readonly title?: string;
    /** For a person, their role; for a role, the people who hold it (`Team.person`). */
    readonly holders: string[];
    readonly steps: ImpactStep[];
    readonly workflowsOwned: string[];
    readonly systemsOwned: string[];
    readonly escalations: ImpactEscalation[];
    /** Hand-offs whose source or target depends on the subject, or that run through the system. */
    readonly handoffs: OrgHandoff[];
    /** What would be left without: steps, workflows, systems with no owner; hand-offs with no channel; steps with no system. */
    readonly losses: {
        readonly noOwner: string[];
        readonly noChannel: string[];
        readonly noSystem: string[];
        readonly noEscalation: string[];
    };
    /** Key-person risks that involve the subject. */
    readonly risks: KeyPersonRisks;
}
