/**
 * Estimates: what a `duration` clause says about the time a step takes.
 *
 * - `duration 1d`: a fixed time;
 * - `duration 4h..2d`: anywhere from 4h to 2d, every time equally likely (uniform);
 * - `duration 1d..2d..5d`: optimistic, most likely, pessimistic — a Beta-PERT distribution, which
 *   keeps the most likely value as its mode and has the familiar PERT mean `(a + 4m + b) / 6`.
 *
 * The deterministic figures (critical path, `sla-exceeded`) count a range as its most likely
 * value: the midpoint of `a..b` (rounded to the minute, so that sums stay whole minutes) and `m`
 * of `a..m..b`.
 */
import type { DurationClause } from '../generated/ast.js';
import { formatDuration, parseDuration } from './duration.js';

export type Estimate =
    | { readonly kind: 'fixed'; readonly minutes: number }
    | { readonly kind: 'uniform'; readonly low: number; readonly high: number }
    | { readonly kind: 'pert'; readonly low: number; readonly mode: number; readonly high: number };

/** The points of a clause as written, first to last. */
export function estimatePoints(clause: DurationClause): string[] {
    return [clause.duration, ...clause.further];
}

/**
 * The estimate of a clause, or `undefined` when one of its points is not a valid duration (those
 * are reported by the time checks). Points out of order (`invalid-estimate`) are read in order,
 * so analyses of a file with that error still get sensible figures.
 */
export function readEstimate(clause: DurationClause | undefined): Estimate | undefined {
    if (!clause) return undefined;
    const minutes = estimatePoints(clause).map(parseDuration);
    if (minutes.some(value => value === undefined)) return undefined;
    const sorted = (minutes as number[]).slice().sort((a, b) => a - b);
    if (sorted.length === 1) return { kind: 'fixed', minutes: sorted[0] };
    if (sorted.length === 2)
        return sorted[0] === sorted[1] ? { kind: 'fixed', minutes: sorted[0] } : { kind: 'uniform', low: sorted[0], high: sorted[1] };
    if (sorted[0] === sorted[2]) return { kind: 'fixed', minutes: sorted[0] };
    return { kind: 'pert', low: sorted[0], mode: sorted[1], high: sorted[2] };
}

/** Whether the points of a clause are in order (`a <= b`, `a <= m <= b`); invalid points aside. */
export function estimateInOrder(clause: DurationClause): boolean {
    const minutes = estimatePoints(clause).map(parseDuration);
    for (let i = 1; i < minutes.length; i++) {
        const before = minutes[i - 1];
        const here = minutes[i];
        if (before !== undefined && here !== undefined && here < before) return false;
    }
    return true;
}

/** The value the critical path counts: the fixed time, the midpoint of `a..b`, the `m` of `a..m..b`. */
export function mostLikelyMinutes(estimate: Estimate): number {
    switch (estimate.kind) {
        case 'fixed':
            return estimate.minutes;
        case 'uniform':
            return Math.round((estimate.low + estimate.high) / 2);
        case 'pert':
            return estimate.mode;
    }
}

/** The mean of the distribution, in minutes: `(a + b) / 2`, or PERT's `(a + 4m + b) / 6`. */
export function meanMinutes(estimate: Estimate): number {
    switch (estimate.kind) {
        case 'fixed':
            return estimate.minutes;
        case 'uniform':
            return (estimate.low + estimate.high) / 2;
        case 'pert':
            return (estimate.low + 4 * estimate.mode + estimate.high) / 6;
    }
}

/** Whether the time is uncertain: a range, not a fixed duration. */
export function isRange(estimate: Estimate | undefined): boolean {
    return estimate !== undefined && estimate.kind !== 'fixed';
}

/** How a hover names the distribution: `uniform 4h–2d`, `Beta-PERT 1d / 2d / 5d (mean 2d 8h)`. */
export function describeEstimate(estimate: Estimate): string {
    switch (estimate.kind) {
        case 'fixed':
            return formatDuration(estimate.minutes);
        case 'uniform':
            return `uniform ${formatDuration(estimate.low)} to ${formatDuration(estimate.high)} (mean ${formatDuration(Math.round(meanMinutes(estimate)))})`;
        case 'pert':
            return (
                `Beta-PERT: optimistic ${formatDuration(estimate.low)}, most likely ${formatDuration(estimate.mode)}, ` +
                `pessimistic ${formatDuration(estimate.high)} (mean ${formatDuration(Math.round(meanMinutes(estimate)))})`
            );
    }
}
