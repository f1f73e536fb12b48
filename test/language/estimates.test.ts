/**
 * Estimates and likelihoods in the checks: `invalid-estimate`, `invalid-likelihood`,
 * `sla-at-risk`, and the most likely value the critical path counts for a range.
 */
import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { isWorkflow } from '../../language/src/generated/ast.js';
import { criticalPath } from '../../language/src/analysis/flow-analysis.js';
import { branchChances } from '../../language/src/model/likelihood.js';
import { IssueCodes } from '../../language/src/validation/issue-codes.js';
import type { MarkedFile } from '../helpers.js';
import { diagnostics, loadText, ORG, textAt } from '../helpers.js';

const flow = (body: string, header = 'owner Sales.Rep') => `${ORG}
workflow W {
  ${header}
  ${body}
}`;

/** Errors and warnings: the example organization leaves some members unused (hints). */
const problems = (file: MarkedFile) => diagnostics(file).filter(d => d.severity! <= DiagnosticSeverity.Warning);

function only(file: MarkedFile, code: string) {
    const found = diagnostics(file, code);
    assert.equal(found.length, 1, `expected one ${code}, got: ${JSON.stringify(diagnostics(file).map(d => `${d.code}: ${d.message}`))}`);
    return found[0];
}

describe('estimates and likelihoods', () => {
    it('counts a range as its most likely value on the critical path: the midpoint of a..b, m of a..m..b', async () => {
        const { main } = await loadText(
            flow(`step A { owner Sales.Rep; duration 2h..6h; next B }
  step B { owner Sales.Rep; duration 1d..2d..9d; next C }
  step C { owner Sales.Rep; duration 1m..2m; next Done }
  end Done`),
        );
        const workflow = main.document.parseResult.value.declarations.filter(isWorkflow)[0];
        // 4h + 2d + 1m 30s rounded to the minute (2m).
        assert.equal(criticalPath(workflow)?.minutes, 4 * 60 + 2 * 1440 + 2);
        assert.deepEqual(problems(main), []);
    });

    describe(IssueCodes.InvalidEstimate, () => {
        it('reports bounds out of order, on the clause', async () => {
            const { main } = await loadText(flow('step A { owner Sales.Rep; <|duration 2d..1d|>; next Done }\n  end Done'));
            const found = only(main, IssueCodes.InvalidEstimate);
            assert.equal(found.severity, DiagnosticSeverity.Error);
            assert.deepEqual(found.range, main.ranges[0]);
            assert.match(found.message, /'2d\.\.1d' are not in order/);
        });
        it('reports a most likely value outside its bounds', async () => {
            const { main } = await loadText(flow('step A { owner Sales.Rep; duration 1d..5d..3d; next Done }\n  end Done'));
            assert.match(only(main, IssueCodes.InvalidEstimate).message, /optimistic\.\.most likely\.\.pessimistic/);
        });
        it('accepts ordered bounds, equal ones included, across units', async () => {
            const { main } = await loadText(
                flow(
                    'step A { owner Sales.Rep; duration 12h..1d..1d; next B }\n  step B { owner Sales.Rep; duration 90m..2h; next Done }\n  end Done',
                ),
            );
            assert.deepEqual(diagnostics(main, IssueCodes.InvalidEstimate), []);
        });
        it('checks every point of a range for zero and size', async () => {
            const { main } = await loadText(flow('step A { owner Sales.Rep; duration 1h..<|0h|>; next Done }\n  end Done'));
            const found = diagnostics(main, IssueCodes.SyntaxError);
            assert.equal(found.length, 1);
            assert.equal(textAt(main, found[0].range), '0h');
        });
        it('does not parse a fourth point', async () => {
            const { main } = await loadText(flow('step A { owner Sales.Rep; duration 1h..2h..3h..4h; next Done }\n  end Done'), {
                allowSyntaxErrors: true,
            });
            assert.ok(diagnostics(main, IssueCodes.SyntaxError).length > 0);
        });
    });

    describe(IssueCodes.InvalidLikelihood, () => {
        it('reports likelihoods over 100%, on the decision name', async () => {
            const { main } = await loadText(
                flow(`decision <|D|> { owner Sales.Rep
    when "a" 70% -> Done
    when "b" 40% -> Done
    otherwise -> Done }
  end Done`),
            );
            const found = only(main, IssueCodes.InvalidLikelihood);
            assert.equal(found.severity, DiagnosticSeverity.Error);
            assert.deepEqual(found.range, main.ranges[0]);
            assert.match(found.message, /110%/);
        });
        it('reports likelihoods under 100% when every branch has one', async () => {
            const { main } = await loadText(
                flow(`decision D { owner Sales.Rep; when "a" 50% -> Done; otherwise 30% -> Done }\n  end Done`),
            );
            assert.match(only(main, IssueCodes.InvalidLikelihood).message, /80%/);
        });
        it('reports a likelihood outside 1–100%, on the figure', async () => {
            const { main } = await loadText(flow(`decision D { owner Sales.Rep; when "a" <|0%|> -> Done; otherwise -> Done }\n  end Done`));
            assert.deepEqual(only(main, IssueCodes.InvalidLikelihood).range, main.ranges[0]);
            const { main: large } = await loadText(
                flow(`decision D { owner Sales.Rep; when "a" 150% -> Done; otherwise -> Done }\n  end Done`),
            );
            assert.equal(diagnostics(large, IssueCodes.InvalidLikelihood).length, 1);
        });
        it('accepts figures under 100% when some branches share the rest, and exactly 100%', async () => {
            const { main } = await loadText(
                flow(`decision D { owner Sales.Rep; when "a" 60% -> Done; when "b" -> Done; otherwise -> Done }
  decision E { owner Sales.Rep; when "a" 60% -> Done; otherwise 40% -> Done }
  end Done`),
            );
            assert.deepEqual(diagnostics(main, IssueCodes.InvalidLikelihood), []);
        });
        it('shares what is left equally among the branches without one, otherwise included', async () => {
            const { main } = await loadText(
                flow(`decision D { owner Sales.Rep; when "a" 60% -> Done; when "b" -> Done; otherwise -> Done }\n  end Done`),
            );
            const decision = main.document.parseResult.value.declarations.filter(isWorkflow)[0].nodes[0] as never as {
                branches: Parameters<typeof branchChances>[0];
            };
            assert.deepEqual(
                branchChances(decision.branches).map(c => Math.round(c * 100)),
                [60, 20, 20],
            );
        });
    });

    describe(IssueCodes.SlaAtRisk, () => {
        const risky = (sla: string) =>
            flow(
                `step A { owner Sales.Rep; duration 1d..2d..10d; next B }
  step B { owner Sales.Rep; duration 1d..2d..10d; next Done }
  end Done`,
                `owner Sales.Rep\n  <|sla ${sla}|>`,
            );
        it('warns when the critical path fits but P80 does not, on the sla clause, with P80, SLA and share over', async () => {
            const { main } = await loadText(risky('5d'));
            const found = only(main, IssueCodes.SlaAtRisk);
            assert.equal(found.severity, DiagnosticSeverity.Warning);
            assert.deepEqual(found.range, main.ranges[0]);
            // Two Beta-PERT(1d, 2d, 10d): mean 3d 8h each; the sum's P80 lies well beyond 5d.
            assert.match(found.message, /^Simulation puts P80 at \d+d( \d+h)?( \d+m)?, over the SLA of 5d: \d+% of runs take longer/);
            assert.match(found.message, /critical path 4d; 10,000 runs, seed 1/);
            assert.deepEqual(diagnostics(main, IssueCodes.SlaExceeded), []);
        });
        it('stays quiet when P80 fits, when the critical path already exceeds the SLA, and without uncertainty', async () => {
            const { main: roomy } = await loadText(risky('3w'));
            assert.deepEqual(diagnostics(roomy, IssueCodes.SlaAtRisk), []);
            const { main: exceeded } = await loadText(risky('3d'));
            assert.deepEqual(diagnostics(exceeded, IssueCodes.SlaAtRisk), []);
            assert.equal(diagnostics(exceeded, IssueCodes.SlaExceeded).length, 1);
            const { main: fixed } = await loadText(
                flow('step A { owner Sales.Rep; duration 2d; next Done }\n  end Done', 'owner Sales.Rep\n  sla 2d'),
            );
            assert.deepEqual(diagnostics(fixed, IssueCodes.SlaAtRisk), []);
        });
        it('counts rework drawn from likelihoods', async () => {
            const { main } = await loadText(
                flow(
                    `step Work { owner Sales.Rep; duration 1d; next Check }
  decision Check { owner Sales.Rep; when "redo" 60% -> Work; otherwise -> Done }
  end Done`,
                    'owner Sales.Rep\n  sla 2d',
                ),
            );
            // The critical path is 1d; N days with P(N > k) = 0.6^k: 36% of runs take 3d or more,
            // and P(N ≤ 3) = 0.784 < 0.8 ≤ P(N ≤ 4) puts P80 at 4d.
            assert.match(only(main, IssueCodes.SlaAtRisk).message, /P80 at 4d, over the SLA of 2d: 36% of runs take longer/);
        });
    });
});
