/**
 * `render --format bpmn` read by the programs a BPMN file goes to: the BPMN 2.0 XML Schema
 * (libxml2's xmllint), bpmnlint with its recommended rules and Camunda 8's compatibility rules,
 * and bpmn-engine, which runs the process for every combination of decision outcomes, the
 * conditions evaluated as FEEL by feelin. For the examples and for generated workflows with
 * splits, joins, decisions and rework loops.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { generateWorkflow } from '../../bench/realistic-workflows.js';
import { ZEEBE_MODDLE } from '../bpmn/engine.js';
import { runEveryPath, type GraphJson } from '../bpmn/decision-paths.js';
import { XMLLINT } from '../xml-lint.js';
import { runCli } from './run-cli.js';

const require = createRequire(import.meta.url);
/* eslint-disable @typescript-eslint/no-explicit-any */
const { Linter } = require('bpmnlint') as {
    Linter: new (options: object) => {
        lint(root: unknown): Promise<Record<string, Array<{ id: string; message: string; category: string }>>>;
    };
};
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver') as new (options?: object) => unknown;
const { BpmnModdle } = require('bpmn-moddle') as {
    BpmnModdle: new (packages?: object) => { fromXML(xml: string): Promise<{ rootElement: any; warnings: Array<{ message: string }> }> };
};

export const BPMN_XSD = path.resolve('node_modules/bpmn-moddle/resources/bpmn/xsd/BPMN20.xsd');
const LINT_CONFIG = { extends: ['bpmnlint:recommended', 'plugin:camunda-compat/camunda-cloud-8-8'] };

interface Case {
    name: string;
    file: string;
    workflow: string;
}

function cases(scratch: string): Case[] {
    const examples: Case[] = ['purchase-to-pay', 'onboarding', 'records-retention'].map(name => {
        const file = `examples/${name}.workflow`;
        return { name: file, file, workflow: /^workflow\s+(\w+)/m.exec(fs.readFileSync(file, 'utf8'))![1] };
    });
    const generated = [10, 30].map(size => {
        const made = generateWorkflow(size);
        const folder = fs.mkdtempSync(path.join(scratch, `gen${size}-`));
        const file = path.join(folder, `generated-${size}.workflow`);
        fs.writeFileSync(file, made.text);
        return { name: `a generated workflow of ${size} nodes`, file, workflow: made.name };
    });
    // The BPMN fixtures: inclusive joins, and escalations into other lanes.
    const fixtures: Case[] = [
        ['inclusive-join', 'Fulfilment'],
        ['escalations', 'Complaint'],
    ].map(([name, workflow]) => {
        const file = path.join(fs.mkdtempSync(path.join(scratch, `${name}-`)), `${name}.workflow`);
        fs.copyFileSync(`test/bpmn/${name}.workflow`, file);
        return { name: `test/bpmn/${name}.workflow`, file, workflow };
    });
    return [...examples, ...generated, ...fixtures];
}

function render(file: string, workflow: string, format: 'bpmn' | 'json', direction = 'right'): string {
    const result = runCli(['render', file, '--workflow', workflow, '--format', format, '--direction', direction]);
    assert.equal(result.code, 0, result.stderr);
    return result.stdout;
}

describe('BPMN export read by its consumers', function () {
    this.timeout(180_000);
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'wa-bpmn-'));
    after(() => fs.rmSync(scratch, { recursive: true, force: true }));

    for (const item of cases(scratch)) {
        describe(item.name, () => {
            let xml: string;
            let graph: GraphJson;
            before(() => {
                xml = render(item.file, item.workflow, 'bpmn');
                graph = JSON.parse(render(item.file, item.workflow, 'json')) as GraphJson;
            });

            it('validates against the BPMN 2.0 XML Schema', () => {
                for (const direction of ['right', 'down']) {
                    const text = direction === 'right' ? xml : render(item.file, item.workflow, 'bpmn', direction);
                    const result = spawnSync(XMLLINT, ['--noout', '--schema', BPMN_XSD, '-'], { input: text, encoding: 'utf8' });
                    assert.equal(result.error, undefined, `${XMLLINT} could not run: ${result.error?.message}`);
                    assert.equal(result.status, 0, result.stderr);
                }
            });

            it('has no bpmnlint errors with the recommended rules and Camunda 8.8 compatibility', async () => {
                const { rootElement, warnings } = await new BpmnModdle({ zeebe: ZEEBE_MODDLE }).fromXML(xml);
                assert.deepEqual(
                    warnings.map(warning => warning.message),
                    [],
                );
                const reports = await new Linter({ config: LINT_CONFIG, resolver: new NodeResolver({ require }) }).lint(rootElement);
                const errors = Object.entries(reports).flatMap(([rule, found]) =>
                    found.filter(report => report.category === 'error').map(report => `${rule} ${report.id}: ${report.message}`),
                );
                assert.deepEqual(errors, []);
            });

            it('draws standard shapes, and every flow from the outline of its source to the outline of its target', async () => {
                for (const direction of ['right', 'down']) {
                    const text = direction === 'right' ? xml : render(item.file, item.workflow, 'bpmn', direction);
                    const { rootElement } = await new BpmnModdle({ zeebe: ZEEBE_MODDLE }).fromXML(text);
                    const plane = rootElement.diagrams[0].plane.planeElement as any[];
                    const shapes = new Map(plane.filter(e => e.$type === 'bpmndi:BPMNShape').map(e => [e.bpmnElement.id, e]));
                    for (const shape of shapes.values()) {
                        const type = shape.bpmnElement.$type as string;
                        const { width, height } = shape.bounds;
                        if (type.endsWith('Gateway')) assert.deepEqual([width, height], [50, 50], shape.id);
                        if (type.endsWith('Event')) assert.deepEqual([width, height], [36, 36], shape.id);
                        if (type === 'bpmn:ExclusiveGateway') assert.equal(shape.isMarkerVisible, true, shape.id);
                    }
                    const measure = (shape: any, point: { x: number; y: number }) => {
                        const { x, y, width, height } = shape.bounds;
                        const dx = Math.abs(point.x - (x + width / 2)) / (width / 2);
                        const dy = Math.abs(point.y - (y + height / 2)) / (height / 2);
                        const type = shape.bpmnElement.$type as string;
                        // How far the point is from the outline, in pixels, roughly.
                        const ratio = type.endsWith('Gateway') ? dx + dy : type.endsWith('Event') ? Math.hypot(dx, dy) : Math.max(dx, dy);
                        return (Math.abs(ratio - 1) * Math.min(width, height)) / 2;
                    };
                    const edges = plane.filter(e => e.$type === 'bpmndi:BPMNEdge');
                    assert.ok(edges.length > 0);
                    for (const edge of edges) {
                        const points = edge.waypoint as Array<{ x: number; y: number }>;
                        const flow = edge.bpmnElement;
                        assert.ok(points.length >= 2, flow.id);
                        const [source, target] = [shapes.get(flow.sourceRef.id), shapes.get(flow.targetRef.id)];
                        assert.ok(
                            measure(source, points[0]) < 1.5,
                            `${direction}: ${flow.id} starts ${measure(source, points[0]).toFixed(1)}px off ${flow.sourceRef.id}`,
                        );
                        assert.ok(
                            measure(target, points[points.length - 1]) < 1.5,
                            `${direction}: ${flow.id} ends ${measure(target, points[points.length - 1]).toFixed(1)}px off ${flow.targetRef.id}`,
                        );
                    }
                }
            });

            it('runs on bpmn-engine to an end for every combination of decision outcomes, rework loops taken once', async () => {
                assert.ok((await runEveryPath(xml, graph)) > 0);
            });
        });
    }
});
