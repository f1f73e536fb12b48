/**
 * Flow checks: work always has somewhere to go, every node can be reached from the start,
 * the workflow can finish, and decisions say what happens when no condition holds.
 */
import type { ValidationAcceptor } from 'langium';
import type { Decision, Workflow } from '../generated/ast.js';
import { isDecision, isEnd } from '../generated/ast.js';
import { memoReachableNodes } from '../analysis/flow-memo.js';
import type { WorkNode } from '../model/workflow-model.js';
import { outgoingTransitions, startNode } from '../model/workflow-model.js';
import { IssueCodes } from './issue-codes.js';

export class FlowValidator {
    /** A step or decision has at least one outgoing transition. */
    checkDeadEnd(node: WorkNode, accept: ValidationAcceptor): void {
        if (outgoingTransitions(node).length > 0) {
            return;
        }
        const fix = isDecision(node)
            ? 'add a `when "…" -> Target` or `otherwise -> Target` branch'
            : 'add `next Target`, or make it an `end`';
        accept('error', `Work stops at '${node.name}': it has no outgoing transition. ${capitalize(fix)}.`, {
            node,
            property: 'name',
            code: IssueCodes.DeadEnd,
        });
    }

    /** Every node is reached by some path from the workflow's first node; a workflow has an end. */
    checkReachabilityAndEnd(workflow: Workflow, accept: ValidationAcceptor): void {
        const nodes = workflow.nodes.filter(node => node.name);
        const start = startNode(workflow);
        if (!start) {
            return;
        }
        if (!nodes.some(isEnd)) {
            accept('warning', `Workflow '${workflow.name}' has no end: add \`end Done "…"\` so it is clear when the work is finished.`, {
                node: workflow,
                property: 'name',
                code: IssueCodes.NoEnd,
            });
        }
        const reached = memoReachableNodes(workflow);
        for (const node of nodes) {
            if (!reached.has(node)) {
                accept('warning', `'${node.name}' is unreachable: no path from the start '${start.name}' leads to it.`, {
                    node,
                    property: 'name',
                    code: IssueCodes.Unreachable,
                });
            }
        }
    }

    /** A decision has an `otherwise` branch for the cases no condition covers. */
    checkOtherwise(decision: Decision, accept: ValidationAcceptor): void {
        if (decision.branches.length > 0 && !decision.branches.some(branch => branch.otherwise)) {
            accept('info', `Decision '${decision.name}' has no \`otherwise\` branch: say where the work goes when no condition holds.`, {
                node: decision,
                property: 'name',
                code: IssueCodes.MissingOtherwise,
            });
        }
    }
}

function capitalize(text: string): string {
    return text.charAt(0).toUpperCase() + text.slice(1);
}
