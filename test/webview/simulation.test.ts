/**
 * The preview's Simulation switch in Chromium: the figures that come with the model shade the
 * nodes by criticality and show the percentiles in the toolbar; off, or without figures, nothing
 * is shaded. Screenshots of the overlay (light and dark) go to test-artifacts/.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { WorkflowGraph } from '../../protocol/graph-model.js';
import type { SimulationOverlay } from '../../protocol/simulation-overlay.js';
import { simulateWorkflow } from '../../language/src/analysis/simulation/simulation.js';
import { workflowsOf } from '../../language/src/workspace/workspace-queries.js';
import { buildWorkspace } from '../../language/src/workspace/workflow-workspace.js';
import { exampleGraph, model } from './examples.js';
import type { Harness } from './harness.js';
import { openHarness } from './harness.js';

const ARTIFACTS = path.resolve(process.env.SIMULATION_SCREENS ?? 'test-artifacts');

/** The figures the language server sends with the purchase-to-pay graph. */
async function exampleOverlay(): Promise<SimulationOverlay> {
    const files = fs.readdirSync('examples').filter(name => name.endsWith('.workflow'));
    const ordered = ['purchase-to-pay.workflow', ...files.filter(name => name !== 'purchase-to-pay.workflow')];
    const { documents } = await buildWorkspace(
        ordered.map(name => ({
            uri: pathToFileURL(path.resolve('examples', name)).toString(),
            text: fs.readFileSync(path.join('examples', name), 'utf8'),
        })),
    );
    const { runs, seed, p50, p80, p95, sla, overSla, criticality } = simulateWorkflow(workflowsOf(documents[0])[0]);
    return { runs, seed, p50, p80, p95, sla, overSla, criticality };
}

interface Shown {
    figures: string;
    figuresHidden: boolean;
    disabled: boolean;
    labels: Record<string, string>;
    fills: Record<string, string>;
}

async function shown(harness: Harness): Promise<Shown> {
    return harness.page.evaluate(() => {
        const figures = document.getElementById('simulation-figures')!;
        const labels: Record<string, string> = {};
        const fills: Record<string, string> = {};
        for (const node of document.querySelectorAll('.wa-node')) {
            const id = node.getAttribute('data-id')!;
            const label = node.querySelector('.wa-criticality');
            if (label) labels[id] = label.textContent ?? '';
            fills[id] = getComputedStyle(node.querySelector('.wa-shape')!).fill;
        }
        return {
            figures: figures.textContent ?? '',
            figuresHidden: figures.hidden,
            disabled: (document.getElementById('simulation-toggle') as HTMLButtonElement).disabled,
            labels,
            fills,
        };
    });
}

describe('preview simulation overlay in Chromium', function () {
    this.timeout(60_000);
    let harness: Harness;
    let graph: WorkflowGraph;
    let overlay: SimulationOverlay;

    before(async () => {
        fs.mkdirSync(ARTIFACTS, { recursive: true });
        graph = await exampleGraph();
        overlay = await exampleOverlay();
    });
    afterEach(async () => harness?.close());

    for (const dark of [false, true]) {
        it(`shades the nodes by criticality and shows the percentiles when switched on (${dark ? 'dark' : 'light'})`, async () => {
            harness = await openHarness({ dark, width: 1500, height: 640 });
            await harness.send(model(graph, { simulation: overlay }));
            await harness.renderedAfter(0);
            const off = await shown(harness);
            assert.equal(off.disabled, false);
            assert.equal(off.figuresHidden, true);
            assert.deepEqual(off.labels, {});

            await harness.page.click('#simulation-toggle');
            const on = await shown(harness);
            assert.equal(on.figuresHidden, false);
            assert.match(on.figures, /^P50 \d+d[^·]* · P80 \d+d[^·]* · P95 \d+d[^·]* · \d+% over SLA 10d$/);
            assert.equal(on.labels.Request, '100% critical');
            assert.equal(on.labels.Clarify, `${Math.round(overlay.criticality.Clarify * 100)}% critical`);
            assert.equal(Object.keys(on.labels).length, graph.nodes.length);
            // Always on the longest path: a deeper shade than a node that rarely is, and than the shading off.
            assert.notEqual(on.fills.Request, on.fills.Clarify);
            assert.notEqual(on.fills.Request, off.fills.Request);
            assert.deepEqual(await harness.violations(), []);
            await harness.page.screenshot({ path: path.join(ARTIFACTS, `preview-simulation-${dark ? 'dark' : 'light'}.png`) });

            await harness.page.click('#simulation-toggle');
            const again = await shown(harness);
            assert.deepEqual(again.labels, {});
            assert.deepEqual(again.fills, off.fills);
        });
    }

    it('keeps the switch across a reload, and disables it for a workflow with nothing to simulate', async () => {
        harness = await openHarness({ state: { simulation: true } });
        await harness.send(model(graph, { simulation: overlay }));
        await harness.renderedAfter(0);
        assert.equal((await shown(harness)).labels.Request, '100% critical');
        await harness.send(model(graph));
        await harness.renderedAfter(1);
        const none = await shown(harness);
        assert.equal(none.disabled, true);
        assert.equal(none.figuresHidden, true);
        assert.deepEqual(none.labels, {});
    });

    it('ignores a model whose figures are malformed', async () => {
        harness = await openHarness();
        await harness.send(model(graph, { simulation: { ...overlay, criticality: { Request: 7 } } as SimulationOverlay }));
        await harness.send(model(graph, { simulation: { ...overlay, p50: 'soon' } as unknown as SimulationOverlay }));
        await harness.send(model(graph));
        const rendered = await harness.renderedAfter(0);
        assert.equal(rendered.workflow, 'PurchaseToPay');
        assert.equal((await harness.posted()).filter(message => message.type === 'rendered').length, 1);
    });
});
