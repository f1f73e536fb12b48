/**
 * The scan that spares validation a simulation compile: it says "maybe uncertain" for every
 * workflow the compiled model calls uncertain (ranges, likelihoods, in callees too), and "no"
 * for a workflow of fixed durations whose callees are fixed as well.
 */
import * as assert from 'node:assert/strict';
import type { Workflow } from '../../language/src/generated/ast.js';
import { isWorkflow } from '../../language/src/generated/ast.js';
import { compileWorkflow } from '../../language/src/analysis/simulation/compiled-workflow.js';
import { mayBeUncertain } from '../../language/src/analysis/simulation/uncertainty.js';
import { memoUncertaintyScan } from '../../language/src/analysis/flow-memo.js';
import { loadText, ORG } from '../helpers.js';

async function workflowsOf(body: string): Promise<Map<string, Workflow>> {
    const { main } = await loadText(`${ORG}\n${body}`);
    return new Map(main.document.parseResult.value.declarations.filter(isWorkflow).map(w => [w.name, w]));
}

/** The scan's answer, checked against the compiled model's: never "no" where the model says uncertain. */
function scan(workflow: Workflow | undefined): boolean {
    assert.ok(workflow);
    const answer = mayBeUncertain(workflow);
    assert.equal(mayBeUncertain(workflow, memoUncertaintyScan), answer, `${workflow.name}: the memoised scan agrees`);
    if (compileWorkflow(workflow).uncertain) assert.equal(answer, true, `${workflow.name}: the model is uncertain`);
    return answer;
}

describe('uncertainty scan', () => {
    it('says no for fixed durations and yes for a range, a three-point estimate or a likelihood', async () => {
        const workflows = await workflowsOf(`
          workflow Fixed { owner Sales
            step A { owner Sales.Rep; duration 1h; next D }
            decision D { owner Sales.Rep; duration 2h; when "ok" -> Done; otherwise -> A }
            end Done }
          workflow Range { owner Sales
            step A { owner Sales.Rep; duration 1h..5h; next Done }
            end Done }
          workflow Pert { owner Sales
            step A { owner Sales.Rep; duration 1h..2h..5h; next Done }
            end Done }
          workflow Odds { owner Sales
            step A { owner Sales.Rep; duration 1h; next D }
            decision D { owner Sales.Rep; when "ok" 80% -> Done; otherwise -> A }
            end Done }`);
        assert.equal(scan(workflows.get('Fixed')), false);
        assert.equal(compileWorkflow(workflows.get('Fixed')!).uncertain, false);
        assert.equal(scan(workflows.get('Range')), true);
        assert.equal(scan(workflows.get('Pert')), true);
        assert.equal(scan(workflows.get('Odds')), true);
    });

    it('follows calls, through cycles, to a callee with a range', async () => {
        const workflows = await workflowsOf(`
          workflow Outer { owner Sales
            step A { owner Sales.Rep; duration 1h; calls Middle; next Done }
            end Done }
          workflow Middle { owner Sales
            step B { owner Sales.Rep; duration 1h; calls Outer; next C }
            step C { owner Sales.Rep; duration 1h; calls Inner; next Done }
            end Done }
          workflow Inner { owner Sales
            step X { owner Sales.Rep; duration 1h..3h; next Done }
            end Done }
          workflow Loop { owner Sales
            step L { owner Sales.Rep; duration 1h; calls Loop; next Done }
            end Done }`);
        assert.equal(scan(workflows.get('Outer')), true);
        assert.equal(scan(workflows.get('Middle')), true);
        assert.equal(scan(workflows.get('Loop')), false);
    });
});
