/**
 * The parser links every AST node to its container with its own walk
 * (`langium-patches/container-links.ts`): the links must be those Langium's
 * `linkContentToContainer` sets, on every example and on text with syntax errors.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { AstNode } from 'langium';
import { AstUtils, EmptyFileSystem } from 'langium';
import { createWorkflowServices } from '../../language/src/workflow-module.js';

type Link = [AstNode | undefined, string | undefined, number | undefined];

function links(root: AstNode): Map<AstNode, Link> {
    const map = new Map<AstNode, Link>();
    for (const node of AstUtils.streamAst(root)) map.set(node, [node.$container, node.$containerProperty, node.$containerIndex]);
    return map;
}

function forget(root: AstNode): void {
    for (const node of AstUtils.streamAst(root)) {
        if (node === root) continue;
        const writable = node as { $container?: AstNode; $containerProperty?: string; $containerIndex?: number };
        delete writable.$container;
        delete writable.$containerProperty;
        delete writable.$containerIndex;
    }
}

describe('container links of a parse', () => {
    it("equal Langium's on every example, whole and cut short", () => {
        const parser = createWorkflowServices(EmptyFileSystem).Workflow.parser.LangiumParser;
        const texts = fs
            .readdirSync('examples', { recursive: true, encoding: 'utf8' })
            .filter(name => name.endsWith('.workflow'))
            .map(name => fs.readFileSync(`examples/${name}`, 'utf8'));
        assert.ok(texts.length >= 5);
        let nodes = 0;
        for (const whole of texts) {
            for (const text of [whole, whole.slice(0, Math.floor(whole.length * 0.6)), whole.replace(/\bnext\b/, 'next next {')]) {
                const root = parser.parse(text).value;
                const ours = links(root);
                // Every node but the root is linked, and the walk reached each once.
                for (const [node, [container]] of ours) if (node !== root) assert.ok(container, `${node.$type} has no container`);
                forget(root);
                AstUtils.linkContentToContainer(root, { deep: true });
                assert.deepEqual(
                    [...links(root)].map(([node, link]) => [node, ...link]),
                    [...ours].map(([node, link]) => [node, ...link]),
                );
                nodes += ours.size;
            }
        }
        assert.ok(nodes > 500, `only ${nodes} nodes`);
    });
});
