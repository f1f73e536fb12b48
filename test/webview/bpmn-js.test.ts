/**
 * `render --format bpmn` imported by bpmn-js, the modeller behind Camunda Modeler, in headless
 * Chromium: every workflow of the examples (examples/problems included) imports without a
 * warning, with and without the Zeebe extension elements described, in both directions, and
 * every element is drawn; so do the BPMN fixtures of test/bpmn.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import { exampleWorkflows } from '../example-workflows.js';
import type { Browser, Page } from 'playwright-core';
import { runCli } from '../cli/run-cli.js';
import { HEADLESS_SHELL } from './harness.js';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core') as typeof import('playwright-core');
const BPMN_JS = require.resolve('bpmn-js/dist/bpmn-modeler.production.min.js');
const ZEEBE_MODDLE = JSON.parse(fs.readFileSync('test/bpmn/zeebe-moddle.json', 'utf8')) as object;

interface Imported {
    error?: string;
    warnings: string[];
    drawn: number;
}

async function importInto(page: Page, xml: string, zeebe: object | undefined): Promise<Imported> {
    return page.evaluate(
        async ({ xml, zeebe }) => {
            const container = document.body.appendChild(document.createElement('div'));
            container.style.width = '1200px';
            container.style.height = '800px';
            const BpmnJS = (
                window as unknown as {
                    BpmnJS: new (options: object) => {
                        importXML(xml: string): Promise<{ warnings: Array<{ message: string }> }>;
                        get(name: string): { getAll(): unknown[] };
                        destroy(): void;
                    };
                }
            ).BpmnJS;
            const modeler = new BpmnJS({ container, moddleExtensions: zeebe ? { zeebe } : {} });
            try {
                const { warnings } = await modeler.importXML(xml);
                return { warnings: warnings.map(warning => warning.message), drawn: modeler.get('elementRegistry').getAll().length };
            } catch (error) {
                return { error: String((error as Error).message), warnings: [], drawn: 0 };
            } finally {
                modeler.destroy();
                container.remove();
            }
        },
        { xml, zeebe },
    );
}

describe('BPMN export imported by bpmn-js in Chromium', function () {
    this.timeout(120_000);
    let browser: Browser;
    let page: Page;

    before(async () => {
        browser = await chromium.launch({ executablePath: HEADLESS_SHELL, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
        page = await browser.newPage();
        await page.setContent('<!doctype html><html><body></body></html>');
        await page.addScriptTag({ path: BPMN_JS });
    });
    after(async () => browser?.close());

    // The examples, and the BPMN fixtures: escalations into other lanes, inclusive joins.
    const fixtures: Array<[string, string]> = [
        ['test/bpmn/escalations.workflow', 'Complaint'],
        ['test/bpmn/inclusive-join.workflow', 'Fulfilment'],
    ];
    for (const [file, workflow] of [...exampleWorkflows(), ...fixtures]) {
        it(`imports ${workflow} of ${file} without warnings`, async () => {
            for (const direction of ['right', 'down']) {
                const result = runCli(['render', file, '--workflow', workflow, '--format', 'bpmn', '--direction', direction]);
                assert.equal(result.code, 0, result.stderr);
                const shapes = (result.stdout.match(/<bpmndi:BPMN(Shape|Edge) /g) ?? []).length;
                for (const zeebe of [undefined, ZEEBE_MODDLE]) {
                    const imported = await importInto(page, result.stdout, zeebe);
                    const what = `${direction}, ${zeebe ? 'with' : 'without'} the Zeebe description`;
                    assert.equal(imported.error, undefined, what);
                    assert.deepEqual(imported.warnings, [], what);
                    // Every shape and edge, plus the root and the labels bpmn-js adds for named events, gateways and flows.
                    assert.ok(imported.drawn >= shapes, `${what}: ${imported.drawn} elements drawn for ${shapes} shapes and edges`);
                }
            }
        });
    }
});
