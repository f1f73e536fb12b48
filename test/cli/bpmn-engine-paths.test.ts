/**
 * Every example workflow and generated workflows of several sizes and seeds, exported as BPMN and
 * run on bpmn-engine along every combination of decision outcomes (up to 64, then every outcome
 * of each decision), each rework loop once, with the parallel branches' tasks completing in the
 * order they started and in the reverse order: every run ends at exactly one end, each node runs
 * once and the work a loop returns to twice.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateWorkflow } from '../../bench/realistic-workflows.js';
import { runEveryPath, type GraphJson } from '../bpmn/decision-paths.js';
import type { RunOptions } from '../bpmn/engine.js';
import { runCli } from './run-cli.js';

function render(file: string, workflow: string, format: 'bpmn' | 'json'): string {
    const result = runCli(['render', file, '--workflow', workflow, '--format', format]);
    assert.equal(result.code, 0, result.stderr);
    return result.stdout;
}

const orders: Record<string, RunOptions['next']> = {
    'tasks completing in the order they started': undefined,
    'the latest task completing first': waiting => waiting.length - 1,
};

describe('BPMN export run on bpmn-engine along every path', function () {
    this.timeout(300_000);
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'wa-paths-'));
    after(() => fs.rmSync(scratch, { recursive: true, force: true }));

    const examples = fs
        .readdirSync('examples')
        .filter(name => name.endsWith('.workflow'))
        .flatMap(name => {
            const file = path.join('examples', name);
            return [...fs.readFileSync(file, 'utf8').matchAll(/^workflow\s+(\w+)/gm)].map(match => ({
                name: `${file} ${match[1]}`,
                file,
                workflow: match[1],
            }));
        });
    const generated = [10, 20, 40].flatMap(size =>
        [1, 2].map(seed => {
            const made = generateWorkflow(size, seed);
            const folder = fs.mkdtempSync(path.join(scratch, `gen${size}-${seed}-`));
            const file = path.join(folder, 'generated.workflow');
            fs.writeFileSync(file, made.text);
            return { name: `a generated workflow of ${size} nodes, seed ${seed}`, file, workflow: made.name };
        }),
    );
    assert.ok(examples.length >= 3);

    for (const item of [...examples, ...generated]) {
        it(`${item.name}: every path completes, ${Object.keys(orders).join(' or ')}`, async () => {
            const xml = render(item.file, item.workflow, 'bpmn');
            const graph = JSON.parse(render(item.file, item.workflow, 'json')) as GraphJson;
            for (const [order, next] of Object.entries(orders)) {
                try {
                    assert.ok((await runEveryPath(xml, graph, { next })) > 0);
                } catch (error) {
                    if (error instanceof assert.AssertionError) error.message = `${order}: ${error.message}`;
                    throw error;
                }
            }
        });
    }
});
