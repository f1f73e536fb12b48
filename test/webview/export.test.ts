/**
 * The preview's Export SVG and PNG, in headless Chromium under the production CSP: the file is
 * the one `render --format svg` writes, byte for byte; it looks like the preview in the light and
 * dark themes with what the user chose to see; and text that XML cannot hold never breaks it.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Direction } from '../../protocol/diagram-layout.js';
import type { WorkflowGraph } from '../../protocol/graph-model.js';
import { graphJson } from '../../cli/graph-json.js';
import { runCli } from '../cli/run-cli.js';
import { assertWellFormedXml, XML_INVALID_STRINGS } from '../xml-lint.js';
import { exampleGraph, model } from './examples.js';
import type { Harness } from './harness.js';
import { exportFrom, openHarness } from './harness.js';

const ARTIFACTS = path.resolve('test-artifacts');
const FILE = 'examples/purchase-to-pay.workflow';

/** Where two texts part, for a failure message that can be read. */
function firstDifference(actual: string, expected: string): string {
    const a = actual.split('\n');
    const b = expected.split('\n');
    const line = a.findIndex((text, index) => text !== b[index]);
    return line < 0
        ? `the export has ${a.length} lines, render ${b.length}`
        : `line ${line + 1} differs:\nexport: ${a[line]}\nrender: ${b[line]}`;
}

/**
 * Puts the exported file in a shadow root, where the preview's stylesheet does not reach, and
 * compares the computed style of each of its elements with the preview's element in its place.
 */
async function styleDifferences(harness: Harness, svg: string): Promise<string[]> {
    return harness.page.evaluate(text => {
        const shown = document.querySelector('#stage svg')!;
        const host = document.body.appendChild(document.createElement('div'));
        const parsed = new DOMParser().parseFromString(text, 'image/svg+xml').documentElement;
        const copy = host.attachShadow({ mode: 'open' }).appendChild(document.importNode(parsed, true));
        const originals = [shown, ...shown.querySelectorAll('*')];
        const copies = [copy, ...copy.querySelectorAll('*')];
        if (originals.length !== copies.length) return [`${originals.length} elements shown, ${copies.length} exported`];
        const properties = [
            'fill',
            'stroke',
            'stroke-width',
            'stroke-dasharray',
            'opacity',
            'font-family',
            'font-size',
            'font-weight',
            'text-anchor',
        ];
        const differences: string[] = [];
        originals.forEach((original, index) => {
            const [want, got] = [getComputedStyle(original), getComputedStyle(copies[index])];
            for (const property of properties) {
                if (want.getPropertyValue(property) !== got.getPropertyValue(property)) {
                    differences.push(
                        `<${original.tagName} class="${original.getAttribute('class') ?? ''}"> ${property}: shown ${want.getPropertyValue(property)}, exported ${got.getPropertyValue(property)}`,
                    );
                }
            }
        });
        host.remove();
        return differences;
    }, svg);
}

describe('preview export in Chromium', function () {
    this.timeout(60_000);
    let harness: Harness;
    let graph: WorkflowGraph;

    before(async () => {
        fs.mkdirSync(ARTIFACTS, { recursive: true });
        graph = await exampleGraph();
    });
    afterEach(async () => harness?.close());

    it('writes the same SVG file as render --format svg, byte for byte, in both directions', async () => {
        // The same graph: the command line builds this very model from the file.
        const json = runCli(['render', FILE, '--format', 'json']);
        assert.equal(json.code, 0, json.stderr);
        assert.deepEqual(JSON.parse(json.stdout), JSON.parse(JSON.stringify(graphJson(graph, FILE))));

        harness = await openHarness();
        const directions: Direction[] = ['RIGHT', 'DOWN'];
        for (const [index, direction] of directions.entries()) {
            await harness.send(model(graph, { direction }));
            await harness.renderedAfter(index);
            // The light palette: the harness sets no theme variables, so every colour is the light default `render` uses.
            const exported = await exportFrom(harness, 'svg', index + 1);
            const rendered = runCli(['render', FILE, '--format', 'svg', '--direction', direction === 'RIGHT' ? 'right' : 'down']);
            assert.equal(rendered.code, 0, rendered.stderr);
            assert.ok(exported === rendered.stdout, `${direction}: ${firstDifference(exported, rendered.stdout)}`);
        }
        // The critical path toggle and `render --critical` mark the same path the same way.
        await harness.page.locator('#critical').check();
        const exported = await exportFrom(harness, 'svg', directions.length + 1);
        const rendered = runCli(['render', FILE, '--format', 'svg', '--direction', 'down', '--critical']);
        assert.equal(rendered.code, 0, rendered.stderr);
        assert.match(exported, /<svg [^>]*class="wa-diagram wa-show-critical"/);
        assert.ok(exported === rendered.stdout, `--critical: ${firstDifference(exported, rendered.stdout)}`);
    });

    for (const theme of ['light', 'dark'] as const) {
        it(`looks like the preview in the ${theme} theme, with the critical path, a selection and the cursor's node`, async () => {
            harness = await openHarness({ dark: theme === 'dark' });
            await harness.send(model(graph));
            await harness.renderedAfter(0);
            await harness.page.locator('#critical').check();
            const critical = graph.nodes.find(node => node.critical && node.kind === 'step')!;
            await harness.send({ type: 'click', nodeId: critical.id });
            await harness.page.waitForSelector(`.wa-node.wa-selected[data-id="${critical.id}"]`);
            await harness.send({ type: 'highlight', nodeId: 'CreateOrder' });
            await harness.page.waitForSelector('.wa-node.wa-highlighted[data-id="CreateOrder"]');

            const svg = await exportFrom(harness, 'svg', 1);
            assert.match(svg, /<svg [^>]*class="wa-diagram wa-show-critical"/);
            assert.match(svg, new RegExp(`class="[^"]*wa-selected[^"]*" data-id="${critical.id}"`));
            assert.match(svg, /class="[^"]*wa-highlighted[^"]*" data-id="CreateOrder"/);
            assert.doesNotMatch(svg, /tabindex|role="button"/, 'a file is a picture, not a control');
            assert.deepEqual(await styleDifferences(harness, svg), []);
            fs.writeFileSync(path.join(ARTIFACTS, `export-${theme}.svg`), svg);
            const png = await exportFrom(harness, 'png', 2);
            fs.writeFileSync(path.join(ARTIFACTS, `export-${theme}.png`), Buffer.from(png, 'base64'));
            assert.deepEqual(await harness.violations(), []);
        });
    }

    it('writes well-formed XML and draws a PNG whatever characters the titles, conditions and channels hold', async () => {
        const pick = (index: number) => XML_INVALID_STRINGS[index % XML_INVALID_STRINGS.length];
        const odd: WorkflowGraph = {
            ...graph,
            workflow: pick(0),
            title: pick(1),
            owner: pick(2),
            summary: pick(3),
            lanes: graph.lanes.map((lane, index) => ({ ...lane, label: pick(index + 4), title: pick(index + 5) })),
            nodes: graph.nodes.map((node, index) => ({
                ...node,
                title: pick(index),
                owner: pick(index + 1),
                duration: pick(index + 2),
                calls: node.calls && pick(index + 3),
                automatedBy: node.automatedBy && pick(index + 4),
                systems: [pick(index + 5)],
                findings: [{ severity: 'warning', code: pick(index + 6), message: pick(index + 7) }],
            })),
            edges: graph.edges.map((edge, index) => ({ ...edge, label: pick(index), channel: edge.channel && pick(index + 1) })),
        };
        harness = await openHarness();
        await harness.send(model(odd, { workflows: XML_INVALID_STRINGS.map(name => ({ name, title: name })) }));
        await harness.renderedAfter(0);

        const svg = await exportFrom(harness, 'svg', 1);
        assertWellFormedXml(svg, 'the exported SVG');
        assert.ok(
            svg.includes('start  of heading') && svg.includes('lone \uFFFD high surrogate'),
            'controls dropped, broken characters replaced',
        );
        assert.ok(svg.includes('\uD83D\uDE80'), 'a surrogate pair is a character and stays');
        const browserParses = await harness.page.evaluate(
            text => new DOMParser().parseFromString(text, 'image/svg+xml').querySelector('parsererror') === null,
            svg,
        );
        assert.ok(browserParses, 'the browser parses it too');

        const png = Buffer.from(await exportFrom(harness, 'png', 2), 'base64');
        assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
        assert.deepEqual(
            (await harness.posted()).filter(message => message.type === 'error'),
            [],
        );
        assert.deepEqual(await harness.violations(), []);
    });
});
