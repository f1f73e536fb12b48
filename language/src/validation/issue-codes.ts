/**
 * The stable diagnostic codes of the language reference (`docs/language.md`). Validators, quick fixes, the command line and the
 * tests all refer to these names, never to string literals.
 */
export const IssueCodes = {
    SyntaxError: 'syntax-error',
    UnresolvedReference: 'unresolved-reference',
    DuplicateName: 'duplicate-name',
    MissingOwner: 'missing-owner',
    DuplicateOwner: 'duplicate-owner',
    DeadEnd: 'dead-end',
    NoSystemAccess: 'no-system-access',
    InvalidRole: 'invalid-role',
    HandoffWithoutChannel: 'handoff-without-channel',
    IndividualOwner: 'individual-owner',
    Unreachable: 'unreachable',
    NoEnd: 'no-end',
    SlaExceeded: 'sla-exceeded',
    EscalationToOwner: 'escalation-to-owner',
    MissingOtherwise: 'missing-otherwise',
    InvalidEstimate: 'invalid-estimate',
    InvalidLikelihood: 'invalid-likelihood',
    SlaAtRisk: 'sla-at-risk',
    Unused: 'unused',
    UnusedSuppression: 'unused-suppression',
    MaxHandoffs: 'max-handoffs',
    RequireSla: 'require-sla',
    RequireDuration: 'require-duration',
} as const;

export type IssueCode = (typeof IssueCodes)[keyof typeof IssueCodes];
