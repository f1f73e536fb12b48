/**
 * The Organization Map's webview in headless Chromium under the production CSP: it draws the map
 * of the examples and of a generated 30-team, 60-workflow workspace, edges as thick as their
 * hand-offs and dashed where some lack a channel, no edge through a label, the systems layer on
 * its toggle, an edge's hand-offs and a team's workflows listed on click and revealed through the
 * extension, the export identical to `org --format svg`, and the dark theme applied. Screenshots
 * go to `ORG_SCREENSHOTS` (default `test-artifacts/org-map`).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { organizationMap } from '../../language/src/analysis/org-map.js';
import { buildWorkspace } from '../../language/src/workspace/workflow-workspace.js';
import type { OrgMap } from '../../protocol/org-map.js';
import { generateOrgWorkspace } from '../../bench/org-workspace.js';
import { runCli } from '../cli/run-cli.js';
import type { Harness } from './harness.js';
import { exportFrom, openHarness } from './harness.js';

const SCREENSHOTS = path.resolve(process.env.ORG_SCREENSHOTS ?? 'test-artifacts/org-map');

async function examplesMap(): Promise<OrgMap> {
    const files = fs.readdirSync('examples').filter(name => name.endsWith('.workflow'));
    const { documents } = await buildWorkspace(
        files.map(name => ({ uri: path.resolve('examples', name), text: fs.readFileSync(path.join('examples', name), 'utf8') })),
    );
    return organizationMap(documents);
}

async function generatedMap(teams: number, workflows: number): Promise<OrgMap> {
    const generated = generateOrgWorkspace(teams, workflows);
    const { documents } = await buildWorkspace(generated.files.map(file => ({ uri: `/ws/${file.name}`, text: file.text })));
    return organizationMap(documents);
}

interface Rendered {
    teams: number;
    edges: number;
    systems: number;
    minHandoffs: number;
    hiddenPairs: number;
    layoutMs: number;
}

async function renderedAfter(harness: Harness, count: number): Promise<Rendered> {
    await harness.page.waitForFunction(
        n => (window as unknown as { __posted: Array<{ type: string }> }).__posted.filter(m => m.type === 'rendered').length > n,
        count,
        { timeout: 30_000 },
    );
    return (await harness.posted()).filter(message => message.type === 'rendered')[count] as unknown as Rendered;
}

/** Edges (as polylines) that pass through a label box other than by touching it, read from the drawn SVG. */
async function edgesThroughLabels(harness: Harness): Promise<string[]> {
    return harness.page.evaluate(() => {
        const boxes = [...document.querySelectorAll('#stage .wa-edge-label rect')].map(rect => ({
            x: Number(rect.getAttribute('x')) + 1,
            y: Number(rect.getAttribute('y')) + 1,
            w: Number(rect.getAttribute('width')) - 2,
            h: Number(rect.getAttribute('height')) - 2,
        }));
        const hits: string[] = [];
        for (const line of document.querySelectorAll('#stage path.wa-org-line')) {
            const points = (line.getAttribute('d') ?? '')
                .split(/[ML]/)
                .map(part => part.trim())
                .filter(Boolean)
                .map(part => part.split(/\s+/).map(Number));
            for (let i = 1; i < points.length; i++) {
                const [[x1, y1], [x2, y2]] = [points[i - 1], points[i]];
                for (const box of boxes) {
                    // Sampling the segment finely is enough for boxes at least a few pixels tall.
                    for (let t = 0; t <= 1; t += 0.01) {
                        const x = x1 + (x2 - x1) * t;
                        const y = y1 + (y2 - y1) * t;
                        if (x > box.x && x < box.x + box.w && y > box.y && y < box.y + box.h) {
                            hits.push(
                                `${line.closest('[data-edge]')?.getAttribute('data-edge')} through a label at ${Math.round(x)},${Math.round(y)}`,
                            );
                            break;
                        }
                    }
                }
            }
        }
        return [...new Set(hits)];
    });
}

/** Pairs of edge labels that overlap each other, read from the drawn SVG. */
async function labelsOverlapping(harness: Harness): Promise<string[]> {
    return harness.page.evaluate(() => {
        const boxes = [...document.querySelectorAll('#stage .wa-edge-label rect')].map(rect => ({
            edge: rect.closest('[data-edge]')?.getAttribute('data-edge'),
            x: Number(rect.getAttribute('x')),
            y: Number(rect.getAttribute('y')),
            w: Number(rect.getAttribute('width')),
            h: Number(rect.getAttribute('height')),
        }));
        const hits: string[] = [];
        boxes.forEach((a, i) =>
            boxes.slice(i + 1).forEach(b => {
                if (a.x + 1 < b.x + b.w && b.x + 1 < a.x + a.w && a.y + 1 < b.y + b.h && b.y + 1 < a.y + a.h)
                    hits.push(`${a.edge} × ${b.edge}`);
            }),
        );
        return hits;
    });
}

describe('Organization Map webview', function () {
    this.timeout(90_000);
    let harness: Harness;
    let map: OrgMap;
    before(async () => {
        map = await examplesMap();
        fs.mkdirSync(SCREENSHOTS, { recursive: true });
    });
    afterEach(async () => harness?.close());

    it('draws every team and pair of the examples, thick where busy, with no edge through a label', async () => {
        harness = await openHarness({ page: 'org-map' });
        await harness.send({ type: 'model', map });
        const rendered = await renderedAfter(harness, 0);
        // 13 pairs: Procurement ⇄ Finance and People ⇄ Legal hand off both ways, one line each.
        assert.deepEqual([rendered.teams, rendered.edges, rendered.systems, rendered.hiddenPairs], [7, 11, 0, 0]);
        const both = await harness.page.evaluate(() =>
            [...document.querySelectorAll('#stage .wa-org-edge')]
                .filter(edge => edge.querySelector('path.wa-org-line')!.hasAttribute('marker-start'))
                .map(edge => [
                    edge.getAttribute('data-edge'),
                    [...edge.querySelectorAll('.wa-edge-label text')].map(text => text.textContent),
                ]),
        );
        assert.deepEqual(both, [
            ['handoff:Procurement>Finance', ['5 hand-offs', '3 → Finance', '2 → Procurement', 'Slack 3, SAP 1, ServiceNow 1']],
            ['handoff:People>Legal', ['3 hand-offs', '2 → Legal', '1 → People', 'DocuSign 3']],
        ]);
        const widths = await harness.page.evaluate(() =>
            Object.fromEntries(
                [...document.querySelectorAll('#stage .wa-org-edge')].map(edge => [
                    edge.getAttribute('data-edge'),
                    Number(edge.querySelector('path.wa-org-line')!.getAttribute('stroke-width')),
                ]),
            ),
        );
        // Procurement → Finance carries 3 hand-offs, Finance → Legal one.
        assert.ok(widths['handoff:Procurement>Finance'] > widths['handoff:Finance>Legal'], JSON.stringify(widths));
        assert.deepEqual(await edgesThroughLabels(harness), []);
        assert.deepEqual(await harness.violations(), []);
        await harness.page.screenshot({ path: path.join(SCREENSHOTS, 'examples-light.png') });
    });

    it('lists an edge’s hand-offs and asks the extension to reveal the one clicked', async () => {
        harness = await openHarness({ page: 'org-map' });
        await harness.send({ type: 'model', map });
        await renderedAfter(harness, 0);
        await harness.page.locator('#stage [data-edge="handoff:Procurement>Finance"]').dispatchEvent('click');
        assert.deepEqual(await harness.page.locator('#details h2, #details h3').allTextContents(), [
            'Procurement ⇄ Finance',
            'Procurement → Finance',
            'Finance → Procurement',
        ]);
        const items = await harness.page.locator('#details li button').allTextContents();
        assert.deepEqual(items.slice(0, 3), [
            'PurchaseToPay: Approve → FinanceReview via Slack',
            'PurchaseToPay: CreateOrder → Invoice via SAP',
            'PurchaseToPay: Clarify → Match via Slack',
        ]);
        assert.equal(items.length, 5);
        await harness.page.locator('#details li button').nth(2).click();
        const pair = map.handoffs.findIndex(candidate => candidate.from === 'Procurement' && candidate.to === 'Finance');
        const back = map.handoffs.findIndex(candidate => candidate.from === 'Finance' && candidate.to === 'Procurement');
        await harness.page.locator('#details li button').nth(3).click();
        const reveal = (await harness.posted()).filter(message => message.type === 'revealHandoff');
        assert.deepEqual(reveal, [
            { type: 'revealHandoff', pair, index: 2 },
            { type: 'revealHandoff', pair: back, index: 0 },
        ]);
        assert.equal(map.handoffs[pair].handoffs[2].from, 'Clarify');
        // Named by its other direction, the same line is selected and that direction is listed first.
        await harness.send({ type: 'click', target: 'handoff:Finance>Procurement' });
        // postMessage is delivered after the page's current task: wait for the panel to change.
        await harness.page.waitForFunction(() => document.querySelector('#details h3')?.textContent === 'Finance → Procurement');
        assert.deepEqual(await harness.page.locator('#details h3').allTextContents(), ['Finance → Procurement', 'Procurement → Finance']);
        assert.equal(
            await harness.page.locator('#stage .wa-org-edge.wa-selected').getAttribute('data-edge'),
            'handoff:Procurement>Finance',
        );
    });

    it('lists a team’s workflows on click', async () => {
        harness = await openHarness({ page: 'org-map' });
        await harness.send({ type: 'model', map });
        await renderedAfter(harness, 0);
        await harness.send({ type: 'click', target: 'team:Finance' });
        const items = await harness.page.locator('#details li button').allTextContents();
        assert.deepEqual(items, ['Go to team Finance', 'Onboarding workflow', 'PurchaseToPay workflow', 'RecordsRetention workflow']);
        await harness.page.locator('#details li button').nth(2).click();
        assert.deepEqual(
            (await harness.posted()).filter(message => message.type === 'revealWorkflow'),
            [{ type: 'revealWorkflow', workflow: 'PurchaseToPay' }],
        );
    });

    it('shows the systems as a second layer on its toggle, and follows a new model', async () => {
        harness = await openHarness({ page: 'org-map' });
        await harness.send({ type: 'model', map });
        await renderedAfter(harness, 0);
        await harness.page.click('#systems-toggle');
        const withSystems = await renderedAfter(harness, 1);
        assert.equal(withSystems.systems, 6);
        // Teams working in each system (uses, automated by, or hands off via it): SAP Warehouse, Finance, Procurement;
        // ServiceNow IT, Requesters, Finance, Legal; Slack IT, Requesters, Procurement, Finance; Workday People,
        // Finance, Requesters, IT; DocuSign People, Legal; Archive Finance, Legal — 19 links.
        assert.equal(await harness.page.locator('#stage .wa-org-link').count(), 19);
        await harness.page.screenshot({ path: path.join(SCREENSHOTS, 'examples-systems-light.png') });
        // An edit that removes a team's only hand-offs: the map that arrives next is drawn.
        const fewer: OrgMap = { ...map, handoffs: map.handoffs.filter(pair => pair.from !== 'Warehouse') };
        await harness.send({ type: 'model', map: fewer });
        const updated = await renderedAfter(harness, 2);
        assert.equal(updated.edges, 10);
    });

    it('exports the SVG the command line writes, byte for byte', async () => {
        harness = await openHarness({ page: 'org-map' });
        await harness.send({ type: 'model', map });
        await renderedAfter(harness, 0);
        const svg = await exportFrom(harness, 'svg', 1);
        const cli = runCli(['org', 'examples', '--format', 'svg']);
        assert.equal(cli.code, 0, cli.stderr);
        assert.equal(svg, cli.stdout);
        const png = await exportFrom(harness, 'png', 2);
        assert.ok(Buffer.from(png, 'base64').subarray(1, 4).toString() === 'PNG');
    });

    it('takes the dark theme’s colours', async () => {
        harness = await openHarness({ page: 'org-map', dark: true });
        await harness.send({ type: 'model', map });
        await renderedAfter(harness, 0);
        const background = await harness.page.evaluate(() => getComputedStyle(document.querySelector('#stage .wa-background')!).fill);
        assert.equal(background, 'rgb(30, 30, 30)');
        const svg = await exportFrom(harness, 'svg', 1);
        assert.ok(svg.includes('fill="#1e1e1e"'), 'the export keeps the dark background');
        await harness.page.screenshot({ path: path.join(SCREENSHOTS, 'examples-dark.png') });
        await harness.page.click('#systems-toggle');
        await renderedAfter(harness, 1);
        await harness.page.screenshot({ path: path.join(SCREENSHOTS, 'examples-systems-dark.png') });
    });

    it('opens a 30-team, 60-workflow workspace on its strongest ties, with no label problem', async () => {
        const large = await generatedMap(30, 60);
        // Counted here from the map's pairs, not with the view's code: team pairs in either direction.
        const links = new Map<string, number>();
        for (const pair of large.handoffs) {
            const key = [pair.from, pair.to].sort().join('⇄');
            links.set(key, (links.get(key) ?? 0) + pair.count);
        }
        const strong = [...links.values()].filter(count => count >= 5).length;
        for (const dark of [false, true]) {
            harness = await openHarness({ page: 'org-map', dark, width: 1400, height: 900 });
            await harness.send({ type: 'model', map: large });
            const rendered = await renderedAfter(harness, 0);
            assert.equal(rendered.teams, 30);
            // 109 pairs, too many to read at once: the map opens at ≥ 5 hand-offs, at most 30 lines.
            assert.equal(rendered.minHandoffs, 5);
            assert.equal(rendered.edges, strong);
            assert.ok(rendered.edges > 10 && rendered.edges <= 30, String(rendered.edges));
            assert.equal(rendered.hiddenPairs, links.size - strong);
            assert.equal(await harness.page.locator('#min-handoffs').inputValue(), '5');
            assert.equal(
                await harness.page.locator('#min-handoffs option:checked').textContent(),
                `≥ 5 hand-offs: ${strong} of ${links.size} pairs`,
            );
            assert.match(
                (await harness.page.locator('#summary').textContent()) ?? '',
                new RegExp(`${links.size - strong} of ${links.size} pairs hidden`),
            );
            assert.deepEqual(await edgesThroughLabels(harness), []);
            assert.deepEqual(await labelsOverlapping(harness), []);
            await harness.page.screenshot({ path: path.join(SCREENSHOTS, `generated-30x60-${dark ? 'dark' : 'light'}.png`) });
            // Selecting a team fades what does not touch it: its own lines stay, the others fade.
            const drawn = await harness.page
                .locator('#stage .wa-org-edge')
                .evaluateAll(edges => edges.map(edge => edge.getAttribute('data-edge')!));
            const team = drawn[0].slice('handoff:'.length).split('>')[0];
            await harness.send({ type: 'click', target: `team:${team}` });
            const near = await harness.page.locator('#stage .wa-org-edge.wa-org-near').count();
            const own = drawn.filter(id => id.slice('handoff:'.length).split('>').includes(team)).length;
            assert.equal(near, own);
            assert.ok(own > 0 && own < drawn.length);
            await harness.page.screenshot({ path: path.join(SCREENSHOTS, `generated-30x60-${dark ? 'dark' : 'light'}-focused.png`) });
            if (!dark) await harness.close();
        }
    });

    it('shows more or fewer pairs on the minimum-hand-offs control, and keeps the choice', async () => {
        const large = await generatedMap(30, 60);
        harness = await openHarness({ page: 'org-map', width: 700, height: 900 });
        await harness.send({ type: 'model', map: large });
        const first = await renderedAfter(harness, 0);
        await harness.page.selectOption('#min-handoffs', '3');
        const three = await renderedAfter(harness, 1);
        assert.equal(three.minHandoffs, 3);
        assert.ok(three.edges > first.edges, `${three.edges} > ${first.edges}`);
        assert.equal(three.edges + three.hiddenPairs, first.edges + first.hiddenPairs);
        assert.deepEqual(await edgesThroughLabels(harness), []);
        assert.deepEqual(await labelsOverlapping(harness), []);
        await harness.page.selectOption('#min-handoffs', '1');
        const all = await renderedAfter(harness, 2);
        assert.equal(all.hiddenPairs, 0);
        assert.equal(all.edges, first.edges + first.hiddenPairs);
        assert.doesNotMatch((await harness.page.locator('#summary').textContent()) ?? '', /hidden/);
        // The choice is the user's now: a new map (an edit) keeps it instead of its own default.
        await harness.send({ type: 'model', map: large });
        assert.equal((await renderedAfter(harness, 3)).minHandoffs, 1);
        const saved = await harness.page.evaluate(() => (window as unknown as { __state: { minHandoffs?: number } }).__state);
        assert.equal(saved.minHandoffs, 1);
    });
});
