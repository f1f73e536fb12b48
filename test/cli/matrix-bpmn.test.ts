/**
 * `workflow-architect matrix` (Markdown and CSV) and `render --format bpmn`, the BPMN checked
 * with bpmn-moddle, the BPMN metamodel library of bpmn.io.
 */
import * as assert from 'node:assert/strict';
import { runCli as run } from './run-cli.js';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BpmnModdle } from 'bpmn-moddle';

describe('workflow-architect matrix', function () {
    this.timeout(30_000);

    it('lists every step and decision with owner, team, systems, automation and hand-offs, as Markdown', () => {
        const result = run(['matrix', 'examples']);
        assert.equal(result.code, 0, result.stderr);
        const lines = result.stdout.trim().split('\n');
        assert.equal(lines[0], '| Workflow | Step | Kind | Owner | Team | Systems | Automated by | Hand-offs in | Hand-offs out |');
        assert.equal(lines.length, 2 + 7 + 10 + 2, 'one row per step or decision of the three workflows');
        assert.ok(
            lines.includes(
                '| PurchaseToPay | CreateOrder | step | Procurement.Buyer | Procurement |  | SAP | Finance (FinanceReview) via ServiceNow | Warehouse (Receive) via SAP; Finance (Invoice) via SAP |',
            ),
            result.stdout,
        );
    });

    it('writes CSV with quoted fields', () => {
        const result = run([
            'matrix',
            'examples/purchase-to-pay.workflow',
            'examples/organization.workflow',
            'examples/systems.workflow',
            'examples/records-retention.workflow',
            '--format',
            'csv',
        ]);
        assert.equal(result.code, 0, result.stderr);
        const rows = result.stdout.trim().split('\r\n');
        assert.equal(rows[0], 'Workflow,Step,Kind,Owner,Team,Systems,Automated by,Hand-offs in,Hand-offs out');
        assert.ok(
            rows.includes(
                'PurchaseToPay,Receive,step,Warehouse.Clerk,Warehouse,SAP,,Procurement (CreateOrder) via SAP,Finance (Pay) via SAP',
            ),
            rows.join('\n'),
        );
        assert.equal(rows.length, 1 + 10 + 2);
    });

    it('exits 2 on an unknown format', () => {
        const result = run(['matrix', 'examples', '--format', 'xlsx']);
        assert.equal(result.code, 2);
        assert.equal(result.stderr, "workflow-architect: matrix: invalid value 'xlsx' for option '--format' (use md or csv)\n");
    });
});

describe('workflow-architect render --format bpmn', function () {
    this.timeout(30_000);

    it('writes executable BPMN 2.0 that bpmn-moddle reads without warnings, one lane per team, with the gateways of the join rule', async () => {
        const result = run(['render', 'examples/purchase-to-pay.workflow', '--format', 'bpmn']);
        assert.equal(result.code, 0, result.stderr);
        const { rootElement, warnings } = await new BpmnModdle().fromXML(result.stdout);
        assert.deepEqual(
            warnings.map((warning: { message: string }) => warning.message),
            [],
        );
        const process = rootElement.rootElements.find((element: { $type: string }) => element.$type === 'bpmn:Process');
        assert.equal(process.isExecutable, true);
        const lanes = process.laneSets[0].lanes.map((lane: { name: string }) => lane.name);
        assert.deepEqual(lanes, ['Requesters', 'Procurement', 'Finance', 'Warehouse']);
        const byId = new Map(process.flowElements.map((element: { id: string; $type: string }) => [element.id, element]));
        const type = (id: string) => (byId.get(id) as { $type: string } | undefined)?.$type;
        assert.equal(type('StartEvent_1'), 'bpmn:StartEvent');
        assert.equal((byId.get('StartEvent_1') as { name: string }).name, 'An employee needs goods or services');
        assert.equal(type('Node_Approve'), 'bpmn:UserTask', 'the decision is made in a task');
        assert.equal(type('Gateway_Approve'), 'bpmn:ExclusiveGateway');
        assert.equal(type('Node_CreateOrder'), 'bpmn:ServiceTask');
        assert.equal(type('Fork_CreateOrder'), 'bpmn:ParallelGateway');
        assert.equal(type('Join_Pay'), 'bpmn:ParallelGateway');
        assert.equal(type('Merge_CreateOrder'), 'bpmn:ExclusiveGateway', 'two alternatives meet');
        assert.equal(type('Merge_Match'), 'bpmn:ExclusiveGateway', 'the rework loop meets the way in');
        assert.equal(type('Node_Archive'), 'bpmn:CallActivity');
        assert.equal(type('Node_Paid'), 'bpmn:EndEvent');
        assert.equal(
            (byId.get('Node_Paid') as { eventDefinitions: Array<{ $type: string }> }).eventDefinitions[0].$type,
            'bpmn:TerminateEventDefinition',
        );
        const approve = byId.get('Gateway_Approve') as { default: { targetRef: { id: string } } };
        assert.equal(approve.default.targetRef.id, 'Node_Rejected', 'otherwise is the default flow');
        const flows = process.flowElements.filter((element: { $type: string }) => element.$type === 'bpmn:SequenceFlow');
        const conditional = flows.find((flow: { name?: string }) => flow.name === 'amount < 10k');
        assert.equal(conditional.conditionExpression.body, '=Approve = "amount < 10k"');
        const boundary = byId.get('Escalation_FinanceReview_1') as {
            attachedToRef: { id: string };
            cancelActivity: boolean;
            eventDefinitions: Array<{ timeDuration: { body: string } }>;
        };
        assert.equal(boundary.attachedToRef.id, 'Node_FinanceReview');
        assert.equal(boundary.cancelActivity, false);
        assert.equal(boundary.eventDefinitions[0].timeDuration.body, 'P3D');
        assert.equal(type('EscalationTask_FinanceReview_1'), 'bpmn:UserTask');
        assert.match(result.stdout, /<zeebe:taskDefinition type="SAP"\/>/);
        assert.match(result.stdout, /<zeebe:calledElement processId="Process_RecordsRetention" propagateAllChildVariables="false"\/>/);
        assert.match(
            result.stdout,
            /<bpmn:userTask id="EscalationTask_FinanceReview_1"[\s\S]*?<zeebe:assignmentDefinition candidateGroups="Finance" assignee="alice"\/>/,
        );
        const shapes = rootElement.diagrams[0].plane.planeElement;
        const elements = process.flowElements.filter((element: { $type: string }) => element.$type !== 'bpmn:SequenceFlow').length;
        assert.equal(shapes.filter((shape: { $type: string }) => shape.$type === 'bpmndi:BPMNShape').length, 1 + 4 + elements);
        assert.equal(shapes.filter((shape: { $type: string }) => shape.$type === 'bpmndi:BPMNEdge').length, flows.length);
    });

    it('joins with an inclusive gateway where a branch can go past the join without ending the case', async () => {
        const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'wa-inclusive-'));
        const file = path.join(folder, 'bypass.workflow');
        fs.writeFileSync(
            file,
            [
                'team Ops { role Clerk }',
                'workflow Bypass {',
                '  owner Ops',
                '  step Split { owner Ops.Clerk; next A, B }',
                '  step A { owner Ops.Clerk; next Join }',
                '  decision B { owner Ops.Clerk',
                '    when "short" -> After',
                '    otherwise -> Join',
                '  }',
                '  step Join { owner Ops.Clerk; next After }',
                '  step After { owner Ops.Clerk; next Done }',
                '  end Done',
                '}',
                '',
            ].join('\n'),
        );
        const result = run(['render', file, '--format', 'bpmn']);
        fs.rmSync(folder, { recursive: true, force: true });
        assert.equal(result.code, 0, result.stderr);
        assert.match(result.stdout, /<bpmn:inclusiveGateway id="Join_Join"/);
        // After is reached by both branches: directly from B, or from Join carrying A (and B when B came that way).
        assert.match(result.stdout, /<bpmn:inclusiveGateway id="Join_After"/);
    });

    for (const direction of ['right', 'down']) {
        it(`ends every sequence flow into an end event on the event's circle, ${direction}`, async () => {
            for (const file of ['examples/purchase-to-pay.workflow', 'examples/onboarding.workflow']) {
                const result = run(['render', file, '--format', 'bpmn', '--direction', direction]);
                assert.equal(result.code, 0, result.stderr);
                const { rootElement } = await new BpmnModdle().fromXML(result.stdout);
                const plane = rootElement.diagrams[0].plane.planeElement as Array<{
                    $type: string;
                    bpmnElement: { id: string; $type: string; targetRef?: { id: string; $type: string } };
                    bounds?: { x: number; y: number; width: number; height: number };
                    waypoint?: Array<{ x: number; y: number }>;
                }>;
                const bounds = new Map(plane.filter(shape => shape.bounds).map(shape => [shape.bpmnElement.id, shape.bounds!]));
                const into = plane.filter(shape => shape.waypoint && shape.bpmnElement.targetRef?.$type === 'bpmn:EndEvent');
                assert.ok(into.length > 0, `${file} has flows into end events`);
                for (const flow of into) {
                    const circle = bounds.get(flow.bpmnElement.targetRef!.id)!;
                    const last = flow.waypoint![flow.waypoint!.length - 1];
                    const gap = Math.abs(
                        Math.hypot(last.x - (circle.x + circle.width / 2), last.y - (circle.y + circle.height / 2)) - circle.width / 2,
                    );
                    assert.ok(
                        gap <= 1.5,
                        `${file}: ${flow.bpmnElement.id} ends ${gap.toFixed(1)} px off the circle of ${flow.bpmnElement.targetRef!.id}`,
                    );
                }
            }
        });
    }
});
