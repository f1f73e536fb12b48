/**
 * Drawing large diagrams in the preview, in headless Chromium: only what is near the view is
 * drawn (exactly those nodes), more as the view moves, clicks work on nodes drawn late, an
 * update being drawn is dropped for a newer one while the last complete diagram stays on show,
 * and exports hold the whole diagram whatever is drawn on screen.
 */
import * as assert from 'node:assert/strict';
import type { Box } from '../../protocol/diagram-layout.js';
import type { WorkflowGraph } from '../../protocol/graph-model.js';
import { visibleArea } from '../../webview/view-math.js';
import { overlaps, withMargin, WINDOWED_FROM } from '../../webview/windowed-drawing.js';
import type { Harness } from './harness.js';
import { exportFrom, openHarness } from './harness.js';
import { chainGraph } from './chain-graph.js';
import { model } from './examples.js';

const FRAME = { width: 700, height: 600 };

/** Waits until the preview has nothing left to draw. */
async function drawingDone(harness: Harness): Promise<void> {
    await harness.page.waitForFunction(() => !('drawing' in document.getElementById('stage')!.dataset), undefined, { timeout: 60_000 });
}

async function viewAndFrame(harness: Harness): Promise<{ area: Box }> {
    return harness.page
        .evaluate(() => {
            const match = /translate\(([^,]+)px, ([^)]+)px\) scale\(([^)]+)\)/.exec(document.getElementById('stage')!.style.transform)!;
            const frame = document.getElementById('frame')!;
            return {
                view: { panX: Number(match[1]), panY: Number(match[2]), zoom: Number(match[3]) },
                frame: { width: frame.clientWidth, height: frame.clientHeight },
            };
        })
        .then(({ view, frame }) => ({ area: visibleArea(view, frame) }));
}

/** The ids of the nodes drawn in the diagram on show. */
async function drawnIds(harness: Harness): Promise<string[]> {
    return harness.page.evaluate(() =>
        [...document.querySelectorAll('#stage .wa-layer:not(.wa-pending) .wa-node')].map(node => node.getAttribute('data-id')!).sort(),
    );
}

/** Every node's box, read from an exported SVG (which holds the whole diagram). */
function nodeBoxes(svg: string): Map<string, Box> {
    const boxes = new Map<string, Box>();
    const pattern =
        /<g class="wa-node[^"]*" data-id="([^"]+)"[^>]*>\s*<title>[^<]*<\/title>\s*<rect class="wa-shape" x="([^"]+)" y="([^"]+)" width="([^"]+)" height="([^"]+)"/g;
    for (const match of svg.matchAll(pattern)) {
        boxes.set(match[1], { x: Number(match[2]), y: Number(match[3]), width: Number(match[4]), height: Number(match[5]) });
    }
    return boxes;
}

function idsWithin(boxes: Map<string, Box>, areas: Box[]): string[] {
    return [...boxes]
        .filter(([, box]) => areas.some(area => overlaps(box, withMargin(area))))
        .map(([id]) => id)
        .sort();
}

describe('drawing large diagrams in the preview in Chromium', function () {
    this.timeout(180_000);
    let harness: Harness;
    const long: WorkflowGraph = chainGraph(600, 3, 'Long');

    afterEach(async () => {
        await harness?.close();
    });

    it('is windowed from a few hundred members on (this chain is past the threshold)', () => {
        assert.ok(long.nodes.length + long.edges.length + long.lanes.length >= WINDOWED_FROM);
    });

    it('draws exactly the nodes near the view, and the ones near each new view as it pans; exports hold them all', async () => {
        harness = await openHarness(FRAME);
        await harness.send(model(long));
        await harness.renderedAfter(0);
        await drawingDone(harness);
        const boxes = nodeBoxes(await exportFrom(harness, 'svg', 1));
        assert.equal(boxes.size, long.nodes.length, 'the exported SVG holds every node');

        const opening = (await viewAndFrame(harness)).area;
        const atOpening = await drawnIds(harness);
        assert.deepEqual(atOpening, idsWithin(boxes, [opening]));
        assert.ok(atOpening.length > 0 && atOpening.length < long.nodes.length / 4, `${atOpening.length} nodes drawn at the opening`);

        // Far to the right in one move: the nodes there come in, the ones drawn stay.
        await harness.page.mouse.move(FRAME.width / 2, FRAME.height / 2);
        await harness.page.mouse.wheel(6000, 0);
        await drawingDone(harness);
        const panned = (await viewAndFrame(harness)).area;
        assert.ok(panned.x > opening.x + opening.width, 'the view moved past the opening one');
        assert.deepEqual(await drawnIds(harness), idsWithin(boxes, [opening, panned]));
        assert.equal((await exportFrom(harness, 'svg', 2)).match(/class="wa-node[ "]/g)?.length, long.nodes.length);
    });

    it('reveals the source of a node drawn late, clicked or named by the editor', async () => {
        harness = await openHarness(FRAME);
        await harness.send(model(long));
        await harness.renderedAfter(0);
        await drawingDone(harness);
        const late = 'S300';
        assert.equal(await harness.page.locator(`#stage .wa-node[data-id="${late}"]`).count(), 0, `${late} is not drawn at the opening`);

        await harness.send({ type: 'highlight', nodeId: late });
        await drawingDone(harness);
        const node = harness.page.locator(`#stage .wa-node.wa-highlighted[data-id="${late}"]`);
        await node.waitFor();
        await node.locator('.wa-shape').click();
        const reveals = (await harness.posted()).filter(message => message.type === 'reveal');
        assert.deepEqual(reveals.at(-1), { type: 'reveal', nodeId: late });

        // The editor's "click" on a node far from the view: drawn for it, and revealed.
        const far = 'S599';
        assert.equal(await harness.page.locator(`#stage .wa-node[data-id="${far}"]`).count(), 0);
        await harness.send({ type: 'click', nodeId: far });
        await harness.page.waitForFunction(
            id =>
                (window as unknown as { __posted: Array<{ type: string; nodeId?: string }> }).__posted.some(
                    m => m.type === 'reveal' && m.nodeId === id,
                ),
            far,
        );
    });

    it('drops an update still being drawn for a newer one, showing only complete diagrams, at the same view', async () => {
        harness = await openHarness(FRAME);
        await harness.send(model(long));
        await harness.renderedAfter(0);
        // Zoomed out as far as the text stays drawn (further, the sketch stands in for the drawing).
        await harness.page.locator('#zoom-out').click();
        await harness.page.locator('#zoom-out').click();
        await drawingDone(harness);
        const before = await harness.page.evaluate(() => document.getElementById('stage')!.style.transform);
        const boxes = nodeBoxes(await exportFrom(harness, 'svg', 1));
        const inView = idsWithin(boxes, [(await viewAndFrame(harness)).area]);
        // A node in the fitted view (the middle of the chain): its title tells the diagrams apart.
        const target = inView[0];
        const oldTitle = long.nodes.find(node => node.id === target)!.title;

        // Each time a layer is shown, what it holds: the target's title and how many nodes are drawn in it.
        await harness.page.evaluate(id => {
            const seen: Array<{ title: string; nodes: number }> = [];
            (window as unknown as { __shown: typeof seen }).__shown = seen;
            new MutationObserver(() => {
                const layer = document.querySelector('#stage .wa-layer:not(.wa-pending)');
                const title = layer?.querySelector(`.wa-node[data-id="${id}"] .wa-node-title`)?.textContent ?? '';
                const nodes = layer?.querySelectorAll('.wa-node').length ?? 0;
                if (seen.at(-1)?.title !== title) seen.push({ title, nodes });
            }).observe(document.getElementById('stage')!, { subtree: true, childList: true, attributeFilter: ['class'] });
        }, target);
        const edited = (title: string): WorkflowGraph => ({
            ...long,
            nodes: long.nodes.map(node => (node.id === target ? { ...node, title } : node)),
        });
        // The second edit is sent as soon as the first one's hidden layer is on the page: it arrives while the first is drawn.
        await harness.page.evaluate(
            second => {
                const stage = document.getElementById('stage')!;
                new MutationObserver((_, observer) => {
                    if (!stage.querySelector('.wa-layer.wa-pending')) return;
                    observer.disconnect();
                    window.postMessage(second, '*');
                }).observe(stage, { childList: true });
            },
            model(edited('Second edit')) as object,
        );
        await harness.send(model(edited('First edit')));
        await harness.renderedAfter(1);
        await drawingDone(harness);
        await harness.page.waitForTimeout(200);

        const shown = await harness.page.evaluate(
            () => (window as unknown as { __shown: Array<{ title: string; nodes: number }> }).__shown,
        );
        assert.deepEqual(
            shown.map(entry => entry.title),
            [oldTitle, 'Second edit'],
            'the first diagram stayed until the second was complete; the first edit was never shown',
        );
        assert.equal(shown[1].nodes, inView.length, 'shown complete: every node near the view');
        assert.equal((await harness.posted()).filter(message => message.type === 'rendered').length, 2);
        assert.equal(await harness.page.locator('#stage .wa-layer:not(.wa-sketch-layer)').count(), 1, 'the older layers are gone');
        assert.equal(await harness.page.evaluate(() => document.getElementById('stage')!.style.transform), before, 'the view is kept');
    });
});
