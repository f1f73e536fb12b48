/**
 * The built preview in headless Chromium, sent a large model in pieces as the extension sends it:
 * it draws exactly the diagram one message would, keeps the last good diagram when the pieces of
 * a model do not all come, and shows the newer of two interleaved models.
 */
import * as assert from 'node:assert/strict';
import type { WorkflowGraph } from '../../protocol/graph-model.js';
import type { ModelMessage, ToWebview } from '../../protocol/webview-messages.js';
import { modelMessages } from '../../protocol/webview-messages.js';
import { chainGraph } from './chain-graph.js';
import { model } from './examples.js';
import type { Harness } from './harness.js';
import { exportFrom, openHarness } from './harness.js';

/** Each message from a task of its own, as messages from the extension arrive. */
async function sendAll(harness: Harness, messages: ToWebview[]): Promise<void> {
    for (const message of messages) await harness.send(message);
}

describe('preview webview: a model sent in pieces', function () {
    this.timeout(120_000);
    let harness: Harness | undefined;
    afterEach(async () => {
        await harness?.close();
        harness = undefined;
    });

    /** The SVG the preview exports after drawing the model these messages carry. */
    async function exported(messages: ToWebview[], graph: WorkflowGraph): Promise<string> {
        harness = await openHarness();
        await sendAll(harness, messages);
        const rendered = await harness.renderedAfter(0);
        assert.deepEqual(
            rendered.nodeIds,
            graph.nodes.map(node => node.id),
        );
        const svg = await exportFrom(harness, 'svg', 1);
        await harness.close();
        harness = undefined;
        return svg;
    }

    it('draws exactly the diagram one message draws (exported SVG)', async () => {
        const graph = chainGraph(600, 4);
        const pieces = modelMessages(model(graph) as ModelMessage, 1);
        assert.ok(pieces.length > 3, `${pieces.length} messages`);
        const whole = await exported([model(graph)], graph);
        const pieced = await exported(pieces, graph);
        assert.ok(whole.includes('S599'));
        assert.ok(pieced === whole, 'the diagram drawn from pieces differs from the one drawn from one message');
    });

    it('keeps the last good diagram when a piece is missing, and shows the newer of two interleaved models', async () => {
        const first = chainGraph(10, 2, 'First');
        const broken = chainGraph(700, 3, 'Broken');
        const older = chainGraph(650, 3, 'Older');
        const newer = chainGraph(620, 3, 'Newer');
        harness = await openHarness();
        await sendAll(harness, modelMessages(model(first) as ModelMessage, 1));
        await harness.renderedAfter(0);
        const before = await exportFrom(harness, 'svg', 1);

        const missing = modelMessages(model(broken) as ModelMessage, 2);
        await sendAll(harness, [...missing.slice(0, 1), ...missing.slice(2)]);
        // A later message proves the broken model's messages were all handled meanwhile.
        await harness.send({ type: 'highlight' });
        assert.equal(await exportFrom(harness, 'svg', 2), before, 'the diagram changed although a piece was missing');
        assert.equal((await harness.posted()).filter(message => message.type === 'rendered').length, 1);

        const a = modelMessages(model(older) as ModelMessage, 3);
        const b = modelMessages(model(newer) as ModelMessage, 4);
        await sendAll(harness, [a[0], a[1], b[0], a[2], b[1], ...a.slice(3), ...b.slice(2)]);
        const rendered = await harness.renderedAfter(1);
        assert.equal(rendered.workflow, 'Newer');
        assert.deepEqual(
            rendered.nodeIds,
            newer.nodes.map(node => node.id),
        );
        const svg = await exportFrom(harness, 'svg', 3);
        assert.ok(svg.includes('S619') && !svg.includes('S620'));
    });
});
