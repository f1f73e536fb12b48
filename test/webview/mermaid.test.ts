/**
 * `render --format mermaid` read by its real consumer: the `mermaid` package, in headless
 * Chromium. Every workflow of the examples (and of examples/problems) parses, and the title,
 * lane, node and edge texts Mermaid draws are the workflow's own, hostile characters included;
 * the declared direction holds, also for a diagram with one lane.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { exampleWorkflows } from '../example-workflows.js';
import type { Browser, Page } from 'playwright-core';
import type { WorkflowGraph } from '../../protocol/graph-model.js';
import { runCli } from '../cli/run-cli.js';
import { HEADLESS_SHELL } from './harness.js';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core') as typeof import('playwright-core');
const MERMAID = require.resolve('mermaid/dist/mermaid.min.js');

function render(file: string, workflow: string, format: 'mermaid' | 'json', direction = 'right'): string {
    const result = runCli(['render', file, '--workflow', workflow, '--format', format, '--direction', direction]);
    assert.equal(result.code, 0, result.stderr);
    return result.stdout;
}

interface Drawn {
    error?: string;
    title?: string;
    nodes: Record<string, { text: string; x: number; y: number }>;
    clusters: string[];
    edgeLabels: string[];
}

/** Parses and renders a chart with Mermaid; the texts and centres of what it drew. */
async function draw(page: Page, text: string): Promise<Drawn> {
    return page.evaluate(async source => {
        const mermaid = (
            window as unknown as {
                mermaid: { render(id: string, text: string): Promise<{ svg: string }>; parse(text: string): Promise<unknown> };
            }
        ).mermaid;
        try {
            await mermaid.parse(source);
            const { svg } = await mermaid.render(`chart${Math.random().toString(36).slice(2)}`, source);
            const host = document.body.appendChild(document.createElement('div'));
            host.innerHTML = svg;
            const nodes: Record<string, { text: string; x: number; y: number }> = {};
            for (const node of host.querySelectorAll('g.node')) {
                const id = /flowchart-n_(\w+)-\d+/.exec(node.id)?.[1];
                if (!id) continue;
                const box = node.getBoundingClientRect();
                nodes[id] = { text: (node.textContent ?? '').trim(), x: box.x + box.width / 2, y: box.y + box.height / 2 };
            }
            const drawn = {
                title: host.querySelector('.flowchartTitleText')?.textContent ?? undefined,
                nodes,
                clusters: [...host.querySelectorAll('g.cluster .cluster-label')].map(label => (label.textContent ?? '').trim()),
                edgeLabels: [...host.querySelectorAll('g.edgeLabel')].map(label => (label.textContent ?? '').trim()).filter(Boolean),
            };
            host.remove();
            return drawn;
        } catch (error) {
            return { error: String((error as Error).message ?? error), nodes: {}, clusters: [], edgeLabels: [] };
        }
    }, text);
}

describe('Mermaid export read by mermaid in Chromium', function () {
    this.timeout(120_000);
    let browser: Browser;
    let page: Page;
    let scratch: string;

    before(async () => {
        browser = await chromium.launch({ executablePath: HEADLESS_SHELL, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
        page = await browser.newPage();
        await page.setContent('<!doctype html><html><body></body></html>');
        await page.addScriptTag({ path: MERMAID });
        await page.evaluate(() =>
            (window as unknown as { mermaid: { initialize(config: object): void } }).mermaid.initialize({
                startOnLoad: false,
                securityLevel: 'strict',
            }),
        );
        scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'wa-mermaid-'));
    });
    after(async () => {
        await browser?.close();
        fs.rmSync(scratch, { recursive: true, force: true });
    });

    for (const [file, workflow] of exampleWorkflows()) {
        it(`parses ${workflow} of ${file}, with its title, lanes and node texts`, async () => {
            const graph = JSON.parse(render(file, workflow, 'json')) as WorkflowGraph;
            const drawn = await draw(page, render(file, workflow, 'mermaid'));
            assert.equal(drawn.error, undefined);
            assert.equal(drawn.title, graph.title ?? graph.workflow);
            assert.deepEqual(drawn.clusters.sort(), graph.lanes.map(lane => lane.label).sort());
            assert.deepEqual(Object.keys(drawn.nodes).sort(), graph.nodes.map(node => node.id).sort());
            for (const node of graph.nodes) assert.equal(drawn.nodes[node.id].text, node.title ?? node.name);
        });
    }

    const TRICKY = [
        'Say "yes" or "no"',
        'a <b>bold</b> & #34; claim',
        'back\\slash',
        '`markdown` **not**',
        'hash #1; and #x;',
        'tab\there',
        'emoji 🚀 and ü',
    ];
    for (const text of TRICKY) {
        it(`shows ${JSON.stringify(text)} as written in the title, a node and an edge label`, async () => {
            const quoted = JSON.stringify(text);
            const file = path.join(scratch, 'tricky.workflow');
            fs.writeFileSync(
                file,
                `team Ops { role Clerk }\nworkflow Tricky ${quoted} {\n  owner Ops\n  decision Ask ${quoted} {\n    owner Ops.Clerk\n    when ${quoted} -> Done\n    otherwise -> Done\n  }\n  end Done ${quoted}\n}\n`,
            );
            const drawn = await draw(page, render(file, 'Tricky', 'mermaid'));
            const shown = text.replace(/\t/g, ' ');
            assert.equal(drawn.error, undefined);
            // Mermaid sanitizes the title as HTML and draws the result as text: the export writes
            // full-width forms of & < > there instead.
            assert.equal(drawn.title, shown.replace(/&/g, '\uFF06').replace(/</g, '\uFF1C').replace(/>/g, '\uFF1E'));
            assert.equal(drawn.nodes.Ask.text, shown);
            assert.equal(drawn.nodes.Done.text, shown);
            assert.ok(drawn.edgeLabels.includes(shown), JSON.stringify(drawn.edgeLabels));
        });
    }

    for (const [direction, along] of [
        ['right', 'x'],
        ['down', 'y'],
    ] as const) {
        it(`keeps the declared direction (${direction}) for a workflow with one lane`, async () => {
            const file = path.join(scratch, 'one-lane.workflow');
            fs.writeFileSync(
                file,
                'team Ops { role Clerk }\nworkflow Solo {\n  owner Ops\n  step A { owner Ops.Clerk; next B }\n  step B { owner Ops.Clerk; next C }\n  step C { owner Ops.Clerk; next Done }\n  end Done\n}\n',
            );
            const drawn = await draw(page, render(file, 'Solo', 'mermaid', direction));
            assert.equal(drawn.error, undefined);
            const order = ['A', 'B', 'C', 'Done'].map(id => drawn.nodes[id]);
            const across = along === 'x' ? 'y' : 'x';
            for (let i = 1; i < order.length; i++) {
                assert.ok(
                    order[i][along] > order[i - 1][along],
                    `${direction}: node ${i} follows node ${i - 1} along ${along}: ${JSON.stringify(order)}`,
                );
                assert.ok(
                    Math.abs(order[i][across] - order[0][across]) < 5,
                    `${direction}: the nodes line up along ${across}: ${JSON.stringify(order)}`,
                );
            }
        });
    }
});
