/**
 * Layout quality benchmark: for every example workflow and generated workflows of 10–300 nodes
 * (and the 20–50 range, with a 24-node workflow of 8 lanes), laid out in Node (left to right;
 * `BENCH_DIRECTION=DOWN` for top to bottom), the defects the checker (`diagram/layout-quality.ts`)
 * counts, the area per node, the drawing's size and the layout time. The layout work drives the
 * counts to zero. A second table sets the compact layout's size beside the same run's layout with
 * one layer per column (`compact: false`, as the BPMN export draws), and says where the area goes.
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
import type { LayoutOptions } from '../diagram/layout.js';
import { layoutGraph } from '../diagram/layout.js';
import { laneHeaderBox } from '../diagram/layout-metrics.js';
import type { LayoutQuality, Rule } from '../diagram/layout-quality.js';
import { checkLayout, describeDefects } from '../diagram/layout-quality.js';
import { buildGraph } from '../language/src/analysis/graph-builder.js';
import { workflowsOf } from '../language/src/workspace/workspace-queries.js';
import { buildWorkspace } from '../language/src/workspace/workflow-workspace.js';
import { median, ms, printTable } from './measure.js';
import { organizationText, workflowText } from './generate.js';
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

/** The sizes of §3b's compactness target, 20–50 nodes, and the 24-node 8-lane workflow it names. */
const COMPACT_RANGE: ReadonlyArray<readonly [number, number | undefined]> = [
    [20, undefined],
    [24, 8],
    [30, undefined],
    [40, undefined],
    [50, undefined],
];

async function generatedGraphs(): Promise<Array<{ name: string; graph: WorkflowGraph }>> {
    const result: Array<{ name: string; graph: WorkflowGraph }> = [];
    const sizes: Array<readonly [number, number | undefined]> = [
        ...GENERATED_SIZES.map(size => [size, undefined] as const),
        ...COMPACT_RANGE,
    ];
    sizes.sort((p, q) => p[0] - q[0] || (p[1] ?? 0) - (q[1] ?? 0));
    for (const [size, lanes] of sizes) {
        if (lanes === undefined && result.some(entry => entry.name === `generated, ${size} nodes`)) continue;
        const generated = generateWorkflow(size, size, lanes);
        const { documents } = await buildWorkspace([{ uri: `file:///generated/${generated.name}.workflow`, text: generated.text }]);
        const workflow = workflowsOf(documents[0]).find(w => w.name === generated.name)!;
        result.push({ name: `generated, ${size} nodes${lanes ? `, ${lanes} lanes` : ''}`, graph: buildGraph(documents[0], workflow) });
    }
    return result;
}

const BASELINE: LayoutOptions = { compact: false };

export async function layoutQualityBench(): Promise<void> {
    const elk = createElk();
    const diagrams = [...(await exampleGraphs()), ...(await generatedGraphs())];
    const rows: string[][] = [];
    const areaRows: string[][] = [];
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
        const baseTimes: number[] = [];
        let base: DiagramLayout | undefined;
        for (let run = 0; run < RUNS; run++) {
            const start = performance.now();
            base = await layoutGraph(graph, elk, DIRECTION, BASELINE);
            baseTimes.push(performance.now() - start);
        }
        const baseQuality = checkLayout(graph, base!);
        const baseDefects = Object.values(baseQuality.defects).reduce((sum, list) => sum + list.length, 0);
        const use = areaUse(layout!);
        areaRows.push([
            name,
            String(quality.nodes),
            String(quality.lanes),
            `${Math.round(baseQuality.areaPerNode).toLocaleString('en')} (${Math.round(baseQuality.width)} × ${Math.round(baseQuality.height)}, ${columns(base!)} col., ${baseDefects} defects)`,
            `${Math.round(quality.areaPerNode).toLocaleString('en')} (${Math.round(quality.width)} × ${Math.round(quality.height)}, ${columns(layout!)} col.)`,
            `${Math.round((100 * quality.areaPerNode) / baseQuality.areaPerNode)} %`,
            `${use.nodes} %`,
            `${use.columns} %`,
            `${use.lanes} %`,
            `${use.cells} %`,
            `${ms(median(baseTimes))} / ${ms(median(times))}`,
        ]);
    }
    rows.push(['total', '', '', '', ...totals.map(String), '', '', '']);
    printTable(
        `Layout quality, ${DIRECTION === 'RIGHT' ? 'left to right' : 'top to bottom'} (counts of defects; layout: median of ${RUNS} runs in Node)`,
        ['workflow', 'nodes', 'lanes', 'layers', ...COLUMNS.map(([heading]) => heading), 'px² per node', 'width × height', 'layout'],
        rows,
    );
    if (process.env.BENCH_DEFECTS) console.log(details.join('\n'));
    printTable(
        `Compactness, ${DIRECTION === 'RIGHT' ? 'left to right' : 'top to bottom'}: px² per node, one layer per column (baseline) and compact, same run; where the compact layout's area goes`,
        [
            'workflow',
            'nodes',
            'lanes',
            'one layer per column',
            'compact',
            'compact / baseline',
            'nodes cover',
            'columns: node extent / column',
            'lanes: content / lane',
            'cells used',
            'layout baseline / compact',
        ],
        areaRows,
    );
    await layoutTimes(elk);
}

/** The preview's targets (200 nodes ≤ 250 ms, 1,000 ≤ 1 s) on the preview bench's workflows: layout time, compact and not, same run. */
async function layoutTimes(elk: ReturnType<typeof createElk>): Promise<void> {
    const rows: string[][] = [];
    for (const size of [200, 1000]) {
        const text = `${organizationText()}\n${workflowText('Big', size)}`;
        const { documents } = await buildWorkspace([{ uri: 'file:///generated/big.workflow', text }]);
        const graph = buildGraph(
            documents[0],
            workflowsOf(documents[0]).find(w => w.name === 'Big')!,
        );
        const times = { compact: [] as number[], baseline: [] as number[] };
        for (let run = 0; run < RUNS; run++) {
            for (const [key, options] of [
                ['baseline', BASELINE],
                ['compact', {}],
            ] as const) {
                const start = performance.now();
                await layoutGraph(graph, elk, DIRECTION, options);
                times[key].push(performance.now() - start);
            }
        }
        rows.push([`${size} nodes, ${graph.lanes.length} lanes`, ms(median(times.baseline)), ms(median(times.compact))]);
    }
    printTable(`Layout time in Node (median of ${RUNS} runs, interleaved)`, ['workflow', 'one layer per column', 'compact'], rows);
}

/**
 * Where a layout's area goes: the share the node boxes cover; along the flow, how much of each
 * column its widest node fills (the rest is the gaps with their labels and tracks); across the
 * flow, how much of each lane its tallest column's nodes fill (the rest is margins and lines);
 * and the share of column × lane cells that hold a node.
 */
function areaUse(layout: DiagramLayout): { nodes: number; columns: number; lanes: number; cells: number } {
    const horizontal = layout.direction === 'RIGHT';
    const along = (box: { x: number; y: number; width: number; height: number }) => (horizontal ? [box.x, box.width] : [box.y, box.height]);
    const across = (box: { x: number; y: number; width: number; height: number }) =>
        horizontal ? [box.y, box.height] : [box.x, box.width];
    const nodeArea = layout.nodes.reduce((sum, node) => sum + node.width * node.height, 0);
    const centres = new Map<number, number>();
    for (const node of layout.nodes) {
        const [at, size] = along(node);
        const key = Math.round(at + size / 2);
        centres.set(key, Math.max(centres.get(key) ?? 0, size));
    }
    const header = layout.lanes.length > 0 ? along(laneHeaderBox(layout.lanes[0], layout.direction))[1] : 0;
    const flowLength = (horizontal ? layout.width : layout.height) - header;
    const nodeExtent = [...centres.values()].reduce((sum, size) => sum + size, 0);
    let laneContent = 0;
    let laneTotal = 0;
    const cells = new Set<string>();
    for (const lane of layout.lanes) {
        const [laneAt, laneSize] = across(lane);
        laneTotal += laneSize;
        const perColumn = new Map<number, number>();
        for (const node of layout.nodes) {
            const [at, size] = across(node);
            if (at < laneAt || at + size > laneAt + laneSize) continue;
            const [mainAt, mainSize] = along(node);
            const key = Math.round(mainAt + mainSize / 2);
            perColumn.set(key, (perColumn.get(key) ?? 0) + size);
            cells.add(`${lane.id}\u0000${key}`);
        }
        laneContent += Math.max(0, ...perColumn.values());
    }
    const percent = (part: number, whole: number) => Math.round((100 * part) / Math.max(1, whole));
    return {
        nodes: percent(nodeArea, layout.width * layout.height),
        columns: percent(nodeExtent, flowLength),
        lanes: percent(laneContent, laneTotal),
        cells: percent(cells.size, centres.size * layout.lanes.length),
    };
}

/** The layers along the flow: how many distinct places along it the nodes' centres take. */
function columns(layout: DiagramLayout): number {
    const along = (node: DiagramLayout['nodes'][number]) =>
        layout.direction === 'RIGHT' ? node.x + node.width / 2 : node.y + node.height / 2;
    return new Set(layout.nodes.map(node => Math.round(along(node)))).size;
}
