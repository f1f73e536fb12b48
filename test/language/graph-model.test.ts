/**
 * The graph model: lanes from owning teams, hand-offs and channels, branch labels, the critical
 * path, findings on nodes and edges, and ends placed in the lane of what leads to them.
 */
import * as assert from 'node:assert/strict';
import { buildGraph } from '../../language/src/analysis/graph-builder.js';
import { workflowsOf } from '../../language/src/workspace/workspace-queries.js';
import { NO_TEAM_LANE } from '../../protocol/graph-model.js';
import { loadText } from '../helpers.js';

const TEXT = `team Sales { role Rep }
team Billing { role Clerk }
system CRM { owner Sales.Rep }
workflow Deal "Close a deal" {
  owner Sales
  sla 1d
  step Quote "Send a quote" { owner Sales.Rep; uses CRM; duration 4h; next Check via CRM }
  decision Check { owner Billing.Clerk; duration 2h; when "ok" -> Invoice; otherwise -> Quote }
  step Invoice { owner Billing.Clerk; automated by CRM; calls Other; duration 1d; next Bill }
  step Bill { owner Sales.Rep; next Won }
  end Won
}
workflow Other { owner Sales; step Orphan { next Done }; end Done }`;

describe('graph model', () => {
    it('puts each node in the lane of its owning team, lanes in order of appearance', async () => {
        const { main } = await loadText(TEXT);
        const graph = buildGraph(main.document, workflowsOf(main.document)[0]);
        assert.deepEqual(
            graph.lanes.map(lane => lane.id),
            ['Sales', 'Billing'],
        );
        assert.deepEqual(
            graph.nodes.map(node => [node.id, node.kind, node.lane]),
            [
                ['Quote', 'step', 'Sales'],
                ['Check', 'decision', 'Billing'],
                ['Invoice', 'step', 'Billing'],
                ['Bill', 'step', 'Sales'],
                ['Won', 'end', 'Sales'],
            ],
        );
        const invoice = graph.nodes.find(node => node.id === 'Invoice')!;
        assert.equal(invoice.automatedBy, 'CRM');
        assert.equal(invoice.calls, 'Other');
        assert.equal(invoice.minutes, 24 * 60);
        assert.equal(graph.nodes[0].start, true);
        assert.equal(graph.nodes[0].title, 'Send a quote');
        assert.equal(graph.nodes[0].owner, 'Sales.Rep');
        assert.deepEqual(graph.nodes[0].systems, ['CRM']);
        assert.deepEqual(graph.nodes[0].nameRange, { start: { line: 6, character: 7 }, end: { line: 6, character: 12 } });
    });

    it('marks hand-offs with their channel and labels branches', async () => {
        const { main } = await loadText(TEXT);
        const graph = buildGraph(main.document, workflowsOf(main.document)[0]);
        const edge = (from: string, to: string) => graph.edges.find(e => e.from === from && e.to === to)!;
        assert.deepEqual([edge('Quote', 'Check').handoff, edge('Quote', 'Check').channel], [true, 'CRM']);
        assert.deepEqual([edge('Check', 'Invoice').handoff, edge('Check', 'Invoice').label], [false, 'ok']);
        assert.deepEqual(
            [edge('Check', 'Quote').handoff, edge('Check', 'Quote').label, edge('Check', 'Quote').channel],
            [true, 'otherwise', undefined],
        );
        assert.deepEqual(
            edge('Check', 'Quote').findings.map(f => f.code),
            ['handoff-without-channel'],
        );
        assert.equal(edge('Bill', 'Won').handoff, false);
    });

    it('computes the critical path and the SLA status', async () => {
        const { main } = await loadText(TEXT);
        const graph = buildGraph(main.document, workflowsOf(main.document)[0]);
        assert.deepEqual(graph.criticalPath, { minutes: 30 * 60, text: '1d 6h', nodes: ['Quote', 'Check', 'Invoice', 'Bill', 'Won'] });
        assert.deepEqual(graph.sla, { minutes: 24 * 60, text: '1d', exceeded: true });
        assert.deepEqual(
            graph.nodes.filter(node => node.critical).map(node => node.id),
            ['Quote', 'Check', 'Invoice', 'Bill', 'Won'],
        );
        assert.deepEqual(
            graph.edges.filter(edge => edge.critical).map(edge => `${edge.from}->${edge.to}`),
            ['Quote->Check', 'Check->Invoice', 'Invoice->Bill', 'Bill->Won'],
        );
        assert.deepEqual(
            graph.findings.map(f => f.code),
            ['sla-exceeded'],
        );
        assert.equal(graph.summary, '4 steps · 2 teams · 3 hand-offs · critical path 1d 6h / SLA 1d');
    });

    it('attaches findings to their nodes, and puts nodes without a team in a lane of their own', async () => {
        const { main } = await loadText(TEXT);
        const other = buildGraph(main.document, workflowsOf(main.document)[1]);
        const orphan = other.nodes.find(node => node.id === 'Orphan')!;
        assert.equal(orphan.lane, NO_TEAM_LANE);
        assert.deepEqual(
            orphan.findings.map(f => [f.severity, f.code]),
            [['error', 'missing-owner']],
        );
        assert.deepEqual(
            other.lanes.map(lane => lane.id),
            [NO_TEAM_LANE],
        );
    });

    it('is plain data: no AST nodes, links or cycles, only objects, arrays, strings, numbers and booleans', async () => {
        const { main } = await loadText(TEXT);
        const graph = buildGraph(main.document, workflowsOf(main.document)[0]);
        const check = (value: unknown, seen: Set<unknown>, at: string): void => {
            if (value === undefined || value === null || ['string', 'number', 'boolean'].includes(typeof value)) return;
            assert.ok(typeof value === 'object' && !seen.has(value), `plain, acyclic at ${at}`);
            assert.ok(Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype, `plain object at ${at}`);
            assert.ok(!('$type' in value) && !('$container' in value), `no AST node at ${at}`);
            seen.add(value);
            Object.entries(value).forEach(([key, child]) => check(child, seen, `${at}.${key}`));
            seen.delete(value);
        };
        check(graph, new Set(), 'graph');
    });
});
