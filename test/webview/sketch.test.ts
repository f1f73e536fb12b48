/**
 * The preview's level of detail in Chromium: zoomed out past readable text, the diagram is shown
 * as a sketch (no text in what is shown), and its text comes back once zoomed in to a readable
 * size; exports still hold every title; the selection, the cursor's node, the critical path and
 * the simulation's shading show on the sketch, and an update keeps them and the view.
 */
import * as assert from 'node:assert/strict';
import type { Box } from '../../protocol/diagram-layout.js';
import type { WorkflowGraph } from '../../protocol/graph-model.js';
import type { SimulationOverlay } from '../../protocol/simulation-overlay.js';
import { SKETCH_KINDS, sketchPaths } from '../../diagram/sketch-paths.js';
import { layoutGraph } from '../../diagram/layout.js';
import { createElk } from '../../diagram/elk.js';
import { SKETCH_TEXT_PX, sketchedAt } from '../../webview/sketch.js';
import type { Harness } from './harness.js';
import { exportFrom, openHarness } from './harness.js';
import { chainGraph } from './chain-graph.js';
import { model } from './examples.js';

const FRAME = { width: 700, height: 600 };

async function drawingDone(harness: Harness): Promise<void> {
    await harness.page.waitForFunction(() => !('drawing' in document.getElementById('stage')!.dataset), undefined, { timeout: 60_000 });
}

async function view(harness: Harness): Promise<{ zoom: number; panX: number; panY: number; transform: string }> {
    return harness.page.evaluate(() => {
        const transform = document.getElementById('stage')!.style.transform;
        const match = /translate\(([^,]+)px, ([^)]+)px\) scale\(([^)]+)\)/.exec(transform)!;
        return { panX: Number(match[1]), panY: Number(match[2]), zoom: Number(match[3]), transform };
    });
}

/** The texts on screen (of `selector`: all text by default): drawn, in a layer on show, inside the frame. */
async function textsOnScreen(harness: Harness, selector = 'text'): Promise<string[]> {
    return harness.page.evaluate(selector => {
        const frame = document.getElementById('frame')!.getBoundingClientRect();
        return [...document.querySelectorAll(`#stage ${selector}`)]
            .filter(text => {
                const box = text.getBoundingClientRect();
                const painted = getComputedStyle(text).display !== 'none' && text.closest('.wa-pending') === null;
                return (
                    painted &&
                    box.width > 0 &&
                    box.right > frame.left &&
                    box.left < frame.right &&
                    box.bottom > frame.top &&
                    box.top < frame.bottom
                );
            })
            .map(text => text.textContent ?? '');
    }, selector);
}

async function sketched(harness: Harness): Promise<boolean> {
    return harness.page.evaluate(
        () =>
            document.getElementById('stage')!.classList.contains('wa-sketched') &&
            getComputedStyle(document.querySelector('#stage > .wa-sketch-layer')!).display !== 'none',
    );
}

/** A node's box, read from an exported SVG (the whole diagram, whatever is shown). */
function boxOf(svg: string, id: string): Box {
    const match = new RegExp(
        `<g class="wa-node[^"]*" data-id="${id}"[^>]*>\\s*<title>[^<]*</title>\\s*<rect class="wa-shape" x="([^"]+)" y="([^"]+)" width="([^"]+)" height="([^"]+)"`,
    ).exec(svg)!;
    return { x: Number(match[1]), y: Number(match[2]), width: Number(match[3]), height: Number(match[4]) };
}

/** The bounding box of one of the sketch's paths, in the diagram's coordinates. */
async function markBox(harness: Harness, className: string): Promise<Box | undefined> {
    return harness.page.evaluate(name => {
        const path = document.querySelector<SVGPathElement>(`#stage .wa-sketch .${name}`);
        if (!path || !path.getAttribute('d') || getComputedStyle(path).display === 'none') return undefined;
        const { x, y, width, height } = path.getBBox();
        return { x, y, width, height };
    }, className);
}

function near(actual: Box | undefined, expected: Box, what: string): void {
    assert.ok(actual, `${what} is shown`);
    for (const key of ['x', 'y', 'width', 'height'] as const) {
        assert.ok(Math.abs(actual[key] - expected[key]) < 1, `${what}: ${JSON.stringify(actual)} against ${JSON.stringify(expected)}`);
    }
}

function overlayOf(graph: WorkflowGraph): SimulationOverlay {
    const criticality = Object.fromEntries(graph.nodes.map((node, index) => [node.id, index % 2 === 0 ? 1 : 0.3]));
    return { runs: 1000, seed: 1, p50: 600, p80: 700, p95: 800, sla: null, overSla: null, criticality };
}

describe('the zoomed-out sketch in the preview in Chromium', function () {
    this.timeout(120_000);
    let harness: Harness;
    const chain = chainGraph(150, 3, 'Sketched');

    afterEach(async () => {
        await harness?.close();
    });

    it('is shown below readable text only', () => {
        assert.equal(sketchedAt(1, 12), false);
        assert.equal(sketchedAt(SKETCH_TEXT_PX / 12 + 0.001, 12), false);
        assert.equal(sketchedAt(SKETCH_TEXT_PX / 12 - 0.001, 12), true);
    });

    it('draws every node, edge and lane into its paths, and the critical ones again', async () => {
        const layout = await layoutGraph(chain, createElk(), 'RIGHT');
        const paths = sketchPaths(chain, layout);
        const subpaths = (d: string) => d.split('M').length - 1;
        assert.equal(subpaths(paths.step) + subpaths(paths.decision) + subpaths(paths.end), chain.nodes.length);
        assert.equal(subpaths(paths.edges) + subpaths(paths.handoffs) + subpaths(paths['no-channel']), chain.edges.length);
        assert.equal(subpaths(paths.lane) + subpaths(paths['lane-alt']), chain.lanes.length);
        assert.equal(subpaths(paths['critical-nodes']), chain.nodes.filter(node => node.critical).length);
        assert.deepEqual(Object.keys(paths), [...SKETCH_KINDS]);
    });

    it('shows a fitted long diagram without any text, and its text again once zoomed in to a readable size', async () => {
        harness = await openHarness(FRAME);
        await harness.send(model(chain));
        await harness.renderedAfter(0);
        await drawingDone(harness);
        assert.equal(await sketched(harness), false, 'opens at a readable zoom');
        const opening = await textsOnScreen(harness, '.wa-node-title');
        assert.ok(opening.includes('Step number 0'), `the start's title on screen: ${opening.slice(0, 5).join(', ')}`);

        await harness.page.locator('#fit').click();
        await drawingDone(harness);
        const fitted = await view(harness);
        assert.ok(fitted.zoom * 12 < SKETCH_TEXT_PX, `fitted at ${fitted.zoom}`);
        assert.equal(await sketched(harness), true);
        assert.deepEqual(await textsOnScreen(harness), [], 'no text is shown');
        assert.equal(await harness.page.locator('#stage .wa-sketch text').count(), 0);
        const frame = await harness.page.locator('#frame').boundingBox();
        const shown = await harness.page.locator('#stage .wa-sketch').boundingBox();
        assert.ok(
            frame && shown && shown.x >= frame.x - 1 && shown.x + shown.width <= frame.x + frame.width + 1,
            'the sketch fits the frame',
        );

        await harness.page.locator('#zoom-level').click();
        await drawingDone(harness);
        assert.equal((await view(harness)).zoom, 1);
        assert.equal(await sketched(harness), false);
        const readable = await textsOnScreen(harness, '.wa-node-title');
        assert.ok(readable.length > 0, 'titles on screen at 100%');
        assert.ok(
            readable.every(text => chain.nodes.some(node => node.title === text)),
            readable.join(', '),
        );

        // An export while zoomed out is the whole diagram: the PNG has its full size (twice, for sharp text).
        await harness.page.locator('#fit').click();
        assert.equal(await sketched(harness), true);
        const svg = await exportFrom(harness, 'svg', 1);
        const png = Buffer.from(await exportFrom(harness, 'png', 2), 'base64');
        const width = Number(/<svg[^>]* width="(\d+)"/.exec(svg)![1]);
        assert.equal(png.readUInt32BE(16), width * 2, 'the PNG is as wide as the whole diagram');
    });

    it('exports the whole diagram with every title while zoomed out', async () => {
        const long = chainGraph(600, 3, 'LongSketch');
        harness = await openHarness(FRAME);
        await harness.send(model(long));
        await harness.renderedAfter(0);
        await harness.page.locator('#fit').click();
        await drawingDone(harness);
        assert.equal(await sketched(harness), true);
        const svg = await exportFrom(harness, 'svg', 1);
        for (const node of long.nodes) assert.ok(svg.includes(`>${node.title}</text>`), `${node.title} exported`);
        for (const edge of long.edges) assert.ok(svg.includes(`data-edge="${edge.id}"`), `${edge.id} exported`);
    });

    it('shows the selection, the cursor node, the critical path and the shading while zoomed out, and keeps them and the view across an update', async () => {
        harness = await openHarness(FRAME);
        await harness.send(model(chain, { simulation: overlayOf(chain) }));
        await harness.renderedAfter(0);
        await harness.page.locator('#fit').click();
        await drawingDone(harness);
        const svg = await exportFrom(harness, 'svg', 1);
        const { zoom } = await view(harness);
        const origin = (await harness.page.locator('#stage .wa-sketch').boundingBox())!;

        // A click on a node of the sketch selects it, as a click on the drawn node does.
        const target = boxOf(svg, 'S40');
        await harness.page.mouse.click(origin.x + (target.x + target.width / 2) * zoom, origin.y + (target.y + target.height / 2) * zoom);
        await harness.page.waitForFunction(() =>
            (window as unknown as { __posted: Array<{ type: string; nodeId?: string }> }).__posted.some(
                m => m.type === 'reveal' && m.nodeId === 'S40',
            ),
        );
        near(await markBox(harness, 'wa-sketch-selected'), target, 'the selection');

        await harness.send({ type: 'highlight', nodeId: 'S80' });
        await harness.page.waitForFunction(() => document.querySelector('#stage .wa-sketch-highlighted')?.getAttribute('d'));
        near(await markBox(harness, 'wa-sketch-highlighted'), boxOf(svg, 'S80'), "the cursor's node");

        assert.equal(await markBox(harness, 'wa-sketch-critical-nodes'), undefined, 'the critical path is off');
        await harness.page.locator('#critical').click();
        assert.ok(await markBox(harness, 'wa-sketch-critical-nodes'), 'the critical path is on');

        assert.deepEqual(await shades(harness), {}, 'no shading before the switch');
        await harness.page.locator('#simulation-toggle').click();
        // S0, S2, …: on the longest path in every run, the deepest shade; the others in 30% of them, a light one.
        assert.deepEqual(await shades(harness), { 'wa-sketch-shade-4': 75, 'wa-sketch-shade-2': 75 });

        // An edit: the view, the sketch and what it shows stay.
        const before = await view(harness);
        const edited = { ...chain, nodes: chain.nodes.map(node => (node.id === 'S3' ? { ...node, title: 'Edited' } : node)) };
        await harness.send(model(edited, { simulation: overlayOf(edited) }));
        await harness.renderedAfter(1);
        await drawingDone(harness);
        assert.equal((await view(harness)).transform, before.transform);
        assert.equal(await sketched(harness), true);
        near(await markBox(harness, 'wa-sketch-selected'), target, 'the selection after the edit');
        near(await markBox(harness, 'wa-sketch-highlighted'), boxOf(svg, 'S80'), "the cursor's node after the edit");
        assert.ok(await markBox(harness, 'wa-sketch-critical-nodes'), 'the critical path after the edit');
        assert.deepEqual(await shades(harness), { 'wa-sketch-shade-4': 75, 'wa-sketch-shade-2': 75 });
        assert.deepEqual(await harness.violations(), []);
    });
});

/** The simulation's shades on show in the sketch: how many nodes each covers. */
async function shades(harness: Harness): Promise<Record<string, number>> {
    return harness.page.evaluate(() =>
        Object.fromEntries(
            [...document.querySelectorAll("#stage .wa-sketch [class^='wa-sketch-shade-']")]
                .filter(path => getComputedStyle(path).display !== 'none')
                .map(path => [path.getAttribute('class')!, (path.getAttribute('d') ?? '').split('M').length - 1]),
        ),
    );
}
