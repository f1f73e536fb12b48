/**
 * `workflow-architect render`: SVG as the preview draws it, Mermaid and the graph model as JSON,
 * and clear errors for bad arguments.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { assertWellFormedXml } from '../xml-lint.js';
import { runCli as run } from './run-cli.js';

const FILE = 'examples/purchase-to-pay.workflow';
const NODES = [
    'Request',
    'Approve',
    'FinanceReview',
    'CreateOrder',
    'Receive',
    'Invoice',
    'Match',
    'Clarify',
    'Pay',
    'Archive',
    'Paid',
    'Rejected',
];

describe('workflow-architect render', function () {
    this.timeout(30_000);

    it('writes the diagram as SVG with every node, every lane and its styles on the elements', () => {
        const result = run(['render', FILE, '--format', 'svg']);
        assert.equal(result.code, 0, result.stderr);
        assert.match(result.stdout, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
        for (const node of NODES) assert.match(result.stdout, new RegExp(`data-id="${node}"`));
        for (const lane of ['Requesters', 'Procurement', 'Finance', 'Warehouse'])
            assert.match(result.stdout, new RegExp(`data-lane="${lane}"`));
        assert.doesNotMatch(result.stdout, /<style/, 'a standalone file needs no stylesheet');
        assert.match(result.stdout, /class="wa-background"[^>]* fill="#ffffff"/);
        assert.equal((result.stdout.match(/<g class="wa-edge[ "]/g) ?? []).length, 14);
        // Well-formed: every element that opens is closed, in order.
        const stack: string[] = [];
        for (const tag of result.stdout.replace(/<\?xml[^>]*>/, '').matchAll(/<(\/?)([a-zA-Z]+)[^>]*?(\/?)>/g)) {
            if (tag[1]) assert.equal(stack.pop(), tag[2]);
            else if (!tag[3]) stack.push(tag[2]);
        }
        assert.deepEqual(stack, []);
    });

    it('writes well-formed XML whatever characters the titles and conditions hold', () => {
        // What a UTF-8 file can hold that XML cannot: C0 controls, a terminal's escape, non-characters.
        const odd = (text: string) => `${text} \u0001\u0007\u000B\u000C\u001B[31m \uFFFE\uFFFF end`;
        const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'wa-render-'));
        fs.writeFileSync(
            path.join(folder, 'odd.workflow'),
            [
                `team Ops "${odd('Operations')}" { role Lead "${odd('Lead')}" }`,
                `system Desk "${odd('Service desk')}" { owner Ops.Lead }`,
                `team Support "${odd('Support')}" { role Agent }`,
                `workflow Odd "${odd('Odd title')}" {`,
                `  owner Ops.Lead`,
                `  step Take "${odd('Take the call')}" { owner Support.Agent; duration 1h; next Decide via Desk }`,
                `  decision Decide "${odd('Solved?')}" { owner Ops.Lead; when "${odd('yes')}" -> Done; otherwise -> Failed }`,
                `  end Done "${odd('Done')}"`,
                `  end Failed`,
                `}`,
            ].join('\n'),
        );
        const result = run(['render', path.join(folder, 'odd.workflow'), '--format', 'svg']);
        assert.equal(result.code, 0, result.stderr);
        assertWellFormedXml(result.stdout, "render's SVG");
        assert.ok(
            result.stdout.includes('Take the call [31m \uFFFD\uFFFD end'),
            'controls dropped, non-characters replaced, the rest kept',
        );
    });

    it('writes to a file with -o, top to bottom with --direction down', () => {
        const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wa-render-')), 'p2p.svg');
        const result = run(['render', FILE, '--format', 'svg', '--direction', 'down', '-o', out]);
        assert.equal(result.code, 0, result.stderr);
        assert.equal(result.stdout, '');
        const svg = fs.readFileSync(out, 'utf8');
        const [, width, height] = /width="(\d+)" height="(\d+)"/.exec(svg)!;
        assert.ok(Number(height) > Number(width), 'top to bottom is taller than wide');
    });

    it("marks the critical path with --critical, as the preview's toggle does, and only then", () => {
        const shapes = (svg: string, critical: boolean) =>
            [
                ...svg.matchAll(
                    /<g class="wa-node([^"]*)" data-id="(\w+)"[\s\S]*?<(?:rect|path|polygon|circle|ellipse) class="wa-shape"([^>]*)>/g,
                ),
            ]
                .filter(match => match[1].includes('wa-critical') === critical)
                .map(match => `${match[2]}:${/stroke="([^"]+)"/.exec(match[3])?.[1]}`);
        const marked = run(['render', FILE, '--format', 'svg', '--critical']);
        const plain = run(['render', FILE, '--format', 'svg']);
        assert.equal(marked.code, 0, marked.stderr);
        assert.match(marked.stdout, /<svg [^>]*class="wa-diagram wa-show-critical"/);
        assert.doesNotMatch(plain.stdout, /wa-show-critical/);
        const critical = shapes(marked.stdout, true);
        assert.equal(critical.length, 9, critical.join(' '));
        assert.ok(
            critical.every(shape => shape.endsWith(':#d9480f')),
            critical.join(' '),
        );
        assert.ok(shapes(marked.stdout, false).every(shape => !shape.endsWith(':#d9480f')));
        assert.ok(shapes(plain.stdout, true).every(shape => !shape.endsWith(':#d9480f')));
        const other = run(['render', FILE, '--format', 'bpmn', '--critical']);
        assert.equal(other.code, 2);
        assert.match(other.stderr, /'--critical' applies to --format svg only/);
    });

    it('writes a Mermaid flowchart with one subgraph per team', () => {
        const result = run(['render', FILE, '--format', 'mermaid']);
        assert.equal(result.code, 0, result.stderr);
        assert.match(result.stdout, /^---\ntitle: "Purchase to pay"\n---\nflowchart LR\n/);
        assert.equal((result.stdout.match(/^ {2}subgraph /gm) ?? []).length, 4);
        assert.match(result.stdout, /n_Approve\{"Within budget\?"\}/);
        assert.match(result.stdout, /n_Request ==>\|"via ServiceNow"\| n_Approve/);
        assert.match(result.stdout, /n_Approve -->\|"amount #60; 10k"\| n_CreateOrder/);
        assert.match(result.stdout, /n_Paid\(\["Invoice paid"\]\)/);
    });

    it('writes the graph model as JSON, for a named workflow', () => {
        const result = run(['render', 'examples/onboarding.workflow', '--workflow', 'Onboarding', '--format', 'json']);
        assert.equal(result.code, 0, result.stderr);
        const graph = JSON.parse(result.stdout);
        assert.equal(graph.workflow, 'Onboarding');
        assert.deepEqual(Object.keys(graph).sort(), [
            'criticalPath',
            'edges',
            'file',
            'findings',
            'lanes',
            'nodes',
            'owner',
            'sla',
            'summary',
            'title',
            'trigger',
            'version',
            'workflow',
        ]);
        assert.ok(graph.nodes.every((node: { lane: string }) => graph.lanes.some((lane: { id: string }) => lane.id === node.lane)));
    });

    for (const [what, args, message] of [
        [
            'an unknown workflow',
            ['render', FILE, '--workflow', 'Nope', '--format', 'svg'],
            /no workflow named 'Nope' \(this file has PurchaseToPay\)/,
        ],
        [
            'an unknown format',
            ['render', FILE, '--format', 'gif'],
            /render: invalid value 'gif' for option '--format' \(use svg, mermaid, bpmn or json\)/,
        ],
        ['a missing format', ['render', FILE], /render: option '--format' is required/],
        ['a missing file', ['render', 'nope.workflow', '--format', 'svg'], /nope\.workflow: no such file or folder/],
        ['a folder', ['render', 'examples', '--format', 'svg'], /render takes one file/],
        ['a file without workflows', ['render', 'examples/organization.workflow', '--format', 'svg'], /no workflow in this file/],
    ] as Array<[string, string[], RegExp]>) {
        it(`exits 2 with one line for ${what}`, () => {
            const result = run(args);
            assert.equal(result.code, 2);
            assert.match(result.stderr, message);
            assert.equal(result.stderr.trim().split('\n').length, 1);
        });
    }
});
