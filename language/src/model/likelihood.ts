/**
 * Likelihoods of a decision's branches: `when "amount < 10k" 70% -> CreateOrder`.
 *
 * The likelihood of a branch is the chance it is taken. Branches without one share what is left
 * of 100% equally (the `otherwise` branch included). The chances feed simulation only. When the
 * written figures do not add up (`invalid-likelihood`), simulation still runs, on the chances
 * scaled to add up to 100%.
 */
import type { Branch, Decision } from '../generated/ast.js';

/** The percentage of a likelihood literal (`70%` → 70), or `undefined` when it is not 1–100. */
export function readLikelihood(text: string | undefined): number | undefined {
    const match = text === undefined ? null : /^([0-9]+)%$/.exec(text);
    if (!match || match[1].length > 3) return undefined;
    const value = Number(match[1]);
    return value >= 1 && value <= 100 ? value : undefined;
}

/** The branches of a decision that lead somewhere (a branch still being typed may not). */
export function takenBranches(decision: Decision): Branch[] {
    return decision.branches.filter(branch => branch.transition);
}

/** Whether any branch of the decision states a likelihood. */
export function hasLikelihoods(decision: Decision): boolean {
    return decision.branches.some(branch => branch.likelihood !== undefined);
}

/** How the written likelihoods of a decision add up. */
export interface LikelihoodTotals {
    /** Sum of the valid stated percentages. */
    readonly stated: number;
    /** Branches that state none. */
    readonly unstated: number;
}

export function likelihoodTotals(branches: readonly Branch[]): LikelihoodTotals {
    let stated = 0;
    let unstated = 0;
    for (const branch of branches) {
        if (branch.likelihood === undefined) unstated++;
        else stated += readLikelihood(branch.likelihood) ?? 0;
    }
    return { stated, unstated };
}

/**
 * The chance of each branch, between 0 and 1, summing to 1 (for an empty list, nothing): stated
 * figures as written, the rest of 100% shared equally by the branches without one; scaled to add
 * up when the written figures do not. An invalid literal counts as unstated.
 */
export function branchChances(branches: readonly Branch[]): number[] {
    if (branches.length === 0) return [];
    const stated = branches.map(branch => readLikelihood(branch.likelihood));
    const total = stated.reduce<number>((sum, value) => sum + (value ?? 0), 0);
    const unstated = stated.filter(value => value === undefined).length;
    const share = unstated > 0 ? Math.max(0, 100 - total) / unstated : 0;
    const raw = stated.map(value => value ?? share);
    const sum = raw.reduce((a, b) => a + b, 0);
    return raw.map(value => value / sum);
}
