/**
 * A large model sent to the preview in pieces: how the extension cuts it, how the webview checks
 * each piece and puts the model back together, and what it drops (malformed, out of order, an
 * older model's pieces interleaved with a newer one's).
 */
import * as assert from 'node:assert/strict';
import type { WorkflowGraph } from '../../protocol/graph-model.js';
import type { ModelMessage, ModelPiece, ToWebview } from '../../protocol/webview-messages.js';
import { isToWebview, MODEL_PIECES, ModelAssembler, modelMessages } from '../../protocol/webview-messages.js';

/** A graph of `count` nodes chained by `count - 1` edges; only the fields the protocol looks at are filled. */
function chain(count: number, tag = 'n'): WorkflowGraph {
    const nodes = Array.from({ length: count }, (_, index) => ({ id: `${tag}${index}`, name: `${tag}${index}` }));
    const edges = nodes.slice(1).map((node, index) => ({ id: `e${index}`, source: nodes[index].id, target: node.id }));
    return {
        uri: 'file:///workspace/flow.workflow',
        workflow: 'Flow',
        summary: `${count} steps`,
        nodes,
        edges,
        lanes: [{ id: 'lane', name: 'Lane' }],
    } as unknown as WorkflowGraph;
}

function modelOf(graph: WorkflowGraph | undefined): ModelMessage {
    return {
        type: 'model',
        uri: 'file:///workspace/flow.workflow',
        graph,
        workflows: [],
        syntaxErrors: 0,
        direction: 'RIGHT',
        fileName: 'flow.workflow',
    };
}

/** Feeds messages to an assembler as the webview does, validating each; returns the models completed. */
function receive(messages: unknown[], assembler = new ModelAssembler()): ModelMessage[] {
    const completed: ModelMessage[] = [];
    for (const message of messages) {
        if (!isToWebview(message) || (message.type !== 'model' && message.type !== 'modelPiece')) continue;
        const whole = assembler.accept(message);
        if (whole) completed.push(whole);
    }
    return completed;
}

const isPiece = (message: ToWebview): message is ModelPiece => message.type === 'modelPiece';

describe('model sent in pieces', () => {
    it('sends a small graph, or no graph, as one message', () => {
        for (const graph of [chain(10), chain(150), undefined]) {
            const messages = modelMessages(modelOf(graph), 4);
            assert.equal(messages.length, 1);
            assert.equal(messages[0].type, 'model');
            assert.equal((messages[0] as ModelMessage).pieces, undefined);
            assert.deepEqual(receive(messages)[0].graph, graph);
        }
    });

    it('cuts a large graph into numbered pieces of at most a piece each, and puts it back together as it was', () => {
        const graph = chain(1000);
        const messages = modelMessages(modelOf(graph), 7);
        const pieces = messages.filter(isPiece);
        assert.ok(pieces.length >= 5, `${pieces.length} pieces`);
        pieces.forEach((piece, index) => {
            assert.equal(piece.index, index);
            assert.equal(piece.version, 7);
            assert.ok(piece.nodes.length + piece.edges.length <= MODEL_PIECES.pieceItems);
        });
        const last = messages.at(-1) as ModelMessage;
        assert.equal(last.type, 'model');
        assert.equal(last.pieces, pieces.length);
        assert.ok(last.graph!.nodes.length + last.graph!.edges.length <= MODEL_PIECES.pieceItems);
        // Each message, as the structured clone delivers it, is valid on its own.
        assert.ok(messages.every(message => isToWebview(structuredClone(message))));
        const [whole] = receive(messages.map(message => structuredClone(message)));
        assert.deepEqual(whole.graph, graph);
        assert.equal(whole.version, 7);
    });

    it('drops a malformed piece and the model it belonged to, keeping what was shown', () => {
        const messages = modelMessages(modelOf(chain(1000)), 1);
        const tooLarge = { ...messages[0], nodes: chain(MODEL_PIECES.pieceItems + 1).nodes };
        const notObjects = { ...messages[0], nodes: ['x'] };
        const badVersion = { ...messages[0], version: -1 };
        const fractional = { ...messages[0], index: 0.5 };
        for (const bad of [tooLarge, notObjects, badVersion, fractional, { ...messages[0], edges: undefined }]) {
            assert.equal(isToWebview(bad), false, JSON.stringify(bad).slice(0, 80));
            assert.deepEqual(receive([bad, ...messages.slice(1)]), [], 'a model missing a piece is not shown');
        }
        // A pieced model whose last message holds more than a piece is malformed too.
        const last = messages.at(-1) as ModelMessage;
        const bloated = { ...last, graph: chain(MODEL_PIECES.pieceItems + 1) };
        assert.equal(isToWebview(bloated), false);
        assert.equal(isToWebview({ ...last, pieces: MODEL_PIECES.pieces + 1 }), false);
    });

    it('drops a model whose pieces came out of order, or too few or too many', () => {
        const messages = modelMessages(modelOf(chain(1000)), 3);
        const pieces = messages.slice(0, -1);
        const last = messages.at(-1)!;
        assert.deepEqual(receive([pieces[1], pieces[0], ...pieces.slice(2), last]), []);
        assert.deepEqual(receive([...pieces.slice(0, -1), last]), []);
        assert.deepEqual(receive([...pieces, pieces.at(-1), last]), []);
        assert.deepEqual(receive([last]), []);
        // The next model after a broken one is shown.
        const assembler = new ModelAssembler();
        receive([pieces[1], ...pieces, last], assembler);
        const next = chain(900, 'm');
        assert.deepEqual(receive(modelMessages(modelOf(next), 4), assembler)[0].graph, next);
    });

    it('drops an older model when a newer one is interleaved with it, and the older pieces that come after', () => {
        const older = modelMessages(modelOf(chain(1000, 'old')), 5);
        const newerGraph = chain(800, 'new');
        const newer = modelMessages(modelOf(newerGraph), 6);
        const interleaved = [older[0], older[1], newer[0], older[2], newer[1], ...older.slice(3), ...newer.slice(2)];
        const completed = receive(interleaved);
        assert.equal(completed.length, 1);
        assert.deepEqual(completed[0].graph, newerGraph);
        // A newer one-message model also ends an older pieced one.
        const small = chain(5, 's');
        const shown = receive([...older.slice(0, 2), ...modelMessages(modelOf(small), 6), ...older.slice(2)]);
        assert.deepEqual(
            shown.map(message => message.graph),
            [small],
        );
    });

    it('keeps accepting models without a version (one message each)', () => {
        const first = chain(3, 'a');
        const second = chain(1000, 'b');
        const completed = receive([modelOf(first), ...modelMessages(modelOf(second), 2), modelOf(first)]);
        assert.deepEqual(
            completed.map(message => message.graph),
            [first, second, first],
        );
    });
});
