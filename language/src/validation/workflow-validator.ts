/**
 * Registers the validation rules, one checks map per concern, each bound to its validator.
 */
import type { ValidationChecks } from 'langium';
import type { WorkflowAstType } from '../generated/ast.js';
import type { WorkflowServices } from '../workflow-module.js';
import { workflowRcOf } from '../workspace/workflow-rc-store.js';
import { ClauseCountValidator } from './clause-count-validator.js';
import { ConfiguredRulesValidator } from './configured-rules-validator.js';
import { CoordinationValidator } from './coordination-validator.js';
import { EstimateValidator } from './estimate-validator.js';
import { FlowValidator } from './flow-validator.js';
import { NamingValidator } from './naming-validator.js';
import { OwnershipValidator } from './ownership-validator.js';
import { SimulationValidator } from './simulation-validator.js';
import { TimeValidator } from './time-validator.js';

type Checks = ValidationChecks<WorkflowAstType>;

export function registerValidationChecks(services: WorkflowServices): void {
    const registry = services.validation.ValidationRegistry;

    const ownership = new OwnershipValidator();
    registry.register<WorkflowAstType>(
        {
            Workflow: ownership.checkOwnerCount,
            Step: ownership.checkOwnerCount,
            Decision: ownership.checkOwnerCount,
            System: ownership.checkOwnerCount,
            OwnerClause: ownership.checkIndividualOwner,
            EscalateClause: ownership.checkEscalationTarget,
        } satisfies Checks,
        ownership,
    );

    const coordination = new CoordinationValidator();
    registry.register<WorkflowAstType>(
        {
            Step: coordination.checkSystemAccess,
            Decision: coordination.checkSystemAccess,
            Transition: coordination.checkHandoffChannel,
        } satisfies Checks,
        coordination,
    );

    const flow = new FlowValidator();
    registry.register<WorkflowAstType>(
        {
            Step: flow.checkDeadEnd,
            Decision: [flow.checkDeadEnd, flow.checkOtherwise],
            Workflow: flow.checkReachabilityAndEnd,
        } satisfies Checks,
        flow,
    );

    const time = new TimeValidator();
    registry.register<WorkflowAstType>(
        {
            Workflow: time.checkSla,
            DurationClause: time.checkPositive,
            SlaClause: time.checkPositive,
            EscalateClause: time.checkPositive,
        } satisfies Checks,
        time,
    );

    const estimates = new EstimateValidator();
    registry.register<WorkflowAstType>(
        {
            DurationClause: estimates.checkOrder,
            Decision: estimates.checkLikelihoods,
        } satisfies Checks,
        estimates,
    );

    const simulation = new SimulationValidator();
    registry.register<WorkflowAstType>({ Workflow: simulation.checkSlaAtRisk } satisfies Checks, simulation);

    const naming = new NamingValidator(services.validation.WorkspaceFacts);
    registry.register<WorkflowAstType>(
        {
            Team: [naming.checkUniqueTopLevel, naming.checkUniqueMembers, naming.checkUsed],
            Role: naming.checkUsed,
            Person: naming.checkUsed,
            System: [naming.checkUniqueTopLevel, naming.checkUsed],
            Workflow: [naming.checkUniqueTopLevel, naming.checkUniqueNodes],
        } satisfies Checks,
        naming,
    );

    const clauses = new ClauseCountValidator();
    registry.register<WorkflowAstType>(
        {
            Workflow: clauses.checkWorkflowClauses,
            System: clauses.checkSystemClauses,
            Step: clauses.checkNodeClauses,
            Decision: clauses.checkNodeClauses,
        } satisfies Checks,
        clauses,
    );

    const configured = new ConfiguredRulesValidator(workflowRcOf(services.shared));
    registry.register<WorkflowAstType>(
        {
            Workflow: [configured.checkMaxHandoffs, configured.checkRequireSla],
            Step: configured.checkRequireDuration,
            Decision: configured.checkRequireDuration,
        } satisfies Checks,
        configured,
    );
}
