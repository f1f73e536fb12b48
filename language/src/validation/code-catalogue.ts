/**
 * Every diagnostic code the language reports, with its default severity and a description, in the
 * order of the reference (`docs/language.md`, "Diagnostics"). The configuration checks codes and
 * severities against it, the command line writes its SARIF rules from it, and the JSON Schema of
 * `.workflowrc.json` lists its codes; a test keeps it and the reference in step.
 */
import { IssueCodes, type IssueCode } from './issue-codes.js';

export type SeverityName = 'error' | 'warning' | 'info' | 'hint';

export interface CodeDescription {
    readonly code: IssueCode;
    /** The severity when the configuration says nothing (for an opt-in rule: when it is switched on). */
    readonly defaultSeverity: SeverityName;
    /** One sentence: what the finding means. */
    readonly summary: string;
    /** Off unless the configuration names it. */
    readonly optIn?: true;
    /** `syntax-error` and `unresolved-reference`: the configuration cannot switch them off. */
    readonly alwaysOn?: true;
}

export const CODE_CATALOGUE: readonly CodeDescription[] = [
    { code: IssueCodes.SyntaxError, defaultSeverity: 'error', summary: 'The text does not parse.', alwaysOn: true },
    {
        code: IssueCodes.UnresolvedReference,
        defaultSeverity: 'error',
        summary: 'A name does not resolve to a declaration of the right kind.',
        alwaysOn: true,
    },
    {
        code: IssueCodes.DuplicateName,
        defaultSeverity: 'error',
        summary: 'Two teams, systems or workflows of the workspace, two members of a team, or two nodes of a workflow share a name.',
    },
    { code: IssueCodes.MissingOwner, defaultSeverity: 'error', summary: 'A workflow, step, decision or system has no owner.' },
    { code: IssueCodes.DuplicateOwner, defaultSeverity: 'error', summary: 'A declaration has more than one owner clause.' },
    { code: IssueCodes.DeadEnd, defaultSeverity: 'error', summary: 'A step or decision has no outgoing transition.' },
    {
        code: IssueCodes.NoSystemAccess,
        defaultSeverity: 'error',
        summary: "A step or decision uses, is automated by, or hands off via a system its owner's team has no access to.",
    },
    { code: IssueCodes.InvalidRole, defaultSeverity: 'error', summary: 'A person is given a role that is not a role of the same team.' },
    { code: IssueCodes.HandoffWithoutChannel, defaultSeverity: 'warning', summary: 'Work passes between two teams without a via channel.' },
    {
        code: IssueCodes.IndividualOwner,
        defaultSeverity: 'warning',
        summary: 'An owner is a person: the flow depends on one individual where a role or team is expected.',
    },
    { code: IssueCodes.Unreachable, defaultSeverity: 'warning', summary: 'No path from the start of the workflow reaches this node.' },
    { code: IssueCodes.NoEnd, defaultSeverity: 'warning', summary: 'A workflow has no end.' },
    { code: IssueCodes.SlaExceeded, defaultSeverity: 'warning', summary: "The critical path is longer than the workflow's SLA." },
    { code: IssueCodes.EscalationToOwner, defaultSeverity: 'warning', summary: "An escalation goes to the node's own owner." },
    { code: IssueCodes.MissingOtherwise, defaultSeverity: 'info', summary: 'A decision has no otherwise branch.' },
    { code: IssueCodes.InvalidEstimate, defaultSeverity: 'error', summary: 'The bounds of a duration range are not in order.' },
    {
        code: IssueCodes.InvalidLikelihood,
        defaultSeverity: 'error',
        summary: "A decision's likelihoods add up to more than 100%, or to less when every branch has one.",
    },
    {
        code: IssueCodes.SlaAtRisk,
        defaultSeverity: 'warning',
        summary: 'The critical path fits the SLA, but simulation puts the 80th percentile of the cycle time over it.',
    },
    {
        code: IssueCodes.Unused,
        defaultSeverity: 'hint',
        summary: 'A team, role, person or system that nothing in the workspace refers to.',
    },
    { code: IssueCodes.UnusedSuppression, defaultSeverity: 'hint', summary: 'A suppression comment that silences nothing.' },
    {
        code: IssueCodes.MaxHandoffs,
        defaultSeverity: 'warning',
        summary: 'A workflow has more hand-offs than the configured number.',
        optIn: true,
    },
    { code: IssueCodes.RequireSla, defaultSeverity: 'warning', summary: 'A workflow has no sla.', optIn: true },
    { code: IssueCodes.RequireDuration, defaultSeverity: 'warning', summary: 'A step or decision has no duration.', optIn: true },
];

const BY_CODE = new Map<string, CodeDescription>(CODE_CATALOGUE.map(entry => [entry.code, entry]));

/** The catalogue entry of a code, or undefined for a string that is no code of the language. */
export function describeCode(code: string): CodeDescription | undefined {
    return BY_CODE.get(code);
}
