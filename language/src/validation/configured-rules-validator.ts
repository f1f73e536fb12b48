/**
 * The rules a team switches on in `.workflowrc.json` (off otherwise):
 * - `max-handoffs` (`["warning", N]`): a workflow hands work between teams more than N times;
 * - `require-sla`: a workflow has no `sla`;
 * - `require-duration`: a step or decision has no `duration`.
 * They are reported at the severity the catalogue gives them; the configured severity is applied
 * with all others afterwards (`applyConfiguredSeverities`).
 */
import type { AstNode, ValidationAcceptor } from 'langium';
import { AstUtils } from 'langium';
import type { Decision, Step, Workflow } from '../generated/ast.js';
import { handoffTeams, outgoingTransitions } from '../model/workflow-model.js';
import type { WorkflowRcStore } from '../workspace/workflow-rc-store.js';
import { enabledRule } from '../workspace/workflow-rc.js';
import { IssueCodes } from './issue-codes.js';

export class ConfiguredRulesValidator {
    constructor(private readonly store: WorkflowRcStore) {}

    private rule(node: AstNode, code: string) {
        return enabledRule(this.store.forDocument(AstUtils.getDocument(node).uri), code);
    }

    checkMaxHandoffs(workflow: Workflow, accept: ValidationAcceptor): void {
        const limit = this.rule(workflow, IssueCodes.MaxHandoffs)?.option;
        if (limit === undefined) return;
        const count = countHandoffs(workflow);
        if (count > limit) {
            const allowed = limit === 1 ? '1 is allowed' : `${limit} are allowed`;
            accept('warning', `Workflow '${workflow.name}' hands work between teams ${count} times; at most ${allowed}.`, {
                node: workflow,
                property: 'name',
                code: IssueCodes.MaxHandoffs,
            });
        }
    }

    checkRequireSla(workflow: Workflow, accept: ValidationAcceptor): void {
        if (workflow.slas.length > 0 || !this.rule(workflow, IssueCodes.RequireSla)) return;
        accept('warning', `Workflow '${workflow.name}' has no sla: add the time it must be done in, such as \`sla 5d\`.`, {
            node: workflow,
            property: 'name',
            code: IssueCodes.RequireSla,
        });
    }

    checkRequireDuration(node: Step | Decision, accept: ValidationAcceptor): void {
        if (node.durations.length > 0 || !this.rule(node, IssueCodes.RequireDuration)) return;
        const kind = node.$type === 'Step' ? 'Step' : 'Decision';
        accept('warning', `${kind} '${node.name}' has no duration: estimate how long it takes, such as \`duration 4h\`.`, {
            node,
            property: 'name',
            code: IssueCodes.RequireDuration,
        });
    }
}

/** The transitions of a workflow that pass work from one team to another. */
export function countHandoffs(workflow: Workflow): number {
    let count = 0;
    for (const node of workflow.nodes) {
        for (const transition of outgoingTransitions(node)) {
            if (handoffTeams(transition)) count++;
        }
    }
    return count;
}
