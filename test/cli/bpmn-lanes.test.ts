/**
 * The lanes of `render --format bpmn` in the diagram interchange: every shape lies inside the
 * band of the lane that lists it, escalation tasks included (the task for X is drawn in the lane of
 * X's team when it has one), and the shapes an escalation adds overlap nothing else.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { ZEEBE_MODDLE } from '../bpmn/engine.js';
import { runCli } from './run-cli.js';

const require = createRequire(import.meta.url);
/* eslint-disable @typescript-eslint/no-explicit-any */
const { BpmnModdle } = require('bpmn-moddle') as {
    BpmnModdle: new (packages?: object) => { fromXML(xml: string): Promise<{ rootElement: any; warnings: Array<{ message: string }> }> };
};

interface Bounds {
    x: number;
    y: number;
    width: number;
    height: number;
}

const inside = (inner: Bounds, outer: Bounds) =>
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height;
const overlap = (a: Bounds, b: Bounds) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const show = (b: Bounds) => `(${b.x}, ${b.y}, ${b.width}×${b.height})`;

interface Drawn {
    /** Lane name by element id. */
    laneOf: Map<string, string>;
    /** Bounds by element id (lanes included). */
    bounds: Map<string, Bounds>;
    /** Lane id by lane name. */
    lanes: Map<string, string>;
    /** The element a boundary event is attached to. */
    attached: Map<string, string>;
}

async function drawn(xml: string): Promise<Drawn> {
    const { rootElement, warnings } = await new BpmnModdle({ zeebe: ZEEBE_MODDLE }).fromXML(xml);
    assert.deepEqual(
        warnings.map(warning => warning.message),
        [],
    );
    const process = rootElement.rootElements.find((element: any) => element.$type === 'bpmn:Process');
    const laneOf = new Map<string, string>();
    const lanes = new Map<string, string>();
    for (const lane of process.laneSets[0].lanes) {
        lanes.set(lane.name, lane.id);
        for (const ref of lane.flowNodeRef ?? []) laneOf.set(ref.id, lane.name);
    }
    const attached = new Map<string, string>(
        process.flowElements.filter((e: any) => e.$type === 'bpmn:BoundaryEvent').map((e: any) => [e.id, e.attachedToRef.id]),
    );
    const bounds = new Map<string, Bounds>(
        rootElement.diagrams[0].plane.planeElement.filter((e: any) => e.bounds).map((e: any) => [e.bpmnElement.id, e.bounds]),
    );
    return { laneOf, bounds, lanes, attached };
}

function render(file: string, direction: string): string {
    const result = runCli(['render', file, '--format', 'bpmn', '--direction', direction]);
    assert.equal(result.code, 0, result.stderr);
    return result.stdout;
}

describe('BPMN lanes in the diagram interchange', function () {
    this.timeout(60_000);
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'wa-lanes-'));
    after(() => fs.rmSync(scratch, { recursive: true, force: true }));
    const fixture = path.join(scratch, 'escalations.workflow');
    fs.copyFileSync('test/bpmn/escalations.workflow', fixture);
    const files = ['examples/purchase-to-pay.workflow', 'examples/onboarding.workflow', fixture];

    for (const file of files) {
        for (const direction of ['right', 'down']) {
            it(`${path.basename(file)}, ${direction}: every shape lies in its lane, and escalation shapes overlap no other shape`, async () => {
                const { laneOf, bounds, lanes, attached } = await drawn(render(file, direction));
                assert.ok(
                    [...laneOf.keys()].some(id => id.startsWith('EscalationTask_')),
                    'the workflow has escalations',
                );
                for (const [id, lane] of laneOf) {
                    const [shape, band] = [bounds.get(id)!, bounds.get(lanes.get(lane)!)!];
                    // A boundary event sits on its host's edge, which may be the lane's edge.
                    if (attached.has(id)) continue;
                    assert.ok(inside(shape, band), `${id} ${show(shape)} lies outside lane ${lane} ${show(band)}`);
                }
                for (const [id, host] of attached) {
                    // On the outline of the step it is attached to, however lanes grew.
                    const [event, box] = [bounds.get(id)!, bounds.get(host)!];
                    const [cx, cy] = [event.x + event.width / 2, event.y + event.height / 2];
                    const dx = Math.max(box.x - cx, 0, cx - (box.x + box.width));
                    const dy = Math.max(box.y - cy, 0, cy - (box.y + box.height));
                    const within = Math.min(cx - box.x, box.x + box.width - cx, cy - box.y, box.y + box.height - cy);
                    assert.ok(Math.hypot(dx, dy) <= 1 && within <= 1, `${id} ${show(event)} is off the edge of ${host} ${show(box)}`);
                }
                const laneIds = new Set(lanes.values());
                for (const [id, shape] of bounds) {
                    if (!/^Escalation(Task|End)_/.test(id)) continue;
                    for (const [other, box] of bounds) {
                        if (other === id || laneIds.has(other) || other === 'Participant_1') continue;
                        assert.ok(!overlap(shape, box), `${id} ${show(shape)} overlaps ${other} ${show(box)}`);
                    }
                }
            });
        }
    }

    it("draws each escalation task in the lane of the team it goes to, or the host's lane when that team has none", async () => {
        for (const direction of ['right', 'down']) {
            const { laneOf } = await drawn(render(fixture, direction));
            assert.deepEqual(
                Object.fromEntries([...laneOf].filter(([id]) => /^Escalation(Task|End)_/.test(id))),
                {
                    // Log (Support) to Support.kai; Refund (Billing) to Support.Lead and to Legal, which has no lane;
                    // Check (Support) to Billing.ana, Support.kai and Support.Lead.
                    EscalationTask_Log_1: 'Support',
                    EscalationEnd_Log_1: 'Support',
                    EscalationTask_Refund_1: 'Support',
                    EscalationEnd_Refund_1: 'Support',
                    EscalationTask_Refund_2: 'Billing',
                    EscalationEnd_Refund_2: 'Billing',
                    EscalationTask_Check_1: 'Billing',
                    EscalationEnd_Check_1: 'Billing',
                    EscalationTask_Check_2: 'Support',
                    EscalationEnd_Check_2: 'Support',
                    EscalationTask_Check_3: 'Support',
                    EscalationEnd_Check_3: 'Support',
                },
                direction,
            );
        }
    });
});
