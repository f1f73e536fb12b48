/**
 * Joins of `render --format bpmn` executed: a rework loop inside a parallel branch (purchase to
 * pay: Match and Clarify inside the Receive / Invoice split) and an inclusive join, driven path by
 * path on bpmn-engine with the decisions as process variables and the FEEL conditions of the
 * export, with the parallel branches completing in different orders.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { OTHERWISE } from '../bpmn/decision-paths.js';
import { execute, ZEEBE_MODDLE, type Run, type RunOptions } from '../bpmn/engine.js';
import { runCli } from './run-cli.js';

const require = createRequire(import.meta.url);
/* eslint-disable @typescript-eslint/no-explicit-any */
const { BpmnModdle } = require('bpmn-moddle') as {
    BpmnModdle: new (packages?: object) => { fromXML(xml: string): Promise<{ rootElement: any }> };
};

function renderBpmn(file: string): string {
    const result = runCli(['render', file, '--format', 'bpmn']);
    assert.equal(result.code, 0, result.stderr);
    return result.stdout;
}

/** The steps, decisions and ends a run started, by workflow name, in order. */
const nodes = (run: Run) => run.started.filter(id => id.startsWith('Node_')).map(id => id.slice('Node_'.length));

/** Position of the `occurrence`-th (1-based; -1 the last) `start`/`end` of an element in the run's log. */
function at(run: Run, entry: string, occurrence = 1): number {
    const indices = run.log.flatMap((line, index) => (line === entry ? [index] : []));
    const index = occurrence === -1 ? indices[indices.length - 1] : indices[occurrence - 1];
    assert.ok(index !== undefined, `${entry} (${occurrence}) is not in the run: ${run.log.join(', ')}`);
    return index;
}

const count = (run: Run, id: string) => run.started.filter(started => started === id).length;

/** Schedulers: which waiting task completes next. */
const schedules: Record<string, RunOptions['next']> = {
    'tasks complete in the order they started': undefined,
    'Receive completes first': waiting => Math.max(waiting.indexOf('Node_Receive'), 0),
    'Receive completes last': waiting =>
        Math.max(
            waiting.findIndex(id => id !== 'Node_Receive'),
            0,
        ),
};

describe('BPMN joins executed on bpmn-engine', function () {
    this.timeout(60_000);

    describe('a rework loop inside a parallel branch (examples/purchase-to-pay.workflow)', () => {
        let xml: string;
        before(() => {
            xml = renderBpmn('examples/purchase-to-pay.workflow');
        });

        it('re-enters the branch at an exclusive merge before the loop, and joins one flow per branch in a parallel gateway', async () => {
            const { rootElement } = await new BpmnModdle({ zeebe: ZEEBE_MODDLE }).fromXML(xml);
            const process = rootElement.rootElements.find((element: any) => element.$type === 'bpmn:Process');
            const byId = new Map<string, any>(process.flowElements.map((element: any) => [element.id, element]));
            const join = byId.get('Join_Pay');
            assert.equal(join.$type, 'bpmn:ParallelGateway');
            assert.deepEqual(
                join.incoming.map((flow: any) => flow.sourceRef.id).sort(),
                ['Gateway_Match', 'Node_Receive'],
                'one incoming flow from each branch of the Receive / Invoice split',
            );
            const merge = byId.get('Merge_Match');
            assert.equal(merge.$type, 'bpmn:ExclusiveGateway');
            assert.deepEqual(
                merge.incoming.map((flow: any) => flow.sourceRef.id).sort(),
                ['Node_Clarify', 'Node_Invoice'],
                'the branch comes in, and the rework loop comes back, before Match',
            );
            assert.deepEqual(
                merge.outgoing.map((flow: any) => flow.targetRef.id),
                ['Node_Match'],
            );
        });

        const paths: Array<{ name: string; Approve: string; Match: string[]; expected: string[] }> = [
            {
                name: 'small order, invoice matches',
                Approve: 'amount < 10k',
                Match: ['matches'],
                expected: ['Request', 'Approve', 'CreateOrder', 'Receive', 'Invoice', 'Match', 'Pay', 'Archive', 'Paid'],
            },
            {
                name: 'large order, finance review, invoice matches',
                Approve: 'amount >= 10k',
                Match: ['matches'],
                expected: ['Request', 'Approve', 'FinanceReview', 'CreateOrder', 'Receive', 'Invoice', 'Match', 'Pay', 'Archive', 'Paid'],
            },
            {
                name: 'invoice clarified once',
                Approve: 'amount < 10k',
                Match: [OTHERWISE, 'matches'],
                expected: [
                    'Request',
                    'Approve',
                    'CreateOrder',
                    'Receive',
                    'Invoice',
                    'Match',
                    'Clarify',
                    'Match',
                    'Pay',
                    'Archive',
                    'Paid',
                ],
            },
            {
                name: 'invoice clarified twice',
                Approve: 'amount >= 10k',
                Match: [OTHERWISE, OTHERWISE, 'matches'],
                expected: [
                    'Request',
                    'Approve',
                    'FinanceReview',
                    'CreateOrder',
                    'Receive',
                    'Invoice',
                    'Match',
                    'Clarify',
                    'Match',
                    'Clarify',
                    'Match',
                    'Pay',
                    'Archive',
                    'Paid',
                ],
            },
        ];
        for (const item of paths) {
            for (const [schedule, next] of Object.entries(schedules)) {
                it(`${item.name}; ${schedule}: the join waits for both branches, then the case completes`, async () => {
                    const run = await execute(
                        xml,
                        (decision, visit) => (decision === 'Approve' ? item.Approve : item.Match[Math.min(visit, item.Match.length) - 1]),
                        { next },
                    );
                    assert.ok(run.ended, `the process did not finish: ${run.log.join(', ')}`);
                    assert.deepEqual(nodes(run), item.expected);
                    assert.equal(count(run, 'Join_Pay'), 1, 'the join fires once');
                    const fired = at(run, 'start Join_Pay');
                    assert.ok(at(run, 'end Node_Receive') < fired, 'the join waits for Receive');
                    assert.ok(at(run, 'end Gateway_Match', -1) < fired, 'the join waits for the last Match');
                    assert.ok(at(run, 'end Node_Pay') < at(run, 'start Node_Paid'));
                    assert.deepEqual(run.jobs, ['SAP'], 'the automated step ran once');
                });
            }
        }

        it('a rejected request ends at once', async () => {
            const run = await execute(xml, () => OTHERWISE);
            assert.ok(run.ended);
            assert.deepEqual(nodes(run), ['Request', 'Approve', 'Rejected']);
        });

        it("bpmn-engine's own dead-path-eliminating join fires before the rework is done (why the runs count tokens)", async () => {
            // If this fails, bpmn-engine joins like BPMN 2.0 and `joins: 'bpmn'` in test/bpmn/engine.ts can go.
            const run = await execute(
                xml,
                (decision, visit) => (decision === 'Approve' ? 'amount < 10k' : visit === 1 ? OTHERWISE : 'matches'),
                {
                    joins: 'engine',
                },
            );
            assert.ok(at(run, 'start Join_Pay') < at(run, 'start Node_Clarify'), run.log.join(', '));
        });
    });

    describe('an inclusive join: a branch of the split can go past the join without ending the case', () => {
        let xml: string;
        const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'wa-joins-'));
        after(() => fs.rmSync(scratch, { recursive: true, force: true }));
        before(() => {
            const file = path.join(scratch, 'inclusive.workflow');
            fs.copyFileSync('test/bpmn/inclusive-join.workflow', file);
            xml = renderBpmn(file);
        });

        it('joins Ship and the paid bill before Close, and Close and the reminder before Archive, in inclusive gateways', async () => {
            const { rootElement } = await new BpmnModdle({ zeebe: ZEEBE_MODDLE }).fromXML(xml);
            const process = rootElement.rootElements.find((element: any) => element.$type === 'bpmn:Process');
            const byId = new Map<string, any>(process.flowElements.map((element: any) => [element.id, element]));
            const sources = (id: string) =>
                byId
                    .get(id)
                    .incoming.map((flow: any) => flow.sourceRef.id)
                    .sort();
            assert.equal(byId.get('Join_Close')?.$type, 'bpmn:InclusiveGateway');
            assert.deepEqual(sources('Join_Close'), ['Gateway_Bill', 'Node_Ship']);
            assert.equal(byId.get('Join_Archive')?.$type, 'bpmn:InclusiveGateway');
            assert.deepEqual(sources('Join_Archive'), ['Node_Close', 'Node_Remind']);
        });

        const orders: Record<string, RunOptions['next']> = {
            'Ship completes first': waiting => Math.max(waiting.indexOf('Node_Ship'), 0),
            'Ship completes last': waiting =>
                Math.max(
                    waiting.findIndex(id => id !== 'Node_Ship'),
                    0,
                ),
        };
        for (const [order, next] of Object.entries(orders)) {
            it(`paid; ${order}: Close waits for both branches, everything runs once`, async () => {
                const run = await execute(xml, () => 'paid', { next });
                assert.ok(run.ended, run.log.join(', '));
                assert.deepEqual(nodes(run), ['Accept', 'Ship', 'Bill', 'Close', 'Archive', 'Done']);
                assert.equal(count(run, 'Join_Close'), 1);
                assert.equal(count(run, 'Join_Archive'), 1);
                assert.ok(at(run, 'end Node_Ship') < at(run, 'start Join_Close'));
                assert.ok(at(run, 'end Gateway_Bill') < at(run, 'start Join_Close'));
            });

            it(`reminder; ${order}: Close goes on with Ship alone, Archive waits for Close and the reminder`, async () => {
                const run = await execute(xml, () => OTHERWISE, { next });
                assert.ok(run.ended, run.log.join(', '));
                assert.deepEqual([...nodes(run)].sort(), ['Accept', 'Archive', 'Bill', 'Close', 'Done', 'Remind', 'Ship']);
                assert.equal(count(run, 'Join_Archive'), 1);
                assert.ok(at(run, 'end Node_Close') < at(run, 'start Join_Archive'));
                assert.ok(at(run, 'end Node_Remind') < at(run, 'start Join_Archive'));
            });
        }

        it("bpmn-engine's own inclusive gateway does not join: it passes every token on (why the runs give it a join)", async () => {
            // If this fails, bpmn-engine joins inclusive gateways and `joins: 'bpmn'` in test/bpmn/engine.ts can go.
            const run = await execute(xml, () => OTHERWISE, { joins: 'engine' });
            assert.equal(count(run, 'Join_Archive'), 2, run.log.join(', '));
        });
    });
});
