/**
 * Drives an exported process on bpmn-engine along every combination of decision outcomes (up to a
 * bound), and each rework loop once, asserting that every run reaches exactly one end and that
 * each node runs once, the work a loop returns to twice.
 */
import * as assert from 'node:assert/strict';
import { execute, type RunOptions } from './engine.js';

/** The graph model as `render --format json` writes it: the parts the runs read. */
export interface GraphJson {
    workflow: string;
    nodes: Array<{ id: string; kind: string }>;
    edges: Array<{ id: string; from: string; to: string; label?: string; default?: true; back?: true }>;
}

/** A value no `when` branch has: the gateway takes its default flow. */
export const OTHERWISE = '(none of the conditions)';

export interface PathOptions extends RunOptions {
    /** At most this many combinations; beyond it every outcome of each decision, the others on their first. */
    readonly bound?: number;
}

/** Runs every path; returns the number of runs. */
export async function runEveryPath(xml: string, graph: GraphJson, options: PathOptions = {}): Promise<number> {
    const bound = options.bound ?? 64;
    const kinds = new Map(graph.nodes.map(node => [node.id, node.kind]));
    const decisions = graph.nodes
        .filter(node => node.kind === 'decision' && graph.edges.filter(edge => edge.from === node.id).length > 1)
        .map(node => node.id);
    const value = (edge: GraphJson['edges'][number]) => (edge.default ? OTHERWISE : edge.label!);
    const next = (from: string, all: boolean) => graph.edges.filter(edge => edge.from === from && (all || !edge.back)).map(edge => edge.to);
    const reach = (from: string, all = false) => {
        const seen = new Set([from]);
        const stack = [from];
        while (stack.length > 0)
            for (const to of next(stack.pop()!, all))
                if (!seen.has(to)) {
                    seen.add(to);
                    stack.push(to);
                }
        return seen;
    };
    // A branch loops when it is a rework transition or leads only into one: no end ahead of it.
    const branches = new Map(decisions.map(id => [id, graph.edges.filter(edge => edge.from === id)]));
    const loops = (edge: GraphJson['edges'][number]) => edge.back === true || ![...reach(edge.to)].some(id => kinds.get(id) === 'end');
    // Every combination of the outcomes that go ahead; then each looping branch taken once.
    let combinations: Array<Map<string, string>> = [new Map()];
    for (const id of decisions)
        combinations = combinations.flatMap(chosen =>
            branches
                .get(id)!
                .filter(edge => !loops(edge))
                .map(edge => new Map([...chosen, [id, value(edge)]])),
        );
    if (combinations.length > bound) {
        // Too many to run them all: every outcome of every decision, the others on their first.
        const first = new Map(decisions.map(id => [id, value(branches.get(id)!.find(edge => !loops(edge))!)]));
        combinations = decisions.flatMap(id =>
            branches
                .get(id)!
                .filter(edge => !loops(edge))
                .map(edge => new Map([...first, [id, value(edge)]])),
        );
    }
    const runs = [
        ...combinations.map(chosen => ({ chosen, loop: undefined as GraphJson['edges'][number] | undefined })),
        ...decisions.flatMap(id => branches.get(id)!.filter(loops)).map(loop => ({ chosen: combinations[0], loop })),
    ];
    assert.ok(combinations.length > 0);
    for (const { chosen, loop } of runs) {
        const run = await execute(
            xml,
            (decision, visit) => (loop && loop.from === decision && visit === 1 ? value(loop) : (chosen.get(decision) ?? OTHERWISE)),
            options,
        );
        const what = `${[...chosen].map(([d, v]) => `${d}=${v === OTHERWISE ? 'otherwise' : v}`).join(', ')}${loop ? `, loop ${loop.from}->${loop.to} once` : ''}`;
        assert.ok(run.ended, `${what}: the process did not finish: ${run.started.join(' ')}`);
        const ends = run.started.filter(id => kinds.get(id.replace(/^Node_/, '')) === 'end');
        assert.equal(ends.length, 1, `${what}: reaches one end: ${run.started.join(' ')}`);
        const counts = new Map<string, number>();
        for (const id of run.started) if (/^Node_/.test(id)) counts.set(id.slice(5), (counts.get(id.slice(5)) ?? 0) + 1);
        // The work a loop returns to, from the rework transition's target to the decision, runs twice.
        let twice = new Set<string>();
        if (loop && counts.has(loop.from)) {
            const rework = loop.back
                ? loop
                : graph.edges.find(edge => edge.back && reach(loop.to).has(edge.from) && reach(edge.to).has(loop.from))!;
            assert.ok(rework, `${what}: a rework transition closes the loop`);
            twice = new Set([...reach(rework.to)].filter(id => reach(id).has(loop.from)));
            assert.equal(counts.get(loop.from), 2, `${what}: the decision runs again`);
        }
        for (const [id, count] of counts)
            assert.equal(count, twice.has(id) ? 2 : 1, `${what}: ${id} ran ${count} times: ${run.started.join(' ')}`);
    }
    return runs.length;
}
