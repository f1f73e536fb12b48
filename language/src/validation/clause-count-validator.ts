/**
 * Clauses that the grammar of the language reference (`docs/language.md`) allows at most once (`trigger`, `sla`, `access`,
 * `duration`, `automated by`, `calls`) are parsed in any number so the editor keeps a usable
 * tree; a repeat is reported here as a `syntax-error` on the extra clause. (`owner` has its own
 * code, `duplicate-owner`.)
 */
import type { AstNode, ValidationAcceptor } from 'langium';
import type { System, Workflow } from '../generated/ast.js';
import type { WorkNode } from '../model/workflow-model.js';
import { IssueCodes } from './issue-codes.js';

export class ClauseCountValidator {
    checkWorkflowClauses(workflow: Workflow, accept: ValidationAcceptor): void {
        reportRepeats(workflow.triggers, 'trigger', accept);
        reportRepeats(workflow.slas, 'sla', accept);
    }

    checkSystemClauses(system: System, accept: ValidationAcceptor): void {
        reportRepeats(system.accesses, 'access', accept);
    }

    checkNodeClauses(node: WorkNode, accept: ValidationAcceptor): void {
        reportRepeats(node.durations, 'duration', accept);
        reportRepeats(node.automations, 'automated by', accept);
        reportRepeats(node.calls, 'calls', accept);
    }
}

function reportRepeats(clauses: AstNode[], keyword: string, accept: ValidationAcceptor): void {
    for (const extra of clauses.slice(1)) {
        accept('error', `Only one \`${keyword}\` clause is allowed here.`, { node: extra, code: IssueCodes.SyntaxError });
    }
}
