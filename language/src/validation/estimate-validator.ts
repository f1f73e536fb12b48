/**
 * Checks of the figures that feed simulation: the bounds of a duration range are in order
 * (`invalid-estimate`), and a decision's likelihoods are 1–100% and add up (`invalid-likelihood`).
 */
import type { ValidationAcceptor } from 'langium';
import type { Decision, DurationClause } from '../generated/ast.js';
import { estimateInOrder, estimatePoints } from '../model/estimate.js';
import { likelihoodTotals, readLikelihood } from '../model/likelihood.js';
import { IssueCodes } from './issue-codes.js';

export class EstimateValidator {
    /** `2d..1d` and `1d..5d..3d` are slips of the pen: the quick fix puts the bounds in order. */
    checkOrder(clause: DurationClause, accept: ValidationAcceptor): void {
        if (clause.further.length === 0 || estimateInOrder(clause)) return;
        const written = estimatePoints(clause).join('..');
        const expected = clause.further.length === 1 ? 'from..to' : 'optimistic..most likely..pessimistic';
        accept('error', `The bounds of '${written}' are not in order: an estimate is written ${expected}, smallest first.`, {
            node: clause,
            code: IssueCodes.InvalidEstimate,
        });
    }

    /**
     * Each likelihood is 1–100%; together they are at most 100%, and exactly 100% when every
     * branch states one (otherwise the branches without one share the rest).
     */
    checkLikelihoods(decision: Decision, accept: ValidationAcceptor): void {
        let anyInvalid = false;
        decision.branches.forEach(branch => {
            if (branch.likelihood !== undefined && readLikelihood(branch.likelihood) === undefined) {
                anyInvalid = true;
                accept('error', `A likelihood is a whole percentage from 1% to 100%, not '${branch.likelihood}'.`, {
                    node: branch,
                    property: 'likelihood',
                    code: IssueCodes.InvalidLikelihood,
                });
            }
        });
        if (anyInvalid) return;
        const { stated, unstated } = likelihoodTotals(decision.branches);
        const described = decision.branches.filter(branch => branch.likelihood !== undefined).length;
        if (described === 0) return;
        if (stated > 100) {
            accept('error', `The likelihoods of '${decision.name}' add up to ${stated}%, more than 100%.`, {
                node: decision,
                property: 'name',
                code: IssueCodes.InvalidLikelihood,
            });
        } else if (unstated === 0 && stated < 100) {
            accept('error', `The likelihoods of '${decision.name}' add up to ${stated}%: with one on every branch they must make 100%.`, {
                node: decision,
                property: 'name',
                code: IssueCodes.InvalidLikelihood,
            });
        }
    }
}
