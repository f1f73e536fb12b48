/**
 * The preview's view in headless Chromium, as a user meets it: a diagram opens fitted, or at a
 * readable zoom with the overview when fitting would shrink its text too far; the zoom range;
 * the overview; lane names pinned while panning; dragging that never selects text; the legend;
 * the toolbar in a narrow panel; the view kept across updates and reloads.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { WorkflowGraph } from '../../protocol/graph-model.js';
import type { Harness } from './harness.js';
import { openHarness } from './harness.js';
import { chainGraph } from './chain-graph.js';
import { exampleGraph, model } from './examples.js';

const ARTIFACTS = path.resolve('test-artifacts');
/** The detailed drawing of the diagram on show (not the zoomed-out sketch). */
const DIAGRAM = '#stage > .wa-layer:not(.wa-sketch-layer):not(.wa-pending) > svg';
/** What shows the diagram: the detailed drawing, or its sketch when zoomed out past readable text. */
const SHOWN = `#stage.wa-sketched > .wa-sketch-layer > svg, #stage:not(.wa-sketched) > .wa-layer:not(.wa-sketch-layer):not(.wa-pending) > svg`;

interface Rect {
    left: number;
    top: number;
    right: number;
    bottom: number;
}

/** The zoom and pan the stage shows. */
async function view(harness: Harness): Promise<{ zoom: number; panX: number; panY: number }> {
    return harness.page.evaluate(() => {
        const match = /translate\(([^,]+)px, ([^)]+)px\) scale\(([^)]+)\)/.exec(document.getElementById('stage')!.style.transform)!;
        return { panX: Number(match[1]), panY: Number(match[2]), zoom: Number(match[3]) };
    });
}

async function rectOf(harness: Harness, selector: string): Promise<Rect> {
    return harness.page
        .locator(selector)
        .first()
        .evaluate(element => {
            const { left, top, right, bottom } = element.getBoundingClientRect();
            return { left, top, right, bottom };
        });
}

function assertInside(inner: Rect, outer: Rect, what: string): void {
    const slack = 0.5;
    assert.ok(
        inner.left >= outer.left - slack &&
            inner.top >= outer.top - slack &&
            inner.right <= outer.right + slack &&
            inner.bottom <= outer.bottom + slack,
        `${what} ${JSON.stringify(inner)} inside ${JSON.stringify(outer)}`,
    );
}

async function open(
    graph: WorkflowGraph,
    options: Parameters<typeof openHarness>[0] = {},
    direction: 'RIGHT' | 'DOWN' = 'RIGHT',
): Promise<Harness> {
    const harness = await openHarness(options);
    await harness.send(model(graph, { direction }));
    await harness.renderedAfter(0);
    return harness;
}

/** The pinned copies of the lane labels, and where each lane's band is on screen. */
async function pinnedLabels(harness: Harness): Promise<Array<{ lane: string; text: string; label: Rect; band: Rect }>> {
    return harness.page.evaluate(() => {
        const rect = (element: Element) => {
            const { left, top, right, bottom } = element.getBoundingClientRect();
            return { left, top, right, bottom };
        };
        const root = document.getElementById('lane-pins')!.shadowRoot!;
        return [...root.querySelectorAll('.wa-lane')].map(lane => {
            const id = lane.getAttribute('data-lane')!;
            const band = [...document.querySelectorAll('#stage .wa-lane')].find(candidate => candidate.getAttribute('data-lane') === id)!;
            const label = lane.querySelector('.wa-lane-label')!;
            return { lane: id, text: label.textContent ?? '', label: rect(label), band: rect(band.querySelector('.wa-lane-band')!) };
        });
    });
}

describe('preview viewport in Chromium', function () {
    this.timeout(90_000);
    let harness: Harness;
    let purchase: WorkflowGraph;
    let records: WorkflowGraph;
    // Hand-offs down the three lanes share a column, so 600 steps make 200 columns: tens of thousands of pixels.
    const chain = chainGraph(600);

    before(async () => {
        fs.mkdirSync(ARTIFACTS, { recursive: true });
        purchase = await exampleGraph('purchase-to-pay.workflow');
        records = await exampleGraph('records-retention.workflow');
    });
    afterEach(async () => harness?.close());

    it('opens a small diagram fitted: all of it inside the frame, at 100% or less, without the overview', async () => {
        harness = await open(records);
        const { zoom } = await view(harness);
        assert.ok(zoom <= 1, `zoom ${zoom}`);
        assertInside(await rectOf(harness, SHOWN), await rectOf(harness, '#frame'), 'the diagram');
        assert.equal(await harness.page.locator('#minimap').isVisible(), false);
        assert.equal(await harness.page.locator('#minimap-toggle').getAttribute('aria-checked'), 'false');
    });

    it('opens a long diagram at a readable zoom at its start, with the overview; Fit then shows all of it below 10%', async () => {
        harness = await open(chain, { width: 1400, height: 700 });
        const opened = await view(harness);
        const fontSize = await harness.page.evaluate(() =>
            parseFloat(getComputedStyle(document.querySelector('#stage .wa-node-title')!).fontSize),
        );
        assert.ok(opened.zoom * fontSize >= 8, `text ${opened.zoom * fontSize}px on screen`);
        assertInside(await rectOf(harness, '#stage .wa-node[data-id="S0"] .wa-shape'), await rectOf(harness, '#frame'), 'the start node');
        assert.equal(await harness.page.locator('#minimap').isVisible(), true);
        assert.equal(await harness.page.locator('#minimap-toggle').getAttribute('aria-checked'), 'true');
        assert.ok(Number(await harness.page.locator(DIAGRAM).getAttribute('width')) > 20_000, 'tens of thousands of pixels long');

        await harness.page.locator('#fit').click();
        const fitted = await view(harness);
        assert.ok(fitted.zoom < 0.1, `fitted at ${fitted.zoom}`);
        assertInside(await rectOf(harness, SHOWN), await rectOf(harness, '#frame'), 'the fitted diagram');
        assert.equal(await harness.page.locator('#zoom-level').textContent(), `${Math.round(fitted.zoom * 100)}%`);
        await harness.page.screenshot({ path: path.join(ARTIFACTS, 'viewport-chain-fitted.png') });
    });

    it('moves the view to where the overview is clicked, and follows a drag on it', async () => {
        harness = await open(chain, { width: 1000, height: 700 });
        const minimap = await rectOf(harness, '#minimap svg');
        const middle = (minimap.top + minimap.bottom) / 2;
        await harness.page.mouse.click(minimap.right - 2, middle);
        assert.ok((await view(harness)).panX < -10_000, 'at the far end');
        const last = await rectOf(harness, '#stage .wa-node[data-id="S599"] .wa-shape');
        const frame = await rectOf(harness, '#frame');
        assert.ok(last.left < frame.right && last.right > frame.left, `the last node ${JSON.stringify(last)} in view`);

        const outline = await rectOf(harness, '#minimap .wa-minimap-view');
        const grabbed = (outline.left + outline.right) / 2;
        await harness.page.mouse.move(grabbed, middle);
        await harness.page.mouse.down();
        await harness.page.mouse.move((minimap.left + minimap.right) / 2, middle, { steps: 5 });
        await harness.page.mouse.up();
        const { zoom, panX } = await view(harness);
        const width = Number(await harness.page.locator(DIAGRAM).getAttribute('width'));
        const centre = ((frame.right - frame.left) / 2 - panX) / zoom;
        assert.ok(Math.abs(centre - width / 2) < width * 0.05, `the view's centre ${centre} near the middle of ${width}`);
        assert.equal(await harness.page.evaluate(() => window.getSelection()?.toString()), '');
        await harness.page.screenshot({ path: path.join(ARTIFACTS, 'viewport-chain-minimap.png') });
    });

    it('zooms from 2% to 400% and no further', async () => {
        harness = await open(purchase);
        for (let i = 0; i < 30; i++) await harness.page.locator('#zoom-out').click();
        assert.equal((await view(harness)).zoom, 0.02);
        assert.equal(await harness.page.locator('#zoom-level').textContent(), '2%');
        for (let i = 0; i < 40; i++) await harness.page.locator('#zoom-in').click();
        assert.equal((await view(harness)).zoom, 4);
        assert.equal(await harness.page.locator('#zoom-level').textContent(), '400%');
        await harness.page.locator('#zoom-level').click();
        assert.equal((await view(harness)).zoom, 1);
    });

    it('pans with the arrow keys, zooms with + and −, and fits with 0 when the diagram has the focus', async () => {
        harness = await open(purchase);
        await harness.page.locator('#frame').focus();
        const before = await view(harness);
        await harness.page.keyboard.press('ArrowRight');
        await harness.page.keyboard.press('ArrowDown');
        const panned = await view(harness);
        // The transform is written with a few decimals: compare to a hundredth of a pixel.
        const step = (delta: number) => Math.round(delta * 100) / 100;
        assert.deepEqual([step(panned.panX - before.panX), step(panned.panY - before.panY)], [-48, -48]);
        await harness.page.keyboard.press('+');
        assert.ok(Math.abs((await view(harness)).zoom - before.zoom * 1.25) < 1e-3);
        await harness.page.keyboard.press('-');
        await harness.page.keyboard.press('-');
        assert.ok(Math.abs((await view(harness)).zoom - before.zoom / 1.25) < 1e-3);
        await harness.page.keyboard.press('0');
        assertInside(await rectOf(harness, SHOWN), await rectOf(harness, '#frame'), 'the fitted diagram');
    });

    it('keeps the lane names in the frame, beside their lanes, when panned far to the right', async () => {
        harness = await open(chain, { width: 800, height: 600 });
        await harness.page.mouse.move(400, 300);
        for (let i = 0; i < 12; i++) await harness.page.mouse.wheel(3000, 0);
        await harness.page.waitForTimeout(100);
        assert.ok((await view(harness)).panX < -20_000, 'panned far');
        const frame = await rectOf(harness, '#frame');
        const labels = await pinnedLabels(harness);
        assert.deepEqual(
            labels.map(label => label.text),
            chain.lanes.map(lane => lane.label),
        );
        for (const { lane, label, band } of labels) {
            assertInside(label, frame, `the label of ${lane}`);
            assert.ok(
                label.top >= band.top && label.bottom <= band.bottom,
                `${lane}'s label ${JSON.stringify(label)} beside its lane ${JSON.stringify(band)}`,
            );
        }
        assert.deepEqual(await harness.violations(), []);
        await harness.page.screenshot({ path: path.join(ARTIFACTS, 'viewport-pinned-right.png') });
    });

    it('draws a 5,000-step chain where it is looked at, and more as the view moves there', async function () {
        this.timeout(180_000);
        const long = chainGraph(5000);
        harness = await open(long, { width: 1200, height: 700 });
        const drawn = () => harness.page.locator('#stage .wa-node').count();
        const atOpening = await drawn();
        assert.ok(atOpening > 0 && atOpening < 500, `${atOpening} of 5,000 nodes drawn at the opening`);
        assertInside(await rectOf(harness, '#stage .wa-node[data-id="S0"] .wa-shape'), await rectOf(harness, '#frame'), 'the start node');
        assert.equal(await harness.page.locator('#stage .wa-node[data-id="S4999"]').count(), 0, 'the far end is not drawn yet');

        // The overview's last pixels stand for thousands of the diagram's: near the end, not at it.
        const minimap = await rectOf(harness, '#minimap svg');
        await harness.page.mouse.click(minimap.right - 2, (minimap.top + minimap.bottom) / 2);
        await harness.page.waitForFunction(() =>
            [...document.querySelectorAll('#stage .wa-node')].some(node => Number(node.getAttribute('data-id')!.slice(1)) > 4900),
        );
        const frame = await rectOf(harness, '#frame');
        const inView = await harness.page.evaluate(
            ({ left, right }) =>
                [...document.querySelectorAll('#stage .wa-node')].filter(node => {
                    const box = node.getBoundingClientRect();
                    return box.right > left && box.left < right;
                }).length,
            frame,
        );
        assert.ok(inView >= 3, `${inView} nodes drawn in the frame near the end`);

        // The editor's cursor on a node far from the view: the view goes there, and the node shows it.
        await harness.send({ type: 'highlight', nodeId: 'S2500' });
        await harness.page.waitForSelector('#stage .wa-node.wa-highlighted[data-id="S2500"]');
        const total = await drawn();
        assert.ok(total < 2000, `${total} nodes drawn after visiting three places`);
        await harness.page.screenshot({ path: path.join(ARTIFACTS, 'viewport-chain-5000.png') });
    });

    it('keeps the lane names in the frame, above their lanes, when panned far down', async () => {
        harness = await open(chainGraph(150), { width: 800, height: 600 }, 'DOWN');
        await harness.page.mouse.move(400, 300);
        for (let i = 0; i < 8; i++) await harness.page.mouse.wheel(0, 3000);
        await harness.page.waitForTimeout(100);
        assert.ok((await view(harness)).panY < -5_000, 'panned far');
        const frame = await rectOf(harness, '#frame');
        for (const { lane, label, band } of await pinnedLabels(harness)) {
            assertInside(label, frame, `the label of ${lane}`);
            assert.ok(
                label.left >= band.left && label.right <= band.right,
                `${lane}'s label ${JSON.stringify(label)} above its lane ${JSON.stringify(band)}`,
            );
        }
        await harness.page.screenshot({ path: path.join(ARTIFACTS, 'viewport-pinned-down.png') });
    });

    it('pans when text is dragged across, selects nothing, and does not take the drag for a click', async () => {
        harness = await open(purchase);
        const before = await view(harness);
        const title = await rectOf(harness, '#stage .wa-node[data-id="Request"] .wa-node-title');
        const start = { x: title.left + 2, y: (title.top + title.bottom) / 2 };
        await harness.page.mouse.move(start.x, start.y);
        await harness.page.mouse.down();
        await harness.page.mouse.move(start.x + 400, start.y + 120, { steps: 10 });
        await harness.page.mouse.up();
        const after = await view(harness);
        assert.ok(
            Math.abs(after.panX - before.panX - 400) < 1 && Math.abs(after.panY - before.panY - 120) < 1,
            `panned ${JSON.stringify({ before, after })}`,
        );
        assert.equal(await harness.page.evaluate(() => window.getSelection()?.toString()), '');
        assert.deepEqual(
            (await harness.posted()).filter(message => message.type === 'reveal'),
            [],
            'a drag is no click',
        );

        const lane = await rectOf(harness, '#stage .wa-lane-label');
        await harness.page.mouse.dblclick(lane.left + 5, (lane.top + lane.bottom) / 2);
        await harness.page.keyboard.press('Control+A');
        assert.equal(await harness.page.evaluate(() => window.getSelection()?.toString()), '');
    });

    it("shows a legend drawn with the diagram's own styles, and remembers it across a reload", async () => {
        harness = await open(purchase);
        assert.equal(await harness.page.locator('#legend').isVisible(), false);
        await harness.page.locator('#legend-toggle').click();
        assert.equal(await harness.page.locator('#legend').isVisible(), true);
        assert.equal(await harness.page.locator('#legend-toggle').getAttribute('aria-checked'), 'true');
        const styles = await harness.page.evaluate(() => {
            const legend = document.getElementById('legend')!.shadowRoot!;
            const style = (root: ParentNode, selector: string) => {
                const computed = getComputedStyle(root.querySelector(selector)!);
                return { fill: computed.fill, stroke: computed.stroke, dash: computed.strokeDasharray };
            };
            const stage = document.getElementById('stage')!;
            return {
                legendText: legend.textContent ?? '',
                pairs: [
                    '.wa-node.wa-decision .wa-shape',
                    '.wa-node.wa-automated .wa-shape',
                    '.wa-node.wa-end .wa-shape',
                    '.wa-edge.wa-handoff path',
                ].map(selector => ({
                    selector,
                    legend: style(legend, selector),
                    diagram: style(stage, selector),
                })),
                // The example's one rework edge is also a hand-off: its colour is the hand-off's.
                backDash: [style(legend, '.wa-edge.wa-back path').dash, style(stage, '.wa-edge.wa-back path').dash],
            };
        });
        for (const { selector, legend, diagram } of styles.pairs) assert.deepEqual(legend, diagram, selector);
        assert.equal(styles.backDash[0], styles.backDash[1]);
        for (const words of [
            'Decision',
            'Automated',
            'sub-workflow',
            'Hand-off',
            'without a channel',
            'Rework',
            'Critical path',
            'Error',
            'Warning',
            'End',
        ]) {
            assert.ok(styles.legendText.toLowerCase().includes(words.toLowerCase()), `the legend explains ${words}`);
        }
        const state = await harness.page.evaluate(() => (window as unknown as { __state: { legend?: boolean } }).__state);
        assert.equal(state.legend, true);
        assert.deepEqual(await harness.violations(), [], 'the shadow roots and their stylesheets pass the content security policy');
        await harness.page.screenshot({ path: path.join(ARTIFACTS, 'viewport-legend.png') });
        await harness.close();

        harness = await openHarness({ state });
        await harness.send(model(purchase));
        await harness.renderedAfter(0);
        assert.equal(await harness.page.locator('#legend').isVisible(), true);
        assert.equal(await harness.page.locator('#legend-toggle').getAttribute('aria-checked'), 'true');
        await harness.page.locator('#legend').getByRole('button', { name: 'Hide the legend' }).click();
        assert.equal(await harness.page.locator('#legend').isVisible(), false);
        assert.equal(await harness.page.locator('#legend-toggle').getAttribute('aria-checked'), 'false');
        assert.equal(await harness.page.evaluate(() => (window as unknown as { __state: { legend?: boolean } }).__state.legend), false);
    });

    it('keeps zoom, pan and the overview across a reload, and opens another workflow afresh', async () => {
        harness = await open(purchase);
        await harness.page.locator('#zoom-in').click();
        await harness.page.mouse.move(600, 400);
        await harness.page.mouse.wheel(1000, 40);
        await harness.page.locator('#minimap-toggle').click();
        await harness.page.waitForTimeout(50);
        const before = await view(harness);
        const overview = await harness.page.locator('#minimap').isVisible();
        const state = await harness.page.evaluate(() => (window as unknown as { __state: unknown }).__state);
        await harness.close();

        harness = await openHarness({ state });
        await harness.send(model(purchase));
        await harness.renderedAfter(0);
        assert.deepEqual(await view(harness), before);
        assert.equal(await harness.page.locator('#minimap').isVisible(), overview);

        await harness.send(model(records, { uri: purchase.uri }));
        await harness.renderedAfter(1);
        assert.ok((await view(harness)).zoom <= 1);
        assertInside(await rectOf(harness, SHOWN), await rectOf(harness, '#frame'), 'the other workflow, fitted');
    });

    it('fits its toolbar on one row of a 400 px panel, every control with a name and a tooltip', async () => {
        const workflows = ['PurchaseToPay', 'AVeryLongWorkflowNameIndeed', 'Third'].map(name => ({
            name,
            title: `${name} with a rather long title`,
        }));
        harness = await openHarness({ width: 400, height: 600 });
        await harness.send(model(purchase, { workflows }));
        await harness.renderedAfter(0);
        const layout = await harness.page.evaluate(() => {
            const rect = (element: Element) => {
                const { left, top, right, bottom } = element.getBoundingClientRect();
                return { left, top, right, bottom };
            };
            const toolbar = document.getElementById('toolbar')!;
            const controls = [...toolbar.children].filter(element => (element as HTMLElement).offsetParent !== null);
            return {
                toolbar: rect(toolbar),
                controls: controls.map(element => ({ id: element.id || element.className, box: rect(element) })),
                buttons: [...toolbar.querySelectorAll('button')].map(button => ({
                    id: button.id,
                    title: button.title,
                    label: button.getAttribute('aria-label') ?? '',
                })),
                summary: { text: document.getElementById('summary')!.textContent, title: document.getElementById('summary')!.title },
            };
        });
        assert.ok(
            layout.controls.some(control => control.id === 'workflow'),
            'the picker is shown',
        );
        assert.ok(layout.toolbar.bottom - layout.toolbar.top < 36, `one row: ${layout.toolbar.bottom - layout.toolbar.top}px high`);
        const row = layout.controls.filter(control => control.id !== 'summary' && control.id !== 'separator');
        const top = Math.min(...row.map(control => control.box.top));
        const bottom = Math.max(...row.map(control => control.box.bottom));
        assert.ok(bottom - top < 28, 'every control on the same row');
        const sorted = [...layout.controls].sort((a, b) => a.box.left - b.box.left);
        sorted.forEach((control, index) => {
            assertInside(control.box, layout.toolbar, control.id);
            if (index > 0)
                assert.ok(control.box.left >= sorted[index - 1].box.right - 0.5, `${control.id} overlaps ${sorted[index - 1].id}`);
        });
        for (const button of layout.buttons) assert.ok(button.title && button.label, `${button.id} has a tooltip and a name`);
        assert.equal(layout.summary.title, layout.summary.text, 'the summary, cut short, is whole in its tooltip');
        await harness.page.screenshot({ path: path.join(ARTIFACTS, 'viewport-toolbar-400.png') });

        const { zoom } = await view(harness);
        await harness.page.locator('#zoom-out').focus();
        await harness.page.keyboard.press('ArrowRight');
        assert.equal(await harness.page.evaluate(() => document.activeElement?.id), 'zoom-level');
        await harness.page.keyboard.press('ArrowRight');
        await harness.page.keyboard.press('Enter');
        assert.ok((await view(harness)).zoom > zoom, 'Enter on Zoom in zooms in');
    });
});
