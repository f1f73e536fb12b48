/**
 * Node-level geometry of today's layout, on every example workflow and on generated workflows of
 * 10 to 300 nodes, left to right and top to bottom: each lane holds its nodes (outside its
 * header), lanes do not overlap, and every edge starts on its source's drawn outline and ends on
 * its target's. The checker (`diagram/layout-quality.ts`) names what breaks a rule.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Direction } from '../../protocol/diagram-layout.js';
import type { WorkflowGraph } from '../../protocol/graph-model.js';
import { GENERATED_SIZES, generateWorkflow } from '../../bench/realistic-workflows.js';
import { createElk } from '../../diagram/elk.js';
import { layoutGraph } from '../../diagram/layout.js';
import type { LayoutQuality, Rule } from '../../diagram/layout-quality.js';
import { checkLayout, describeDefects } from '../../diagram/layout-quality.js';
import { buildGraph } from '../../language/src/analysis/graph-builder.js';
import { workflowsOf } from '../../language/src/workspace/workspace-queries.js';
import { buildWorkspace } from '../../language/src/workspace/workflow-workspace.js';

const EXAMPLES = 'examples';
const DIRECTIONS: Direction[] = ['RIGHT', 'DOWN'];
const elk = createElk();

/** The example files that hold workflows, all loaded as one workspace so that names across files resolve. */
const exampleFiles = fs
    .readdirSync(EXAMPLES)
    .filter(name => name.endsWith('.workflow'))
    .map(name => ({ name, text: fs.readFileSync(path.join(EXAMPLES, name), 'utf8') }));
let examples: Promise<Map<string, WorkflowGraph[]>> | undefined;

function exampleGraphs(file: string): Promise<WorkflowGraph[]> {
    examples ??= buildWorkspace(exampleFiles.map(f => ({ uri: `file:///examples/${f.name}`, text: f.text }))).then(
        ({ documents }) =>
            new Map(
                documents.map((document, index) => [
                    exampleFiles[index].name,
                    workflowsOf(document).map(workflow => buildGraph(document, workflow)),
                ]),
            ),
    );
    return examples.then(graphs => graphs.get(file) ?? []);
}

async function generatedGraph(size: number): Promise<WorkflowGraph> {
    const generated = generateWorkflow(size);
    const { documents } = await buildWorkspace([{ uri: `file:///generated/${generated.name}.workflow`, text: generated.text }]);
    return buildGraph(
        documents[0],
        workflowsOf(documents[0]).find(workflow => workflow.name === generated.name)!,
    );
}

const cases: Array<{ name: string; graphs: () => Promise<WorkflowGraph[]> }> = [
    ...exampleFiles
        .filter(file => /^\s*workflow\s/m.test(file.text))
        .map(file => ({ name: `examples/${file.name}`, graphs: () => exampleGraphs(file.name) })),
    ...GENERATED_SIZES.map(size => ({ name: `generated, ${size} nodes`, graphs: async () => [await generatedGraph(size)] })),
];

function expectNone(qualities: LayoutQuality[], rule: Rule): void {
    assert.equal(
        qualities
            .map(quality => describeDefects(quality, [rule]))
            .filter(Boolean)
            .join('\n'),
        '',
    );
}

describe('layout geometry', () => {
    for (const { name, graphs } of cases) {
        for (const direction of DIRECTIONS) {
            describe(`${name}, ${direction}`, () => {
                let qualities: LayoutQuality[] = [];
                before(async function () {
                    this.timeout(60_000);
                    qualities = [];
                    for (const graph of await graphs()) qualities.push(checkLayout(graph, await layoutGraph(graph, elk, direction)));
                    assert.ok(qualities.length > 0, 'has a workflow');
                    expectNone(qualities, 'notDrawn');
                });

                it('every lane holds all of its nodes, outside its header', () => expectNone(qualities, 'nodeOutsideLane'));
                it('lanes do not overlap', () => expectNone(qualities, 'laneOverlap'));
                it("every edge starts on its source's outline and ends on its target's", () => expectNone(qualities, 'edgeOffOutline'));
            });
        }
    }
});
