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
        assert.deepEqual([rendered.teams, rendered.edges, rendered.systems], [7, 13, 0]);
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
        const items = await harness.page.locator('#details li button').allTextContents();
        assert.deepEqual(items, [
            'PurchaseToPay: Approve → FinanceReview via Slack',
            'PurchaseToPay: CreateOrder → Invoice via SAP',
            'PurchaseToPay: Clarify → Match via Slack',
        ]);
        await harness.page.locator('#details li button').nth(2).click();
        const pair = map.handoffs.findIndex(candidate => candidate.from === 'Procurement' && candidate.to === 'Finance');
        const reveal = (await harness.posted()).filter(message => message.type === 'revealHandoff');
        assert.deepEqual(reveal, [{ type: 'revealHandoff', pair, index: 2 }]);
        assert.equal(map.handoffs[pair].handoffs[2].from, 'Clarify');
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
        assert.equal(updated.edges, 12);
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

    it('draws a 30-team, 60-workflow workspace with no edge through a label', async () => {
        const large = await generatedMap(30, 60);
        for (const dark of [false, true]) {
            harness = await openHarness({ page: 'org-map', dark, width: 1600, height: 1000 });
            await harness.send({ type: 'model', map: large });
            const rendered = await renderedAfter(harness, 0);
            assert.equal(rendered.teams, 30);
            assert.equal(rendered.edges, large.handoffs.length);
            assert.deepEqual(await edgesThroughLabels(harness), []);
            const dashed = await harness.page.locator('#stage .wa-org-edge.wa-org-unchanneled').count();
            assert.equal(dashed, large.handoffs.filter(pair => pair.unchanneled > 0).length);
            await harness.page.screenshot({ path: path.join(SCREENSHOTS, `generated-30x60-${dark ? 'dark' : 'light'}.png`) });
            // Selecting a team fades what does not touch it: its own pairs stay, the others fade.
            const team = large.teams[0].name;
            await harness.send({ type: 'click', target: `team:${team}` });
            const near = await harness.page.locator('#stage .wa-org-edge.wa-org-near').count();
            const own = large.handoffs.filter(pair => pair.from === team || pair.to === team).length;
            assert.equal(near, own);
            assert.ok(own > 0 && own < large.handoffs.length);
            await harness.page.screenshot({ path: path.join(SCREENSHOTS, `generated-30x60-${dark ? 'dark' : 'light'}-focused.png`) });
            if (!dark) await harness.close();
        }
    });
});
