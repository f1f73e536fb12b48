/**
 * Layout quality benchmark: for every example workflow and generated workflows of 10–300 nodes,
 * laid out in Node (left to right; `BENCH_DIRECTION=DOWN` for top to bottom), the defects the checker (`diagram/layout-quality.ts`) counts,
 * the area per node, the drawing's size and the layout time. The layout work drives these to zero.
 *
 *   npm run bench -- quality                   the table
 *   BENCH_DEFECTS=1 npm run bench -- quality   and every defect, named, under it
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { DiagramLayout, Direction } from '../protocol/diagram-layout.js';
import type { WorkflowGraph } from '../protocol/graph-model.js';
import { createElk } from '../diagram/elk.js';
import { layoutGraph } from '../diagram/layout.js';
import type { LayoutQuality, Rule } from '../diagram/layout-quality.js';
import { checkLayout, describeDefects } from '../diagram/layout-quality.js';
import { buildGraph } from '../language/src/analysis/graph-builder.js';
import { workflowsOf } from '../language/src/workspace/workspace-queries.js';
import { buildWorkspace } from '../language/src/workspace/workflow-workspace.js';
import { median, ms, printTable } from './measure.js';
import { GENERATED_SIZES, generateWorkflow } from './realistic-workflows.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const DIRECTION: Direction = process.env.BENCH_DIRECTION === 'DOWN' ? 'DOWN' : 'RIGHT';

/** The table's columns after the name, nodes and lanes: a heading and the rules it sums. */
const COLUMNS: ReadonlyArray<readonly [string, readonly Rule[]]> = [
    ['(a) edge × label', ['edgeThroughLabel']],
    ['(b) label × label/header', ['labelOverlap']],
    ['(c) label × node', ['labelOnNode']],
    ['(d) edge × node', ['edgeThroughNode']],
    ['(e) edge on edge', ['edgeOverlap']],
    ['(f) end off outline', ['edgeOffOutline']],
    ['(g) shared arrowhead', ['sharedArrowhead']],
    ['cut texts', ['cutText']],
    ['edge × lane header', ['edgeThroughLaneHeader']],
    ['outside drawing', ['outsideDrawing']],
    ['lanes (node outside, overlap, not drawn)', ['nodeOutsideLane', 'laneOverlap', 'notDrawn']],
];

async function exampleGraphs(): Promise<Array<{ name: string; graph: WorkflowGraph }>> {
    const folder = 'examples';
    const files = fs
        .readdirSync(folder)
        .filter(name => name.endsWith('.workflow'))
        .sort();
    const { documents } = await buildWorkspace(
        files.map(name => ({ uri: `file:///examples/${name}`, text: fs.readFileSync(path.join(folder, name), 'utf8') })),
    );
    return documents.flatMap((document, index) =>
        workflowsOf(document).map(workflow => ({
            name: `${files[index].replace(/\.workflow$/, '')}: ${workflow.name}`,
            graph: buildGraph(document, workflow),
        })),
    );
}

async function generatedGraphs(): Promise<Array<{ name: string; graph: WorkflowGraph }>> {
    const result = [];
    for (const size of GENERATED_SIZES) {
        const generated = generateWorkflow(size);
        const { documents } = await buildWorkspace([{ uri: `file:///generated/${generated.name}.workflow`, text: generated.text }]);
        const workflow = workflowsOf(documents[0]).find(w => w.name === generated.name)!;
        result.push({ name: `generated, ${size} nodes`, graph: buildGraph(documents[0], workflow) });
    }
    return result;
}

export async function layoutQualityBench(): Promise<void> {
    const elk = createElk();
    const diagrams = [...(await exampleGraphs()), ...(await generatedGraphs())];
    const rows: string[][] = [];
    const details: string[] = [];
    const totals = COLUMNS.map(() => 0);
    // One untimed run first, so the first diagram does not pay for warming up ELK.
    await layoutGraph(diagrams[0].graph, elk, DIRECTION);
    for (const { name, graph } of diagrams) {
        const times: number[] = [];
        let layout: DiagramLayout | undefined;
        for (let run = 0; run < RUNS; run++) {
            const start = performance.now();
            layout = await layoutGraph(graph, elk, DIRECTION);
            times.push(performance.now() - start);
        }
        const quality: LayoutQuality = checkLayout(graph, layout!);
        const counts = COLUMNS.map(([, rules]) => rules.reduce((sum, rule) => sum + quality.defects[rule].length, 0));
        counts.forEach((count, i) => (totals[i] += count));
        rows.push([
            name,
            String(quality.nodes),
            String(quality.lanes),
            String(columns(layout!)),
            ...counts.map(String),
            Math.round(quality.areaPerNode).toLocaleString('en'),
            `${Math.round(quality.width)} × ${Math.round(quality.height)}`,
            ms(median(times)),
        ]);
        const listed = describeDefects(quality);
        if (listed) details.push(`\n${name}\n${listed}`);
    }
    rows.push(['total', '', '', '', ...totals.map(String), '', '', '']);
    printTable(
        `Layout quality, ${DIRECTION === 'RIGHT' ? 'left to right' : 'top to bottom'} (counts of defects; layout: median of ${RUNS} runs in Node)`,
        ['workflow', 'nodes', 'lanes', 'layers', ...COLUMNS.map(([heading]) => heading), 'px² per node', 'width × height', 'layout'],
        rows,
    );
    if (process.env.BENCH_DEFECTS) console.log(details.join('\n'));
}

/** The layers along the flow: how many distinct places along it the nodes' centres take. */
function columns(layout: DiagramLayout): number {
    const along = (node: DiagramLayout['nodes'][number]) =>
        layout.direction === 'RIGHT' ? node.x + node.width / 2 : node.y + node.height / 2;
    return new Set(layout.nodes.map(node => Math.round(along(node)))).size;
}
