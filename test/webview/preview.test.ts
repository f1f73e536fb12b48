/**
 * The built preview webview in headless Chromium, under the production CSP, fed the graph model
 * of the examples through the message protocol: what it draws, what it reports, how it survives
 * hostile text and malformed messages. Screenshots go to test-artifacts/.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { WorkflowGraph } from '../../protocol/graph-model.js';
import { exampleGraph, model } from './examples.js';
import type { Harness } from './harness.js';
import { openHarness } from './harness.js';
import { HOSTILE_STRINGS } from './hostile-strings.js';

const ARTIFACTS = path.resolve('test-artifacts');

describe('preview webview in Chromium', function () {
    this.timeout(60_000);
    let harness: Harness;
    let graph: WorkflowGraph;

    before(async () => {
        fs.mkdirSync(ARTIFACTS, { recursive: true });
        graph = await exampleGraph();
    });
    afterEach(async () => harness?.close());

    it('draws every node inside its team lane, every edge and every lane, and reports them', async () => {
        harness = await openHarness();
        await harness.send(model(graph));
        const rendered = await harness.renderedAfter(0);
        assert.deepEqual([...rendered.nodeIds].sort(), graph.nodes.map(node => node.id).sort());
        assert.equal(rendered.stale, false);

        const drawn = await harness.page.evaluate(() => {
            const box = (element: Element) => {
                const { x, y, width, height } = (element as SVGGraphicsElement).getBBox();
                return { x, y, width, height };
            };
            const lanes = [...document.querySelectorAll('.wa-lane')].map(lane => ({
                id: lane.getAttribute('data-lane')!,
                box: box(lane.querySelector('.wa-lane-band')!),
            }));
            const nodes = [...document.querySelectorAll('.wa-node')].map(node => ({
                id: node.getAttribute('data-id')!,
                box: box(node.querySelector('.wa-shape')!),
                classes: node.getAttribute('class')!,
            }));
            return { lanes, nodes, edges: document.querySelectorAll('.wa-edge').length };
        });
        assert.deepEqual(
            drawn.lanes.map(lane => lane.id),
            graph.lanes.map(lane => lane.id),
        );
        assert.equal(drawn.edges, graph.edges.length);
        for (const node of graph.nodes) {
            const shown = drawn.nodes.find(candidate => candidate.id === node.id)!;
            const lane = drawn.lanes.find(candidate => candidate.id === node.lane)!;
            assert.ok(
                shown.box.y >= lane.box.y && shown.box.y + shown.box.height <= lane.box.y + lane.box.height,
                `${node.id} ${JSON.stringify(shown.box)} inside lane ${node.lane} ${JSON.stringify(lane.box)}`,
            );
        }
        assert.match(drawn.nodes.find(node => node.id === 'Approve')!.classes, /wa-decision/);
        assert.match(drawn.nodes.find(node => node.id === 'CreateOrder')!.classes, /wa-automated/);
        assert.match(drawn.nodes.find(node => node.id === 'Archive')!.classes, /wa-calls/);
        assert.match(drawn.nodes.find(node => node.id === 'Paid')!.classes, /wa-end/);
        assert.deepEqual(await harness.violations(), []);
        await harness.page.screenshot({ path: path.join(ARTIFACTS, 'preview-light.png') });
    });

    it('follows the dark theme', async () => {
        harness = await openHarness({ dark: true });
        await harness.send(model(graph));
        await harness.renderedAfter(0);
        const fill = await harness.page.evaluate(() => getComputedStyle(document.querySelector('.wa-background')!).fill);
        assert.equal(fill, 'rgb(30, 30, 30)');
        assert.deepEqual(await harness.violations(), []);
        await harness.page.screenshot({ path: path.join(ARTIFACTS, 'preview-dark.png') });
    });

    it('follows a high-contrast theme', async () => {
        harness = await openHarness({ highContrast: true });
        await harness.send(model(graph));
        await harness.renderedAfter(0);
        const colours = await harness.page.evaluate(() => ({
            background: getComputedStyle(document.querySelector('.wa-background')!).fill,
            border: getComputedStyle(document.querySelector('.wa-node.wa-step .wa-shape')!).stroke,
            text: getComputedStyle(document.querySelector('.wa-node-title')!).fill,
        }));
        assert.deepEqual(colours, { background: 'rgb(0, 0, 0)', border: 'rgb(111, 195, 223)', text: 'rgb(255, 255, 255)' });
        await harness.page.screenshot({ path: path.join(ARTIFACTS, 'preview-high-contrast.png') });
    });

    it('posts a reveal message when a node is clicked, and highlights the node the host names', async () => {
        harness = await openHarness();
        await harness.send(model(graph));
        await harness.renderedAfter(0);
        await harness.page.locator('.wa-node[data-id="FinanceReview"]').click();
        const posted = await harness.posted();
        assert.deepEqual(
            posted.filter(message => message.type === 'reveal'),
            [{ type: 'reveal', nodeId: 'FinanceReview' }],
        );
        assert.match((await harness.page.locator('.wa-node[data-id="FinanceReview"]').getAttribute('class')) ?? '', /wa-selected/);

        await harness.send({ type: 'highlight', nodeId: 'Pay' });
        await harness.page.waitForSelector('.wa-node.wa-highlighted[data-id="Pay"]');
    });

    it('keeps the last good diagram with a banner while the text has syntax errors', async () => {
        harness = await openHarness();
        await harness.send(model(graph));
        await harness.renderedAfter(0);
        const broken = { ...graph, nodes: graph.nodes.slice(0, 2), edges: [] };
        await harness.send(model(broken, { syntaxErrors: 2 }));
        const stale = await harness.renderedAfter(1);
        assert.equal(stale.stale, true);
        assert.equal(await harness.page.locator('.wa-node').count(), graph.nodes.length);
        assert.match((await harness.page.locator('#banner').textContent()) ?? '', /2 syntax errors: showing the last good diagram/);
        assert.equal(await harness.page.locator('#banner').isVisible(), true);
    });

    it('drops a diagram still being drawn when a newer model arrives, and draws the newer one', async () => {
        harness = await openHarness();
        const big = await exampleGraph();
        const smaller = { ...big, nodes: big.nodes.filter(node => node.lane === 'Finance'), edges: [], summary: 'newer' };
        await harness.page.evaluate(
            ([first, second]) => {
                window.postMessage(first, '*');
                window.postMessage(second, '*');
            },
            [model(big), model(smaller)] as const,
        );
        const rendered = await harness.renderedAfter(0);
        assert.deepEqual([...rendered.nodeIds].sort(), smaller.nodes.map(node => node.id).sort());
        await harness.page.waitForTimeout(300);
        assert.equal((await harness.posted()).filter(message => message.type === 'rendered').length, 1, 'the older model was never shown');
        assert.equal(await harness.page.locator('.wa-node').count(), smaller.nodes.length);
    });

    it('keeps zoom and pan across updates', async () => {
        harness = await openHarness();
        await harness.send(model(graph));
        await harness.renderedAfter(0);
        await harness.page.locator('#zoom-in').click();
        await harness.page.locator('#zoom-in').click();
        const before = await harness.page.locator('#stage').evaluate(element => (element as HTMLElement).style.transform);
        await harness.send(model({ ...graph, summary: 'changed' }));
        await harness.renderedAfter(1);
        assert.equal(await harness.page.locator('#stage').evaluate(element => (element as HTMLElement).style.transform), before);
    });

    it('renders hostile strings in every user string as text, with no script run and no CSP violation', async () => {
        harness = await openHarness();
        const hostile = HOSTILE_STRINGS;
        const pick = (index: number) => hostile[index % hostile.length];
        const evil: WorkflowGraph = {
            ...graph,
            workflow: pick(0),
            title: pick(1),
            owner: pick(2),
            summary: pick(3),
            lanes: graph.lanes.map((lane, index) => ({ ...lane, label: pick(index + 4), title: pick(index + 9) })),
            nodes: graph.nodes.map((node, index) => ({
                ...node,
                title: pick(index + 14),
                owner: pick(index + 20),
                duration: pick(index + 26),
                calls: node.calls && pick(index + 30),
                automatedBy: node.automatedBy && pick(index + 31),
                systems: [pick(index + 32)],
                findings: [{ severity: 'error', code: pick(index + 33), message: pick(index + 34) }],
            })),
            edges: graph.edges.map((edge, index) => ({ ...edge, label: pick(index + 40), channel: edge.channel && pick(index + 45) })),
        };
        await harness.send(model(evil, { fileName: pick(50), workflows: hostile.map(name => ({ name, title: name })) }));
        await harness.renderedAfter(0);
        const result = await harness.page.evaluate(() => ({
            pwned: (window as unknown as { __pwned?: number }).__pwned,
            scripts: document.querySelectorAll('script').length,
            injected: document.querySelectorAll(
                '#stage img, #stage iframe, #stage script, #stage foreignObject, #stage a, #stage object, #stage embed',
            ).length,
            titles: [...document.querySelectorAll('.wa-node-title')].map(element => element.textContent ?? ''),
            options: document.querySelectorAll('#workflow option').length,
        }));
        assert.equal(result.pwned, undefined, 'no hostile string ran');
        assert.equal(result.scripts, 2, "only the page's own scripts");
        assert.equal(result.injected, 0, 'no element was created from text');
        assert.ok(
            result.titles.some(title => title.includes('<')),
            'markup shows as text',
        );
        assert.equal(result.options, hostile.length, 'every workflow name offered as text');
        assert.ok(hostile.length >= 50);
        await harness.page.mouse.move(400, 300);
        await harness.page.waitForTimeout(100);
        assert.equal(await harness.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
        assert.deepEqual(await harness.violations(), []);
    });

    it('ignores malformed messages and keeps working', async () => {
        harness = await openHarness();
        for (const junk of [
            null,
            42,
            'model',
            [],
            {},
            { type: 'model' },
            { type: 'model', graph: 'x', workflows: [] },
            { type: 'export' },
            { type: 'highlight', nodeId: 5 },
            { type: 'click' },
            { type: 'unknown' },
            { type: 'model', uri: 'u', workflows: [], syntaxErrors: 0, direction: 'LEFT', fileName: 'f' },
        ]) {
            await harness.send(junk);
        }
        await harness.send(model(graph));
        const rendered = await harness.renderedAfter(0);
        assert.equal(rendered.nodeIds.length, graph.nodes.length);
        const errors = (await harness.posted()).filter(message => message.type === 'error');
        assert.deepEqual(errors, []);
    });

    it('exports the diagram as shown: SVG with the same nodes, and a PNG', async () => {
        harness = await openHarness();
        await harness.send(model(graph));
        await harness.renderedAfter(0);
        await harness.send({ type: 'export', requestId: 7, format: 'svg' });
        await harness.page.waitForFunction(() =>
            (window as unknown as { __posted: Array<{ type: string }> }).__posted.some(m => m.type === 'exported'),
        );
        const svg = (await harness.posted()).find(message => message.type === 'exported')!;
        assert.equal(svg.requestId, 7);
        const data = String(svg.data);
        assert.match(data, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<svg /);
        assert.equal((data.match(/class="wa-node /g) ?? []).length, graph.nodes.length);
        assert.doesNotMatch(data, /<style/, 'styles are written onto the elements');
        assert.match(data, /class="wa-background"[^>]* fill="#ffffff"/);
        const parsed = await harness.page.evaluate(
            text => new DOMParser().parseFromString(text, 'image/svg+xml').querySelector('parsererror') === null,
            data,
        );
        assert.ok(parsed, 'the SVG parses');

        await harness.send({ type: 'export', requestId: 8, format: 'png' });
        await harness.page.waitForFunction(() =>
            (window as unknown as { __posted: Array<{ type: string; requestId?: number }> }).__posted.some(
                m => m.type === 'exported' && m.requestId === 8,
            ),
        );
        const png = (await harness.posted()).find(message => message.type === 'exported' && message.requestId === 8)!;
        const bytes = Buffer.from(String(png.data), 'base64');
        assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG');
        assert.ok(bytes.length > 10_000);
        assert.deepEqual(await harness.violations(), []);
    });
});
