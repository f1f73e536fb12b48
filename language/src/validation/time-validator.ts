/**
 * Time checks: durations are positive and within the limit, and the critical path of a workflow
 * fits its SLA.
 */
import type { ValidationAcceptor } from 'langium';
import type { DurationClause, EscalateClause, SlaClause, Workflow } from '../generated/ast.js';
import { memoCriticalPath } from '../analysis/flow-memo.js';
import { formatDuration, parseDuration, readDuration } from '../model/duration.js';
import { IssueCodes } from './issue-codes.js';

export class TimeValidator {
    /** The critical path (longest start-to-end sum of durations, rework loops aside) fits the `sla`. */
    checkSla(workflow: Workflow, accept: ValidationAcceptor): void {
        const sla = workflow.slas[0];
        const budget = parseDuration(sla?.duration);
        if (!sla || !budget) {
            return;
        }
        const path = memoCriticalPath(workflow);
        if (path && path.minutes > budget) {
            const names = path.nodes.map(node => node.name).join(' → ');
            accept('warning', `Critical path ${formatDuration(path.minutes)} exceeds the SLA of ${formatDuration(budget)}: ${names}.`, {
                node: sla,
                code: IssueCodes.SlaExceeded,
            });
        }
    }

    /**
     * A duration is a positive number of minutes, hours, days or weeks, at most 9999w; `0d` is a
     * slip of the pen, and a larger one could not be added up exactly.
     */
    checkPositive(clause: DurationClause | SlaClause | EscalateClause, accept: ValidationAcceptor): void {
        if (clause.$type === 'EscalateClause') {
            checkDurationText(clause.after, { node: clause, property: 'after' }, accept);
            return;
        }
        checkDurationText(clause.duration, { node: clause, property: 'duration' }, accept);
        if (clause.$type === 'DurationClause') {
            clause.further.forEach((text, index) => checkDurationText(text, { node: clause, property: 'further', index }, accept));
        }
    }
}

/** Where a literal is: the node, the property and, for a point after the first, its index. */
type DurationPlace = { node: DurationClause | SlaClause | EscalateClause; property: string; index?: number };

type DiagnosticPlace = { node: DurationClause; property: 'duration' };

/** One duration literal is positive and at most 9999w (`syntax-error` otherwise). */
function checkDurationText(text: string, place: DurationPlace, accept: ValidationAcceptor): void {
    const reading = readDuration(text);
    if (reading.kind === 'minutes' && reading.minutes === 0) {
        accept('error', `A duration must be positive: '${text}' is zero.`, { ...(place as DiagnosticPlace), code: IssueCodes.SyntaxError });
    } else if (reading.kind === 'too-large') {
        const shown = text.length > 24 ? `${text.slice(0, 12)}…${text.slice(-4)} (${text.length - 1} digits)` : text;
        accept('error', `A duration can be at most 9999w: '${shown}' is larger.`, {
            ...(place as DiagnosticPlace),
            code: IssueCodes.SyntaxError,
        });
    }
}
