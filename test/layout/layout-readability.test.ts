/**
 * The readability rules of PRODUCT.md §3b, as the checker (`diagram/layout-quality.ts`) counts
 * them, on every example workflow and on generated workflows of 10 to 300 nodes, left to right and
 * top to bottom: no defect of any rule. A failure lists every defect found, by rule and element.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Direction } from '../../protocol/diagram-layout.js';
import type { WorkflowGraph } from '../../protocol/graph-model.js';
import { GENERATED_SIZES, generateWorkflow } from '../../bench/realistic-workflows.js';
import { createElk } from '../../diagram/elk.js';
import { layoutGraph } from '../../diagram/layout.js';
import { checkLayout, describeDefects } from '../../diagram/layout-quality.js';
import { buildGraph } from '../../language/src/analysis/graph-builder.js';
import { workflowsOf } from '../../language/src/workspace/workspace-queries.js';
import { buildWorkspace } from '../../language/src/workspace/workflow-workspace.js';

const EXAMPLES = 'examples';
const DIRECTIONS: Direction[] = ['RIGHT', 'DOWN'];
const elk = createElk();

const exampleFiles = fs
    .readdirSync(EXAMPLES)
    .filter(name => name.endsWith('.workflow'))
    .map(name => ({ name, text: fs.readFileSync(path.join(EXAMPLES, name), 'utf8') }));

async function exampleGraphs(): Promise<Array<{ name: string; graph: WorkflowGraph }>> {
    const { documents } = await buildWorkspace(exampleFiles.map(f => ({ uri: `file:///examples/${f.name}`, text: f.text })));
    return documents.flatMap((document, index) =>
        workflowsOf(document).map(workflow => ({
            name: `examples/${exampleFiles[index].name}: ${workflow.name}`,
            graph: buildGraph(document, workflow),
        })),
    );
}

async function generatedGraph(size: number, lanes?: number): Promise<WorkflowGraph> {
    const generated = generateWorkflow(size, size, lanes);
    const { documents } = await buildWorkspace([{ uri: `file:///generated/${generated.name}.workflow`, text: generated.text }]);
    return buildGraph(
        documents[0],
        workflowsOf(documents[0]).find(workflow => workflow.name === generated.name)!,
    );
}

describe('layout readability: no defect of any rule', () => {
    for (const direction of DIRECTIONS) {
        it(`every example workflow, ${direction}`, async function () {
            this.timeout(60_000);
            const graphs = await exampleGraphs();
            assert.ok(graphs.length > 0, 'has example workflows');
            const found: string[] = [];
            for (const { name, graph } of graphs) {
                const defects = describeDefects(checkLayout(graph, await layoutGraph(graph, elk, direction)));
                if (defects) found.push(`${name}:\n${defects}`);
            }
            assert.equal(found.join('\n'), '');
        });
        for (const size of GENERATED_SIZES) {
            it(`generated workflow of ${size} nodes, ${direction}`, async function () {
                this.timeout(60_000);
                const graph = await generatedGraph(size);
                assert.equal(describeDefects(checkLayout(graph, await layoutGraph(graph, elk, direction))), '');
            });
        }
        // The compactness target's case: hand-offs between many lanes, most of them sharing a column.
        it(`generated workflow of 24 nodes in 8 lanes, ${direction}, and one of 50`, async function () {
            this.timeout(60_000);
            for (const graph of [await generatedGraph(24, 8), await generatedGraph(50)]) {
                assert.equal(describeDefects(checkLayout(graph, await layoutGraph(graph, elk, direction))), '');
            }
        });
    }
});
